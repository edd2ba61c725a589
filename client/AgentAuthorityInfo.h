#pragma once

#include "core/Money.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace mandate::client {

// GET /v1/agents/{id}/authority as the console shows it: every delegation reaching the agent with
// what each scope can still move, the sums per action and resource, how the authority grew, and
// its history: per UTC day of the last 30, the value each delegation moved and the grants made.
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

    struct DaySpent
    {
        QDate day;
        qint64 amountMinor = 0;
    };
    struct Spending
    {
        QString delegationId;
        QString purpose;
        QString currency;
        QList<DaySpent> days; // only days with spending, ascending
    };
    struct DayGrants
    {
        QDate day;
        int count = 0;
    };

    QString agentName;
    QList<Held> delegations;
    QList<Reach> reach;
    int grantsLast30Days = 0;
    int subdelegations = 0;
    int activeNow = 0;
    int activeMonthAgo = 0;
    bool sprawl = false;
    QDate historyFrom;
    QDate historyTo;
    QList<Spending> spending;
    QList<DayGrants> grants; // only days with grants, ascending
};

} // namespace mandate::client
