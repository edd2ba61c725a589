#pragma once

#include "core/AuthorizeRequest.h"
#include "core/DecisionEngine.h"
#include "core/Delegation.h"

#include <QList>
#include <QString>

#include <optional>

namespace mandate {

// What a decision leaves behind, for POST /v1/authorize/simulate: across the requested delegation
// and every ancestor's governing scope, how much value and how many uses would remain once the
// decision took effect (an allow charges every link), and which limit binds — the one that refused
// the request, or else the one with the least left. Read from the same lineage the engine read.
struct DecisionForecast
{
    struct Binding
    {
        QString delegationId;
        int scopeIndex = 0;
        QString limit; // "max_total", "max_uses" or "max_per_action"

        friend bool operator==(const Binding &, const Binding &) = default;
    };

    // One link's governing scope and what it alone has left (its own cap less what it and its
    // sub-delegations used): the authority view sums these along the tree of chains.
    struct Link
    {
        QString delegationId;
        int scopeIndex = 0;
        std::optional<Money> remainingTotal; // none: no value cap in the forecast's currency
        std::optional<qint64> remainingUses;
    };

    std::optional<Binding> binding;
    QList<Link> links;                   // nearest first, only links with a governing scope
    std::optional<Money> remainingTotal; // in the request's currency (or the cap's, without an amount)
    std::optional<qint64> remainingUses;

    static DecisionForecast of(const QList<const Delegation *> &lineage, const AuthorizeRequest &request,
                               const EngineResult &result);
};

} // namespace mandate
