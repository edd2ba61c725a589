#pragma once

#include "core/DecisionForecast.h"

#include <QHash>
#include <QJsonArray>
#include <QMap>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace mandate::server {

// What an agent can move per action and resource across all the delegations it holds. Every
// charge is taken from a link and all its ancestors, so what flows through delegations that share
// an ancestor is capped by that ancestor's own remainder: the sums are taken over the tree the
// chains form (per currency, and for uses), a held link contributing its own remainder, any other
// link the lesser of its own remainder and what its children bring.
class AuthorityReach
{
public:
    // One scope the agent holds, with what its chain has left (LEFT.links nearest first).
    void add(const QString &action, const QString &resource, const QString &delegationId, int depth,
             const DecisionForecast &left);
    QJsonArray toJson() const;

private:
    // One link's governing scope in the tree of one sum; `own` absent means no cap here.
    struct Node
    {
        std::optional<qint64> own;
        QString parent;
        bool held = false;
    };
    using Forest = QHash<QString, Node>;

    struct Sum
    {
        QMap<QString, Forest> totals; // per currency
        bool unlimitedValue = false;
        Forest uses;
        bool unlimitedUses = false;
        QStringList delegations;
        int maxDepth = 0;
    };

    // A chain's links into FOREST, each with the remainder OWN reads off it.
    static void plant(Forest &forest, const QList<DecisionForecast::Link> &links,
                      const std::function<std::optional<qint64>(const DecisionForecast::Link &)> &own);
    // The most that can flow through all the forest's held links together; absent means unlimited.
    static std::optional<qint64> most(const Forest &forest);

    QMap<QString, Sum> m_sums; // "action resource"
};

} // namespace mandate::server
