#include "core/ApprovalThresholds.h"

#include "core/ActionCatalog.h"
#include "core/DecisionWording.h"

namespace mandate {

namespace {

using Threshold = ApprovalThresholds::Threshold;

// Is the request's amount above a policy threshold? A value-moving request that does not say how
// much it moves is treated as above every threshold, as a missing sensitivity counts as restricted.
Expected<bool, Denial> aboveThreshold(const std::optional<Money> &threshold, const AuthorizeRequest &request,
                                      bool movesValue, QStringView thresholdName)
{
    if (!threshold) {
        return false;
    }
    if (!request.amount) {
        return movesValue;
    }
    const Expected<int, Money::Error> order = request.amount->compare(*threshold);
    if (!order) {
        return unexpected(DecisionWording::currencyMismatch(
            *request.amount, QStringLiteral("this delegation"), thresholdName, *threshold));
    }
    return *order > 0;
}

Expected<std::optional<ApprovalThresholds::Threshold>, Denial>
dualControlThreshold(const Delegation &delegation, const AuthorizeRequest &request, bool movesValue)
{
    if (!delegation.dualControl) {
        return std::optional<Threshold>();
    }
    const DualControlPolicy &policy = *delegation.dualControl;
    if (policy.actions.contains(request.action)) {
        return std::optional<Threshold>(
            Threshold{ApprovalKind::DualControl, ReasonCode::DualControlAction,
                      QStringLiteral("%1 needs the approval of two approvers.").arg(request.action),
                      QStringLiteral("%1 always needs two approvers").arg(request.action)});
    }
    const Expected<bool, Denial> above =
        aboveThreshold(policy.above, request, movesValue, u"dual-control threshold");
    if (!above) {
        return unexpected(above.error());
    }
    if (!*above) {
        return std::optional<Threshold>();
    }
    const QString threshold = policy.above->toDisplayString();
    return std::optional<Threshold>(Threshold{
        ApprovalKind::DualControl, ReasonCode::DualControlThreshold,
        QStringLiteral("%1 is above the dual-control threshold of %2, so two approvers must approve it.")
            .arg(DecisionWording::statedAmount(request), threshold),
        QStringLiteral("above the %1 dual-control threshold").arg(threshold)});
}

Expected<std::optional<ApprovalThresholds::Threshold>, Denial>
stepUpThreshold(const Delegation &delegation, const AuthorizeRequest &request, bool movesValue)
{
    if (!delegation.stepUp) {
        return std::optional<Threshold>();
    }
    const StepUpPolicy &policy = *delegation.stepUp;
    const bool toCustomer = policy.approver == StepUpApprover::Customer;
    const QString whoConfirms = toCustomer ? QStringLiteral("the customer") : QStringLiteral("an approver");
    const QString whose = toCustomer ? QStringLiteral("your") : QStringLiteral("the");

    const Expected<bool, Denial> above =
        aboveThreshold(policy.above, request, movesValue, u"step-up threshold");
    if (!above) {
        return unexpected(above.error());
    }
    if (*above) {
        const QString threshold = policy.above->toDisplayString();
        return std::optional<Threshold>(
            Threshold{ApprovalKind::StepUp, ReasonCode::StepUpThreshold,
                      QStringLiteral("%1 is above the step-up threshold of %2, so %3 must confirm it.")
                          .arg(DecisionWording::statedAmount(request), threshold, whoConfirms),
                      QStringLiteral("above %1 %2 step-up threshold").arg(whose, threshold)});
    }

    // A request that does not say how sensitive its data is gets the strictest treatment.
    const Sensitivity level = request.sensitivity.value_or(Sensitivity::Restricted);
    if (policy.sensitivityAtOrAbove && level >= *policy.sensitivityAtOrAbove) {
        const QString stepUpLevel = sensitivityToString(*policy.sensitivityAtOrAbove);
        const QString what = request.sensitivity
                                 ? QStringLiteral("%1 data").arg(sensitivityToString(level))
                                 : QStringLiteral("sensitivity not stated (treated as restricted)");
        return std::optional<Threshold>(
            Threshold{ApprovalKind::StepUp, ReasonCode::SensitivityStepUp,
                      QStringLiteral("%1 is at or above the step-up level of %2, so %3 must confirm it.")
                          .arg(DecisionWording::capitalized(what), stepUpLevel, whoConfirms),
                      QStringLiteral("%1, at or above %2 %3 step-up level").arg(what, whose, stepUpLevel)});
    }
    return std::optional<Threshold>();
}

} // namespace

Expected<std::optional<ApprovalThresholds::Threshold>, Denial>
ApprovalThresholds::crossed(const Delegation &delegation, const AuthorizeRequest &request,
                            const ActionCatalog &actions)
{
    const bool movesValue = actions.movesValue(request.action);
    // Dual control wins: a request that needs two approvers needs no separate step-up.
    for (const auto &check : {dualControlThreshold, stepUpThreshold}) {
        Expected<std::optional<Threshold>, Denial> hit = check(delegation, request, movesValue);
        if (!hit || *hit) {
            return hit;
        }
    }
    return std::optional<Threshold>();
}

// "Travel booker wants to pay EUR 1,250.00 to payee:lufthansa — above your EUR 200.00 step-up threshold"
QString ApprovalThresholds::summary(const Delegation &delegation, const AuthorizeRequest &request,
                                    const Threshold &threshold)
{
    const bool named = !delegation.chain.isEmpty() && !delegation.chain.constLast().name.isEmpty();
    const QString agent = named ? delegation.chain.constLast().name : delegation.agentId;

    QString deed;
    QString preposition = QStringLiteral("to");
    if (request.action == u"payments.initiate") {
        deed = request.amount ? QStringLiteral("pay %1").arg(request.amount->toDisplayString())
                              : QStringLiteral("pay from %1").arg(request.resource);
    } else {
        if (request.action == u"data.export") {
            deed = QStringLiteral("export %1").arg(request.resource);
        } else if (request.action == u"records.delete") {
            deed = QStringLiteral("delete %1").arg(request.resource);
        } else if (request.action == u"data.share_external") {
            deed = QStringLiteral("share %1").arg(request.resource);
            preposition = QStringLiteral("with");
        } else {
            deed = QStringLiteral("perform %1 on %2").arg(request.action, request.resource);
        }
        if (request.amount) {
            deed += QStringLiteral(" for %1").arg(request.amount->toDisplayString());
        }
    }
    if (request.destination) {
        deed += QStringLiteral(" %1 %2").arg(preposition, *request.destination);
    }
    return QStringLiteral("%1 wants to %2 — %3").arg(agent, deed, threshold.summaryReason);
}

} // namespace mandate
