#pragma once

#include "core/Money.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace mandate::client {

// GET /v1/agents/{id}/authority as the console shows it: every delegation reaching the agent with
// what each scope can still move, the sums per action and resource, and how the authority grew.
struct AgentAuthorityInfo
{
    struct ScopeLeft
    {
        QString action;
        QString resource;
        std::optional<Money> remainingTotal; // nothing: no value cap anywhere in the chain
        std::optional<qint64> remainingUses;
    };
    struct Held
    {
        QString id;
        QString parentId;
        QString purpose;
        int depth = 1;
        QStringList chainNames; // customer first, then each agent down to this one
        QList<Money> spent;
        qint64 uses = 0;
        QList<ScopeLeft> scopes;
    };
    struct Reach
    {
        QString action;
        QString resource;
        std::optional<QList<Money>> remainingTotal; // nothing: unlimited
        std::optional<qint64> remainingUses;
        int delegations = 0;
        int maxDepth = 0;
    };

    QString agentName;
    QList<Held> delegations;
    QList<Reach> reach;
    int grantsLast30Days = 0;
    int subdelegations = 0;
    int activeNow = 0;
    int activeMonthAgo = 0;
    bool sprawl = false;
};

} // namespace mandate::client
