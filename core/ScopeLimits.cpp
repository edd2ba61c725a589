#include "core/ScopeLimits.h"

#include "core/DecisionWording.h"

#include <algorithm>

namespace mandate {

namespace {

QString usesPhrase(qint64 uses)
{
    return uses == 1 ? QStringLiteral("1 allowed use") : QStringLiteral("%1 allowed uses").arg(uses);
}

Denial amountRequired(ReasonCode reason, const QString &label, QStringView limitName, const Money &limit)
{
    return Denial{reason,
                  QStringLiteral("This action must state an amount: %1 %2 is %3.")
                      .arg(DecisionWording::possessive(label), limitName, limit.toDisplayString()),
                  QString()};
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
                return Denial{ReasonCode::TotalLimitExceeded,
                              QStringLiteral("%1 more cannot be added to %2 spent total of %3: it would "
                                             "pass the largest amount that can be recorded.")
                                  .arg(request.amount->toDisplayString(), DecisionWording::possessive(label),
                                       total.toDisplayString()),
                              QString()};
            }
        }
    }
    return std::nullopt;
}

} // namespace

std::optional<Denial> ScopeLimits::scheduleDenial(const Scope &scope, const QString &label,
                                                  const QDateTime &now)
{
    if (!scope.schedule || scope.schedule->admits(now))
        return std::nullopt;
    return Denial{ReasonCode::OutsideSchedule,
                  QStringLiteral("%1 %2 scope may only be used %3.")
                      .arg(DecisionWording::capitalized(DecisionWording::possessive(label)), scope.action,
                           scope.schedule->describe()),
                  QString()};
}

Expected<qsizetype, Denial> ScopeLimits::governingScope(const Delegation &delegation, const QString &label,
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
            QStringLiteral("%1 does not allow %2.").arg(DecisionWording::capitalized(label), request.action),
            QString()});
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
        return unexpected(
            Denial{ReasonCode::ResourceNotInScope,
                   QStringLiteral("%1 does not allow %2 on %3.")
                       .arg(DecisionWording::capitalized(label), request.action, request.resource),
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
                      .arg(DecisionWording::capitalized(label), request.action);
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
                      .arg(DecisionWording::capitalized(sensitivityToString(*request.sensitivity)),
                           DecisionWording::possessive(label), ceiling)
                : QStringLiteral("The request states no sensitivity, but %1 sensitivity ceiling is %2.")
                      .arg(DecisionWording::possessive(label), ceiling);
        return unexpected(Denial{ReasonCode::SensitivityExceeded, message, QString()});
    }
    return remaining.first();
}

std::optional<Denial> ScopeLimits::perActionDenial(const Scope &scope, const QString &label,
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
        return DecisionWording::currencyMismatch(*request.amount, label, u"per-action limit", limit);
    }
    if (*order > 0) {
        return Denial{ReasonCode::PerActionLimitExceeded,
                      QStringLiteral("%1 is above %2 per-action limit of %3.")
                          .arg(request.amount->toDisplayString(), DecisionWording::possessive(label),
                               limit.toDisplayString()),
                      QString()};
    }
    return std::nullopt;
}

std::optional<Denial> ScopeLimits::cumulativeDenial(const Delegation &delegation, qsizetype scopeIndex,
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
            return DecisionWording::currencyMismatch(*request.amount, label, u"total limit", limit);
        }
        const auto spent =
            std::find_if(usage.spent.cbegin(), usage.spent.cend(),
                         [&limit](const Money &money) { return money.currency() == limit.currency(); });
        const Expected<Money, Money::Error> total = spent == usage.spent.cend()
                                                        ? Expected<Money, Money::Error>(*request.amount)
                                                        : spent->plus(*request.amount);
        if (!total) {
            return Denial{ReasonCode::TotalLimitExceeded,
                          QStringLiteral("%1 more would exceed %2 total limit of %3.")
                              .arg(request.amount->toDisplayString(), DecisionWording::possessive(label),
                                   limit.toDisplayString()),
                          QString()};
        }
        if (total->compare(limit).value() > 0) {
            return Denial{ReasonCode::TotalLimitExceeded,
                          QStringLiteral("%1 more would bring %2 total to %3, above its limit of %4.")
                              .arg(request.amount->toDisplayString(), DecisionWording::possessive(label),
                                   total->toDisplayString(), limit.toDisplayString()),
                          QString()};
        }
    }
    if (scope.maxUses && usage.uses >= *scope.maxUses) {
        return Denial{ReasonCode::UsesExhausted,
                      QStringLiteral("%1 has used all of its %2.")
                          .arg(DecisionWording::capitalized(label), usesPhrase(*scope.maxUses)),
                      QString()};
    }
    return std::nullopt;
}

} // namespace mandate
