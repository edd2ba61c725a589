#include "core/DecisionForecast.h"

#include "core/DecisionWording.h"
#include "core/ScopeLimits.h"

#include <algorithm>

namespace mandate {

namespace {

qint64 forecastSpentIn(const ScopeUsage &usage, const QString &currency)
{
    for (const Money &spent : usage.spent) {
        if (spent.currency() == currency)
            return spent.amountMinor();
    }
    return 0;
}

// The governing scope of every link: from the charges when the engine allowed, otherwise asked
// again of the same rule the engine uses (a link whose scopes do not admit the request has none).
QList<qsizetype> forecastGoverning(const QList<const Delegation *> &lineage, const AuthorizeRequest &request,
                                   const EngineResult &result)
{
    QList<qsizetype> governing;
    for (const Delegation *link : lineage) {
        qsizetype index = -1;
        for (const ScopeCharge &charge : result.charges) {
            if (charge.delegationId == link->id)
                index = charge.scopeIndex;
        }
        if (index < 0) {
            const auto found = ScopeLimits::governingScope(
                *link, DecisionWording::labelOf(*link, *lineage.constFirst()), request);
            if (found)
                index = *found;
        }
        governing.append(index);
    }
    return governing;
}

} // namespace

DecisionForecast DecisionForecast::of(const QList<const Delegation *> &lineage,
                                      const AuthorizeRequest &request, const EngineResult &result)
{
    DecisionForecast forecast;
    if (lineage.isEmpty())
        return forecast;
    const bool charged = result.outcome == DecisionOutcome::Allow;
    const QList<qsizetype> governing = forecastGoverning(lineage, request, result);
    std::optional<Binding> tightestTotal;
    std::optional<Binding> tightestUses;
    std::optional<Binding> tightestPerAction;
    qint64 perActionMinor = 0;
    for (qsizetype i = 0; i < lineage.size(); ++i) {
        const Delegation &link = *lineage.at(i);
        const qsizetype index = governing.at(i);
        if (index < 0 || index >= link.scopes.size())
            continue;
        const Scope &scope = link.scopes.at(index);
        const ScopeUsage usage = index < link.scopeUsage.size() ? link.scopeUsage.at(index) : ScopeUsage();
        const Binding here{link.id, int(index), QString()};
        Link own{link.id, int(index), std::nullopt, std::nullopt};
        if (scope.maxTotal && (!request.amount || request.amount->currency() == scope.maxTotal->currency())) {
            qint64 left = scope.maxTotal->amountMinor() - forecastSpentIn(usage, scope.maxTotal->currency());
            if (charged && request.amount)
                left -= request.amount->amountMinor();
            left = std::max<qint64>(left, 0);
            const auto remaining = Money::of(left, scope.maxTotal->currency());
            if (remaining)
                own.remainingTotal = *remaining;
            if (remaining && (!forecast.remainingTotal || left < forecast.remainingTotal->amountMinor())) {
                forecast.remainingTotal = *remaining;
                tightestTotal = here;
                tightestTotal->limit = QStringLiteral("max_total");
            }
        }
        if (scope.maxUses) {
            const qint64 left = std::max<qint64>(*scope.maxUses - usage.uses - (charged ? 1 : 0), 0);
            own.remainingUses = left;
            if (!forecast.remainingUses || left < *forecast.remainingUses) {
                forecast.remainingUses = left;
                tightestUses = here;
                tightestUses->limit = QStringLiteral("max_uses");
            }
        }
        if (scope.maxPerAction &&
            (!tightestPerAction || scope.maxPerAction->amountMinor() < perActionMinor)) {
            perActionMinor = scope.maxPerAction->amountMinor();
            tightestPerAction = here;
            tightestPerAction->limit = QStringLiteral("max_per_action");
        }
        forecast.links.append(own);
    }
    switch (result.reason) {
    case ReasonCode::TotalLimitExceeded:
        forecast.binding = tightestTotal;
        break;
    case ReasonCode::UsesExhausted:
        forecast.binding = tightestUses;
        break;
    case ReasonCode::PerActionLimitExceeded:
        forecast.binding = tightestPerAction;
        break;
    default:
        // The limit that runs out first: uses when none are left, otherwise the value cap.
        forecast.binding = forecast.remainingUses == 0 || !tightestTotal ? tightestUses : tightestTotal;
        if (!forecast.binding)
            forecast.binding = tightestPerAction;
        break;
    }
    return forecast;
}

} // namespace mandate
