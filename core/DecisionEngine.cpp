#include "DecisionEngine.h"

#include "ActionCatalog.h"
#include "Timestamp.h"

#include <algorithm>

namespace mandate {

namespace {

struct Denial
{
    ReasonCode reason = ReasonCode::DelegationNotActive;
    QString message;
    QString expiredDelegationId; // set when the denial is this delegation's expiry
};

// A value or sensitivity threshold the request crossed: it needs people before it may proceed.
struct Threshold
{
    ApprovalKind kind = ApprovalKind::StepUp;
    ReasonCode reason = ReasonCode::StepUpThreshold;
    QString message;
    QString summaryReason; // the part of the approval summary after the dash
};

struct ApprovalMatch
{
    ReasonCode reason = ReasonCode::ApprovalMismatch;
    QString message;
};

QString capitalized(QString text)
{
    if (!text.isEmpty()) {
        text[0] = text.at(0).toUpper();
    }
    return text;
}

// How messages name a delegation: the one the agent asked under, or one it derives from.
QString labelOf(const Delegation &delegation, const Delegation &requested)
{
    if (&delegation == &requested) {
        return QStringLiteral("this delegation");
    }
    return QStringLiteral("ancestor delegation %1").arg(delegation.id);
}

QString possessive(const QString &label)
{
    return label + QStringLiteral("'s");
}

QString usesPhrase(qint64 uses)
{
    return uses == 1 ? QStringLiteral("1 allowed use") : QStringLiteral("%1 allowed uses").arg(uses);
}

std::optional<Denial> lifetimeDenial(const Delegation &delegation, const QString &label, const QDateTime &now)
{
    if (delegation.status != DelegationStatus::Active) {
        return Denial{
            ReasonCode::DelegationNotActive,
            QStringLiteral("%1 is %2.").arg(capitalized(label), delegationStatusToString(delegation.status)),
            QString()};
    }
    if (delegation.expiresAt <= now) {
        return Denial{ReasonCode::DelegationExpired,
                      QStringLiteral("%1 expired at %2.")
                          .arg(capitalized(label), formatTimestamp(delegation.expiresAt)),
                      delegation.id};
    }
    if (const std::optional<qint64> idleSeconds = delegation.revokeOn.idleSeconds) {
        const QDateTime lastActivity = delegation.usage.lastUsedAt.value_or(delegation.createdAt);
        if (lastActivity.addSecs(*idleSeconds) <= now) {
            return Denial{
                ReasonCode::DelegationExpired,
                QStringLiteral("%1 expired after being idle for %2 seconds since %3.")
                    .arg(capitalized(label), QString::number(*idleSeconds), formatTimestamp(lastActivity)),
                delegation.id};
        }
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

// Narrows the delegation's scopes to those admitting the request, step by step, so a denial names
// the first property no scope admits. The lowest remaining index governs.
Expected<qsizetype, Denial> governingScope(const Delegation &delegation, const QString &label,
                                           const AuthorizeRequest &request)
{
    QList<qsizetype> candidates;
    for (qsizetype i = 0; i < delegation.scopes.size(); ++i) {
        if (delegation.scopes.at(i).action == request.action) {
            candidates.append(i);
        }
    }
    if (candidates.isEmpty()) {
        return unexpected(Denial{
            ReasonCode::ActionNotInScope,
            QStringLiteral("%1 does not allow %2.").arg(capitalized(label), request.action), QString()});
    }

    const auto narrow = [&delegation, &candidates](auto admits) {
        QList<qsizetype> remaining;
        for (const qsizetype index : std::as_const(candidates)) {
            if (admits(delegation.scopes.at(index))) {
                remaining.append(index);
            }
        }
        return remaining;
    };

    QList<qsizetype> remaining =
        narrow([&request](const Scope &scope) { return scope.resource.matches(request.resource); });
    if (remaining.isEmpty()) {
        return unexpected(Denial{ReasonCode::ResourceNotInScope,
                                 QStringLiteral("%1 does not allow %2 on %3.")
                                     .arg(capitalized(label), request.action, request.resource),
                                 QString()});
    }
    candidates = remaining;

    remaining = narrow([&request](const Scope &scope) {
        if (!scope.destinations) {
            return true;
        }
        return request.destination &&
               std::any_of(scope.destinations->cbegin(), scope.destinations->cend(),
                           [&request](const ResourcePattern &p) { return p.matches(*request.destination); });
    });
    if (remaining.isEmpty()) {
        const QString message =
            request.destination
                ? QStringLiteral("%1 is not an allowed destination for %2 under %3.")
                      .arg(*request.destination, request.action, label)
                : QStringLiteral("%1 only allows listed destinations for %2, and the request names none.")
                      .arg(capitalized(label), request.action);
        return unexpected(Denial{ReasonCode::DestinationNotAllowed, message, QString()});
    }
    const Scope &firstCandidate = delegation.scopes.at(remaining.first());
    candidates = remaining;

    remaining = narrow([&request](const Scope &scope) {
        return !scope.maxSensitivity ||
               (request.sensitivity && *request.sensitivity <= *scope.maxSensitivity);
    });
    if (remaining.isEmpty()) {
        const QString ceiling = sensitivityToString(*firstCandidate.maxSensitivity);
        const QString message =
            request.sensitivity
                ? QStringLiteral("%1 data is above %2 sensitivity ceiling of %3.")
                      .arg(capitalized(sensitivityToString(*request.sensitivity)), possessive(label), ceiling)
                : QStringLiteral("The request states no sensitivity, but %1 sensitivity ceiling is %2.")
                      .arg(possessive(label), ceiling);
        return unexpected(Denial{ReasonCode::SensitivityExceeded, message, QString()});
    }
    return remaining.first();
}

Denial amountRequired(ReasonCode reason, const QString &label, QStringView limitName, const Money &limit)
{
    return Denial{reason,
                  QStringLiteral("This action must state an amount: %1 %2 is %3.")
                      .arg(possessive(label), limitName, limit.toDisplayString()),
                  QString()};
}

Denial currencyMismatch(const Money &amount, const QString &label, QStringView limitName, const Money &limit)
{
    return Denial{ReasonCode::CurrencyMismatch,
                  QStringLiteral("The amount is in %1, but %2 %3 is in %4.")
                      .arg(amount.currency(), possessive(label), limitName, limit.currency()),
                  QString()};
}

std::optional<Denial> perActionDenial(const Scope &scope, const QString &label,
                                      const AuthorizeRequest &request)
{
    if (!scope.maxPerAction) {
        return std::nullopt;
    }
    const Money &limit = *scope.maxPerAction;
    if (!request.amount) {
        return amountRequired(ReasonCode::PerActionLimitExceeded, label, u"per-action limit", limit);
    }
    const Expected<int, Money::Error> order = request.amount->compare(limit);
    if (!order) {
        return currencyMismatch(*request.amount, label, u"per-action limit", limit);
    }
    if (*order > 0) {
        return Denial{ReasonCode::PerActionLimitExceeded,
                      QStringLiteral("%1 is above %2 per-action limit of %3.")
                          .arg(request.amount->toDisplayString(), possessive(label), limit.toDisplayString()),
                      QString()};
    }
    return std::nullopt;
}

// An allowed amount is added to the scope's and the delegation's running totals. One that would
// overflow either (int64 minor units) cannot be recorded, so it is refused like an exceeded limit.
std::optional<Denial> unrecordableDenial(const Delegation &delegation, const ScopeUsage &usage,
                                         const QString &label, const AuthorizeRequest &request)
{
    if (!request.amount) {
        return std::nullopt;
    }
    for (const QList<Money> *totals : {&usage.spent, &delegation.usage.spent}) {
        for (const Money &total : *totals) {
            if (total.currency() == request.amount->currency() && !total.plus(*request.amount)) {
                return Denial{
                    ReasonCode::TotalLimitExceeded,
                    QStringLiteral("%1 more cannot be added to %2 spent total of %3: it would "
                                   "pass the largest amount that can be recorded.")
                        .arg(request.amount->toDisplayString(), possessive(label), total.toDisplayString()),
                    QString()};
            }
        }
    }
    return std::nullopt;
}

std::optional<Denial> cumulativeDenial(const Delegation &delegation, qsizetype scopeIndex,
                                       const QString &label, const AuthorizeRequest &request)
{
    const Scope &scope = delegation.scopes.at(scopeIndex);
    const ScopeUsage usage = delegation.scopeUsage.value(scopeIndex);
    if (std::optional<Denial> denial = unrecordableDenial(delegation, usage, label, request)) {
        return denial;
    }

    if (scope.maxTotal) {
        const Money &limit = *scope.maxTotal;
        if (!request.amount) {
            return amountRequired(ReasonCode::TotalLimitExceeded, label, u"total limit", limit);
        }
        if (request.amount->currency() != limit.currency()) {
            return currencyMismatch(*request.amount, label, u"total limit", limit);
        }
        const auto spent =
            std::find_if(usage.spent.cbegin(), usage.spent.cend(),
                         [&limit](const Money &money) { return money.currency() == limit.currency(); });
        const Expected<Money, Money::Error> total = spent == usage.spent.cend()
                                                        ? Expected<Money, Money::Error>(*request.amount)
                                                        : spent->plus(*request.amount);
        if (!total) {
            return Denial{
                ReasonCode::TotalLimitExceeded,
                QStringLiteral("%1 more would exceed %2 total limit of %3.")
                    .arg(request.amount->toDisplayString(), possessive(label), limit.toDisplayString()),
                QString()};
        }
        if (total->compare(limit).value() > 0) {
            return Denial{ReasonCode::TotalLimitExceeded,
                          QStringLiteral("%1 more would bring %2 total to %3, above its limit of %4.")
                              .arg(request.amount->toDisplayString(), possessive(label),
                                   total->toDisplayString(), limit.toDisplayString()),
                          QString()};
        }
    }
    if (scope.maxUses && usage.uses >= *scope.maxUses) {
        return Denial{
            ReasonCode::UsesExhausted,
            QStringLiteral("%1 has used all of its %2.").arg(capitalized(label), usesPhrase(*scope.maxUses)),
            QString()};
    }
    return std::nullopt;
}

QString statedAmount(const AuthorizeRequest &request)
{
    return request.amount ? request.amount->toDisplayString() : QStringLiteral("An unstated amount");
}

// Is the request's amount above a policy threshold? A value-moving request that does not say how
// much it moves is treated as above every threshold, as a missing sensitivity counts as restricted.
Expected<bool, Denial> aboveThreshold(const std::optional<Money> &threshold, const AuthorizeRequest &request,
                                      QStringView thresholdName)
{
    if (!threshold) {
        return false;
    }
    if (!request.amount) {
        return ActionCatalog::movesValue(request.action);
    }
    const Expected<int, Money::Error> order = request.amount->compare(*threshold);
    if (!order) {
        return unexpected(
            currencyMismatch(*request.amount, QStringLiteral("this delegation"), thresholdName, *threshold));
    }
    return *order > 0;
}

Expected<std::optional<Threshold>, Denial> dualControlThreshold(const Delegation &delegation,
                                                                const AuthorizeRequest &request)
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
    const Expected<bool, Denial> above = aboveThreshold(policy.above, request, u"dual-control threshold");
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
            .arg(statedAmount(request), threshold),
        QStringLiteral("above the %1 dual-control threshold").arg(threshold)});
}

Expected<std::optional<Threshold>, Denial> stepUpThreshold(const Delegation &delegation,
                                                           const AuthorizeRequest &request)
{
    if (!delegation.stepUp) {
        return std::optional<Threshold>();
    }
    const StepUpPolicy &policy = *delegation.stepUp;
    const bool toCustomer = policy.approver == StepUpApprover::Customer;
    const QString whoConfirms = toCustomer ? QStringLiteral("the customer") : QStringLiteral("an approver");
    const QString whose = toCustomer ? QStringLiteral("your") : QStringLiteral("the");

    const Expected<bool, Denial> above = aboveThreshold(policy.above, request, u"step-up threshold");
    if (!above) {
        return unexpected(above.error());
    }
    if (*above) {
        const QString threshold = policy.above->toDisplayString();
        return std::optional<Threshold>(
            Threshold{ApprovalKind::StepUp, ReasonCode::StepUpThreshold,
                      QStringLiteral("%1 is above the step-up threshold of %2, so %3 must confirm it.")
                          .arg(statedAmount(request), threshold, whoConfirms),
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
                          .arg(capitalized(what), stepUpLevel, whoConfirms),
                      QStringLiteral("%1, at or above %2 %3 step-up level").arg(what, whose, stepUpLevel)});
    }
    return std::optional<Threshold>();
}

// "Travel booker wants to pay EUR 1,250.00 to payee:lufthansa — above your EUR 200.00 step-up threshold"
QString approvalSummary(const Delegation &delegation, const AuthorizeRequest &request,
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

ApprovalMatch matchApprovalDetailed(const Approval &approval, const QString &delegationId,
                                    const AuthorizeRequest &request, ApprovalKind required,
                                    const QDateTime &now)
{
    const auto match = [&approval](ReasonCode reason, const QString &text) {
        return ApprovalMatch{reason, text.arg(approval.id)};
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
    QString difference;
    if (approved.action != request.action) {
        difference = QStringLiteral("action");
    } else if (approved.resource != request.resource) {
        difference = QStringLiteral("resource");
    } else if (approved.amount != request.amount) {
        difference = QStringLiteral("amount");
    } else if (approved.destination != request.destination) {
        difference = QStringLiteral("destination");
    } else if (approved.sensitivity != request.sensitivity) {
        difference = QStringLiteral("sensitivity");
    } else if (approved != ApprovalRequestDetails::of(request)) {
        difference = QStringLiteral("request");
    }
    if (!difference.isEmpty()) {
        return ApprovalMatch{
            ReasonCode::ApprovalMismatch,
            QStringLiteral("Approval %1 was given for a different %2.").arg(approval.id, difference)};
    }
    return match(ReasonCode::Approved, QStringLiteral("Allowed with approval %1."));
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

} // namespace

EngineResult DecisionEngine::decide(const DecisionInput &input)
{
    Q_ASSERT(input.delegation && input.request);
    const Delegation &delegation = *input.delegation;
    const AuthorizeRequest &request = *input.request;
    const QString self = labelOf(delegation, delegation);
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
                lifetimeDenial(*link, labelOf(*link, delegation), input.now)) {
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

    // What a delegation passes on is at most what it holds: the request must satisfy every limit
    // of every link's governing scope, not only the delegation's own. Per-action limits first for
    // the whole chain, then the cumulative ones, as API.md orders the checks.
    QList<qsizetype> governing;
    for (const Delegation *link : std::as_const(lineage)) {
        const QString label = labelOf(*link, delegation);
        const Expected<qsizetype, Denial> scopeIndex = governingScope(*link, label, request);
        if (!scopeIndex) {
            deny(result, scopeIndex.error());
            return result;
        }
        if (const std::optional<Denial> denial =
                perActionDenial(link->scopes.at(*scopeIndex), label, request)) {
            deny(result, *denial);
            return result;
        }
        governing.append(*scopeIndex);
    }

    // An ancestor's cap binds everything below it, so each ancestor's governing scope is charged too.
    QList<ScopeCharge> charges;
    for (qsizetype i = 0; i < lineage.size(); ++i) {
        const Delegation &link = *lineage.at(i);
        const QString label = labelOf(link, delegation);
        if (const std::optional<Denial> denial = cumulativeDenial(link, governing.at(i), label, request)) {
            deny(result, *denial);
            return result;
        }
        charges.append(ScopeCharge{link.id, static_cast<int>(governing.at(i)), request.amount});
    }

    std::optional<Threshold> threshold;
    for (const auto &check : {dualControlThreshold, stepUpThreshold}) {
        Expected<std::optional<Threshold>, Denial> hit = check(delegation, request);
        if (!hit) {
            deny(result, hit.error());
            return result;
        }
        if (*hit) {
            threshold = **hit;
            break;
        }
    }

    if (!threshold) {
        allow(result, ReasonCode::WithinScope,
              QStringLiteral("%1 on %2 is within %3 scope.")
                  .arg(request.action, request.resource, possessive(self)),
              charges);
        return result;
    }

    const DecisionOutcome required = threshold->kind == ApprovalKind::DualControl
                                         ? DecisionOutcome::DualControlRequired
                                         : DecisionOutcome::StepUpRequired;
    if (!request.approvalId) {
        result.outcome = required;
        result.reason = threshold->reason;
        result.message = threshold->message;
        result.approvalNeeded = threshold->kind;
        result.approvalSummary = approvalSummary(delegation, request, *threshold);
        return result;
    }
    if (!input.approval) {
        deny(result,
             {ReasonCode::ApprovalMismatch,
              QStringLiteral("Approval %1 was not found for this delegation.").arg(*request.approvalId),
              QString()});
        return result;
    }

    const ApprovalMatch match =
        matchApprovalDetailed(*input.approval, delegation.id, request, threshold->kind, input.now);
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
    return result;
}

ReasonCode DecisionEngine::matchApproval(const Approval &approval, const QString &delegationId,
                                         const AuthorizeRequest &request, ApprovalKind required,
                                         const QDateTime &now)
{
    return matchApprovalDetailed(approval, delegationId, request, required, now).reason;
}

} // namespace mandate
