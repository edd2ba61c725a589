#include "core/ApprovalStateMachine.h"

#include <algorithm>

namespace mandate {

namespace {

const QString &customerRole()
{
    static const QString role = QStringLiteral("customer");
    return role;
}

const QString &approverRole()
{
    static const QString role = QStringLiteral("approver");
    return role;
}

bool routedToCustomer(const Approval &approval, StepUpApprover routing)
{
    return approval.kind == ApprovalKind::StepUp && routing == StepUpApprover::Customer;
}

qsizetype nonSpaceLength(const QString &text)
{
    return std::count_if(text.begin(), text.end(), [](QChar c) { return !c.isSpace(); });
}

} // namespace

std::optional<ApprovalStateMachine::Error> ApprovalStateMachine::eligibility(const Approval &approval,
                                                                             StepUpApprover routing,
                                                                             const Decider &decider,
                                                                             const QDateTime &now)
{
    if (approval.status != ApprovalStatus::Pending) {
        return Error::NotPending;
    }
    if (approval.expiresAt <= now) {
        return Error::Expired;
    }

    const bool toCustomer = routedToCustomer(approval, routing);
    const QString &neededRole = toCustomer ? customerRole() : approverRole();
    const bool isStaff =
        decider.roles.contains(QStringLiteral("support")) || decider.roles.contains(QStringLiteral("admin"));
    if (isStaff && !decider.roles.contains(neededRole)) {
        return Error::SupportCannotDecide;
    }

    if (toCustomer) {
        if (decider.userId != approval.customer.id) {
            return Error::NotTheCustomer;
        }
    } else if (!decider.roles.contains(approverRole())) {
        return Error::NotAnApprover;
    }

    if (approval.kind == ApprovalKind::DualControl && decider.userId == approval.customer.id) {
        return Error::CustomerCannotApproveOwn;
    }

    const bool alreadyDecided = std::any_of(
        approval.decisions.cbegin(), approval.decisions.cend(),
        [&decider](const ApprovalDecisionRecord &record) { return record.user.id == decider.userId; });
    if (alreadyDecided) {
        return Error::AlreadyDecided;
    }
    return std::nullopt;
}

Expected<Approval, ApprovalStateMachine::Error>
ApprovalStateMachine::decide(Approval approval, StepUpApprover routing, const Decider &decider,
                             ApprovalVerdict verdict, const QString &reason, const QDateTime &now)
{
    // Who may decide is answered before what they sent: a support user learns they cannot
    // decide, not that their reason was too short.
    if (const std::optional<Error> error = eligibility(approval, routing, decider, now)) {
        return unexpected(*error);
    }
    if (verdict == ApprovalVerdict::Deny && nonSpaceLength(reason) < MinDenyReasonLength) {
        return unexpected(Error::ReasonRequired);
    }

    approval.decisions.append(ApprovalDecisionRecord{
        PartyRef{decider.userId, decider.name, QString()},
        verdict,
        reason,
        now,
    });

    if (verdict == ApprovalVerdict::Deny) {
        approval.status = ApprovalStatus::Denied;
        approval.resolvedAt = now;
        return approval;
    }

    const auto approvals = std::count_if(
        approval.decisions.cbegin(), approval.decisions.cend(),
        [](const ApprovalDecisionRecord &record) { return record.verdict == ApprovalVerdict::Approve; });
    if (approvals >= approval.requiredApprovals) {
        approval.status = ApprovalStatus::Approved;
        approval.resolvedAt = now;
    }
    return approval;
}

std::optional<QString> ApprovalStateMachine::narrowingError(const Approval &approval, const Money &narrowed)
{
    const std::optional<Money> &asked = approval.request.amount;
    if (!asked)
        return QStringLiteral("This request names no amount to narrow.");
    if (narrowed.currency() != asked->currency())
        return QStringLiteral("Must be in %1, the currency of the request.").arg(asked->currency());
    if (narrowed.amountMinor() <= 0 || narrowed.amountMinor() >= asked->amountMinor())
        return QStringLiteral("Must be more than zero and less than the %1 asked for.")
            .arg(asked->toDisplayString());
    return std::nullopt;
}

bool ApprovalStateMachine::expireIfDue(Approval &approval, const QDateTime &now)
{
    if (approval.status != ApprovalStatus::Pending || approval.expiresAt > now) {
        return false;
    }
    approval.status = ApprovalStatus::Expired;
    // The moment it stopped being decidable, however late a sweeper notices.
    approval.resolvedAt = approval.expiresAt;
    return true;
}

QString ApprovalStateMachine::errorMessage(Error error)
{
    switch (error) {
    case Error::NotPending:
        return QStringLiteral("This approval has already been resolved.");
    case Error::Expired:
        return QStringLiteral("This approval has expired and can no longer be decided.");
    case Error::ReasonRequired:
        return QStringLiteral("A denial needs a reason of at least %1 characters, not counting spaces.")
            .arg(MinDenyReasonLength);
    case Error::SupportCannotDecide:
        return QStringLiteral("Support staff can view approvals but never decide them.");
    case Error::NotTheCustomer:
        return QStringLiteral("Only the customer who granted the delegation can confirm this step-up.");
    case Error::NotAnApprover:
        return QStringLiteral("Only users with the approver role can decide this approval.");
    case Error::CustomerCannotApproveOwn:
        return QStringLiteral("Dual control needs two approvers other than the delegation's customer.");
    case Error::AlreadyDecided:
        return QStringLiteral("You have already decided this approval; a second approver must decide it.");
    }
    Q_UNREACHABLE();
    return {};
}

} // namespace mandate
