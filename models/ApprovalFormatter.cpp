#include "models/ApprovalFormatter.h"

#include "core/ApprovalStateMachine.h"
#include "models/DelegationFormatter.h"

#include <QCoreApplication>

#include <algorithm>

namespace mandate::models {

QString ApprovalFormatter::kindText(ApprovalKind kind)
{
    return kind == ApprovalKind::StepUp ? tr("Step-up") : tr("Dual control");
}

QString ApprovalFormatter::statusText(ApprovalStatus status)
{
    switch (status) {
    case ApprovalStatus::Pending:
        return tr("Pending");
    case ApprovalStatus::Approved:
        return tr("Approved");
    case ApprovalStatus::Denied:
        return tr("Denied");
    case ApprovalStatus::Expired:
        return tr("Expired");
    case ApprovalStatus::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

QString ApprovalFormatter::reasonText(ReasonCode reason)
{
    switch (reason) {
    case ReasonCode::StepUpThreshold:
        return tr("The amount is above the delegation's step-up threshold");
    case ReasonCode::SensitivityStepUp:
        return tr("The data is sensitive enough to need a confirmation");
    case ReasonCode::DualControlThreshold:
        return tr("The amount is above the delegation's dual-control threshold");
    case ReasonCode::DualControlAction:
        return tr("This action always needs two approvers");
    case ReasonCode::OrgPolicyStepUp:
        return tr("Your organisation's policy asks a person to confirm this");
    case ReasonCode::OrgPolicyDenied:
        return tr("Your organisation's policy does not allow this");
    case ReasonCode::OrgPolicyUnavailable:
        return tr("Your organisation's policy engine could not be asked, so this was refused");
    default:
        return reasonCodeToString(reason);
    }
}

QString ApprovalFormatter::amountText(const Approval &approval)
{
    return approval.request.amount ? approval.request.amount->toLocaleString() : QString();
}

QString ApprovalFormatter::expiresText(const Approval &approval, const QDateTime &now)
{
    if (approval.status != ApprovalStatus::Pending)
        return statusText(approval.status);
    const qint64 seconds = now.secsTo(approval.expiresAt);
    if (seconds <= 0)
        return tr("Expired");
    return tr("%1:%2 left").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

QStringList ApprovalFormatter::decisionLines(const Approval &approval, const QDateTime &now)
{
    QStringList lines;
    for (const ApprovalDecisionRecord &decision : approval.decisions) {
        const QString who = decision.user.name.isEmpty() ? decision.user.id : decision.user.name;
        // The server's clock may run a little ahead of ours: a fresh decision is "just now", never "in …".
        const QString when = decision.at.secsTo(now) < 60
                                 ? tr("just now")
                                 : DelegationFormatter::relativeTime(decision.at, now);
        QString line =
            (decision.verdict == ApprovalVerdict::Approve ? tr("Approved by %1 %2") : tr("Denied by %1 %2"))
                .arg(who, when);
        if (!decision.reason.isEmpty())
            line += QStringLiteral(": ") + decision.reason;
        lines.append(line);
    }
    return lines;
}

QString ApprovalFormatter::progressText(const Approval &approval)
{
    if (approval.status != ApprovalStatus::Pending)
        return statusText(approval.status);
    qsizetype approvals = 0;
    for (const ApprovalDecisionRecord &decision : approval.decisions)
        approvals += decision.verdict == ApprovalVerdict::Approve ? 1 : 0;
    const qsizetype missing = qMax<qsizetype>(0, approval.requiredApprovals - approvals);
    return missing == 1 ? tr("1 more approval needed") : tr("%1 more approvals needed").arg(missing);
}

QString ApprovalFormatter::shortProgressText(const Approval &approval)
{
    if (approval.status != ApprovalStatus::Pending)
        return statusText(approval.status);
    const auto approvals = std::count_if(
        approval.decisions.cbegin(), approval.decisions.cend(),
        [](const ApprovalDecisionRecord &decision) { return decision.verdict == ApprovalVerdict::Approve; });
    return approval.requiredApprovals == 1
               ? tr("Waiting for 1 approval")
               : tr("%1 of %2 approvals").arg(approvals).arg(approval.requiredApprovals);
}

std::optional<QString> ApprovalFormatter::ineligibility(const Approval &approval,
                                                        const client::UserInfo &person, const QDateTime &now)
{
    const bool ownStepUp = approval.kind == ApprovalKind::StepUp && approval.customer.id == person.id;
    const StepUpApprover routing = ownStepUp ? StepUpApprover::Customer : StepUpApprover::Approver;
    const Decider decider{person.id, person.displayName, person.roles};
    const auto error = ApprovalStateMachine::eligibility(approval, routing, decider, now);
    if (!error)
        return std::nullopt;
    return ApprovalStateMachine::errorMessage(*error);
}

} // namespace mandate::models
