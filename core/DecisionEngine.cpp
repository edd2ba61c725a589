#include "core/DecisionEngine.h"

#include "core/ApprovalMatcher.h"
#include "core/ApprovalThresholds.h"
#include "core/DecisionWording.h"
#include "core/ScopeLimits.h"
#include "core/Timestamp.h"

namespace mandate {

namespace {

std::optional<Denial> lifetimeDenial(const Delegation &delegation, const QString &label, const QDateTime &now)
{
    if (delegation.status != DelegationStatus::Active) {
        return Denial{
            ReasonCode::DelegationNotActive,
            QStringLiteral("%1 is %2.")
                .arg(DecisionWording::capitalized(label), delegationStatusToString(delegation.status)),
            QString()};
    }
    if (delegation.notBefore && now < *delegation.notBefore) {
        return Denial{ReasonCode::OutsideSchedule,
                      QStringLiteral("%1 starts at %2.")
                          .arg(DecisionWording::capitalized(label), formatTimestamp(*delegation.notBefore)),
                      QString()};
    }
    if (delegation.expiresAt <= now) {
        return Denial{ReasonCode::DelegationExpired,
                      QStringLiteral("%1 expired at %2.")
                          .arg(DecisionWording::capitalized(label), formatTimestamp(delegation.expiresAt)),
                      delegation.id};
    }
    if (const std::optional<QDateTime> idleDeadline = delegation.idleDeadline();
        idleDeadline && *idleDeadline <= now) {
        // The idle allowance runs from the last use, or from the grant when never used.
        const QDateTime lastActivity = idleDeadline->addSecs(-*delegation.revokeOn.idleSeconds);
        return Denial{ReasonCode::DelegationExpired,
                      QStringLiteral("%1 expired after being idle for %2 seconds since %3.")
                          .arg(DecisionWording::capitalized(label),
                               QString::number(*delegation.revokeOn.idleSeconds),
                               formatTimestamp(lastActivity)),
                      delegation.id};
    }
    return std::nullopt;
}

std::optional<Denial> contextDenial(const Delegation &delegation, const AuthorizeRequest &request)
{
    for (auto it = delegation.boundContext->constBegin(); it != delegation.boundContext->constEnd(); ++it) {
        if (request.context.value(it.key()) != it.value()) {
            return Denial{
                ReasonCode::ContextChanged,
                QStringLiteral("The request's \"%1\" differs from the value this delegation is bound to, "
                               "so the delegation is revoked.")
                    .arg(it.key()),
                QString()};
        }
    }
    return std::nullopt;
}

// What a delegation passes on is at most what it holds: the request must satisfy every limit of
// every link's governing scope, not only the delegation's own (lineage: the delegation first, then
// its ancestors). Per-action limits first for the whole chain, then the cumulative ones, as API.md
// orders the checks. An ancestor's cap binds everything below it, so every link is charged.
Expected<QList<ScopeCharge>, Denial> chainCharges(const QList<const Delegation *> &lineage,
                                                  const AuthorizeRequest &request, const QDateTime &now)
{
    const Delegation &requested = *lineage.constFirst();
    QList<qsizetype> governing;
    for (const Delegation *link : lineage) {
        const QString label = DecisionWording::labelOf(*link, requested);
        const Expected<qsizetype, Denial> scopeIndex = ScopeLimits::governingScope(*link, label, request);
        if (!scopeIndex) {
            return unexpected(scopeIndex.error());
        }
        if (std::optional<Denial> denial =
                ScopeLimits::perActionDenial(link->scopes.at(*scopeIndex), label, request)) {
            return unexpected(std::move(*denial));
        }
        if (std::optional<Denial> denial =
                ScopeLimits::scheduleDenial(link->scopes.at(*scopeIndex), label, now)) {
            return unexpected(std::move(*denial));
        }
        governing.append(*scopeIndex);
    }
    QList<ScopeCharge> charges;
    for (qsizetype i = 0; i < lineage.size(); ++i) {
        const Delegation &link = *lineage.at(i);
        if (std::optional<Denial> denial = ScopeLimits::cumulativeDenial(
                link, governing.at(i), DecisionWording::labelOf(link, requested), request)) {
            return unexpected(std::move(*denial));
        }
        charges.append(ScopeCharge{link.id, static_cast<int>(governing.at(i)), request.amount});
    }
    return charges;
}

void deny(EngineResult &result, const Denial &denial)
{
    result.outcome = DecisionOutcome::Deny;
    result.reason = denial.reason;
    result.message = denial.message;
    if (!denial.expiredDelegationId.isEmpty()) {
        result.markStatus = DelegationStatus::Expired;
        result.expiredDelegationId = denial.expiredDelegationId;
    }
}

void allow(EngineResult &result, ReasonCode reason, const QString &message, const QList<ScopeCharge> &charges)
{
    result.outcome = DecisionOutcome::Allow;
    result.reason = reason;
    result.message = message;
    result.charges = charges;
}

// The request crossed a threshold: without an approval it asks for one; with one, the approval
// must match it exactly, and an allow through it consumes it.
void decideWithPeople(EngineResult &result, const DecisionInput &input,
                      const ApprovalThresholds::Threshold &crossed, const QList<ScopeCharge> &charges)
{
    const Delegation &delegation = *input.delegation;
    const AuthorizeRequest &request = *input.request;
    const DecisionOutcome required = crossed.kind == ApprovalKind::DualControl
                                         ? DecisionOutcome::DualControlRequired
                                         : DecisionOutcome::StepUpRequired;
    if (!request.approvalId) {
        result.outcome = required;
        result.reason = crossed.reason;
        result.message = crossed.message;
        result.approvalNeeded = crossed.kind;
        result.approvalSummary = ApprovalThresholds::summary(delegation, request, crossed);
        return;
    }
    if (!input.approval) {
        deny(result,
             {ReasonCode::ApprovalMismatch,
              QStringLiteral("Approval %1 was not found for this delegation.").arg(*request.approvalId),
              QString()});
        return;
    }

    const ApprovalMatcher::Match match =
        ApprovalMatcher::match(*input.approval, delegation.id, request, crossed.kind, input.now);
    switch (match.reason) {
    case ReasonCode::Approved:
        allow(result, ReasonCode::Approved, match.message, charges);
        result.approvalId = input.approval->id;
        result.consumeApproval = true;
        break;
    case ReasonCode::ApprovalPending:
        result.outcome = required;
        result.reason = ReasonCode::ApprovalPending;
        result.message = match.message;
        result.approvalId = input.approval->id;
        break;
    default:
        deny(result, {match.reason, match.message, QString()});
        break;
    }
}

// The organisation's answer for a request its delegation would allow or send to people: a denial,
// or the step-up it asks for, or nothing when the delegation's own answer stands.
Expected<std::optional<ApprovalThresholds::Threshold>, Denial> orgPolicyThreshold(const DecisionInput &input,
                                                                                  EngineResult &result)
{
    using Answer = OrgPolicyVerdict::Answer;
    if (!input.orgPolicyRequired)
        return std::optional<ApprovalThresholds::Threshold>();
    if (!input.orgPolicy) {
        result.orgPolicyNeeded = true;
        return unexpected(Denial{ReasonCode::OrgPolicyUnavailable,
                                 QStringLiteral("Your organisation's policy engine was not asked."),
                                 QString()});
    }
    switch (input.orgPolicy->answer) {
    case Answer::Allow:
        return std::optional<ApprovalThresholds::Threshold>();
    case Answer::PersonRequired:
        return std::optional<ApprovalThresholds::Threshold>(ApprovalThresholds::Threshold{
            ApprovalKind::StepUp, ReasonCode::OrgPolicyStepUp,
            input.orgPolicy->message.isEmpty()
                ? QStringLiteral("Your organisation's policy asks a person to confirm this.")
                : input.orgPolicy->message,
            QStringLiteral("your organisation's policy asks a person to confirm it")});
    case Answer::Denied:
        return unexpected(Denial{ReasonCode::OrgPolicyDenied,
                                 input.orgPolicy->message.isEmpty()
                                     ? QStringLiteral("Your organisation's policy does not allow this.")
                                     : input.orgPolicy->message,
                                 QString()});
    case Answer::Unavailable:
        break;
    }
    return unexpected(
        Denial{ReasonCode::OrgPolicyUnavailable,
               QStringLiteral("Your organisation's policy engine could not be asked, so nothing "
                              "that needs its answer is allowed."),
               QString()});
}

} // namespace

EngineResult DecisionEngine::decide(const DecisionInput &input)
{
    Q_ASSERT(input.delegation && input.request);
    const Delegation &delegation = *input.delegation;
    const AuthorizeRequest &request = *input.request;
    const QString self = DecisionWording::labelOf(delegation, delegation);
    EngineResult result;

    // Before anything else, so an agent learns nothing about a delegation it does not hold.
    if (input.callerAgentId != delegation.agentId) {
        deny(result, {ReasonCode::AgentMismatch,
                      QStringLiteral("This delegation was granted to another agent."), QString()});
        return result;
    }

    QList<const Delegation *> lineage{&delegation};
    lineage.append(input.ancestors);
    for (const Delegation *link : std::as_const(lineage)) {
        if (const std::optional<Denial> denial =
                lifetimeDenial(*link, DecisionWording::labelOf(*link, delegation), input.now)) {
            deny(result, *denial);
            return result;
        }
    }
    if (input.agentSuspended) {
        deny(result, {ReasonCode::AgentSuspended, QStringLiteral("This agent is suspended."), QString()});
        return result;
    }

    if (delegation.revokeOn.contextChange) {
        if (!delegation.boundContext) {
            result.bindContext = true;
        } else if (const std::optional<Denial> denial = contextDenial(delegation, request)) {
            result.revokeForContextChange = true;
            deny(result, *denial);
            return result;
        }
    }

    const Expected<QList<ScopeCharge>, Denial> charges = chainCharges(lineage, request, input.now);
    if (!charges) {
        deny(result, charges.error());
        return result;
    }

    const Expected<std::optional<ApprovalThresholds::Threshold>, Denial> crossed =
        ApprovalThresholds::crossed(delegation, request,
                                    input.actions ? *input.actions : ActionCatalog::builtIn());
    if (!crossed) {
        deny(result, crossed.error());
        return result;
    }
    const Expected<std::optional<ApprovalThresholds::Threshold>, Denial> organisation =
        orgPolicyThreshold(input, result);
    if (!organisation) {
        deny(result, organisation.error());
        return result;
    }
    // The delegation's own threshold already sends the request to people; it stands.
    const std::optional<ApprovalThresholds::Threshold> &threshold = *crossed ? *crossed : *organisation;
    if (!threshold) {
        allow(result, ReasonCode::WithinScope,
              QStringLiteral("%1 on %2 is within %3 scope.")
                  .arg(request.action, request.resource, DecisionWording::possessive(self)),
              *charges);
        return result;
    }

    decideWithPeople(result, input, *threshold, *charges);
    return result;
}

} // namespace mandate
