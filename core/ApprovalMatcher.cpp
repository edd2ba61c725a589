#include "core/ApprovalMatcher.h"

namespace mandate {

ApprovalMatcher::Match ApprovalMatcher::match(const Approval &approval, const QString &delegationId,
                                              const AuthorizeRequest &request, ApprovalKind required,
                                              const QDateTime &now)
{
    const auto match = [&approval](ReasonCode reason, const QString &text) {
        return Match{reason, text.arg(approval.id)};
    };
    if (approval.consumed) {
        return match(ReasonCode::ApprovalMismatch, QStringLiteral("Approval %1 has already been used."));
    }
    if (approval.status == ApprovalStatus::Denied) {
        return match(ReasonCode::ApprovalDenied, QStringLiteral("Approval %1 was denied."));
    }
    if (approval.status == ApprovalStatus::Expired || approval.expiresAt <= now) {
        return match(ReasonCode::ApprovalExpired, QStringLiteral("Approval %1 has expired."));
    }
    if (approval.status == ApprovalStatus::Pending) {
        return match(ReasonCode::ApprovalPending,
                     QStringLiteral("Approval %1 is still waiting for a decision."));
    }
    if (required == ApprovalKind::DualControl && approval.kind != ApprovalKind::DualControl) {
        return match(
            ReasonCode::ApprovalMismatch,
            QStringLiteral("Approval %1 is a step-up approval, but this request needs dual control."));
    }
    if (approval.delegationId != delegationId) {
        return match(ReasonCode::ApprovalMismatch,
                     QStringLiteral("Approval %1 belongs to another delegation."));
    }
    const ApprovalRequestDetails &approved = approval.request;
    const std::optional<Money> narrowed = approval.narrowedAmount();
    // Narrowed: any amount up to the narrowed one, in its currency; otherwise exactly the amount.
    const bool amountFits = narrowed ? request.amount && request.amount->currency() == narrowed->currency() &&
                                           request.amount->amountMinor() <= narrowed->amountMinor()
                                     : approved.amount == request.amount;
    ApprovalRequestDetails asked = ApprovalRequestDetails::of(request);
    asked.amount = approved.amount;
    QString difference;
    if (approved.action != request.action) {
        difference = QStringLiteral("action");
    } else if (approved.resource != request.resource) {
        difference = QStringLiteral("resource");
    } else if (!amountFits && narrowed) {
        return Match{ReasonCode::ApprovalMismatch,
                     QStringLiteral("Approval %1 was narrowed to at most %2; ask for no more than that.")
                         .arg(approval.id, narrowed->toDisplayString())};
    } else if (!amountFits) {
        difference = QStringLiteral("amount");
    } else if (approved.destination != request.destination) {
        difference = QStringLiteral("destination");
    } else if (approved.sensitivity != request.sensitivity) {
        difference = QStringLiteral("sensitivity");
    } else if (approved != asked) {
        difference = QStringLiteral("request");
    }
    if (!difference.isEmpty()) {
        return Match{
            ReasonCode::ApprovalMismatch,
            QStringLiteral("Approval %1 was given for a different %2.").arg(approval.id, difference)};
    }
    return match(ReasonCode::Approved, QStringLiteral("Allowed with approval %1."));
}

} // namespace mandate
