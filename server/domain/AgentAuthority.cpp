#include "server/domain/AgentAuthority.h"

#include "core/DecisionForecast.h"
#include "core/DelegationCodec.h"
#include "core/Timestamp.h"
#include "server/domain/AuthorityHistory.h"
#include "server/domain/AuthorityReach.h"
#include "server/domain/DelegationTree.h"
#include "server/store/Store.h"

#include <QJsonArray>

namespace mandate::server {

namespace {

// Every delegation ever granted to the agent that the caller may see, in pages.
QList<Delegation> authorityDelegationsOf(Store &store, const QString &agentId, const Principal &caller)
{
    DelegationRepository::Query query;
    query.agentId = agentId;
    query.limit = 500;
    if (!caller.isStaff())
        query.onlyCustomerId = caller.id;
    QList<Delegation> all;
    for (;;) {
        const QList<Delegation> page = store.delegations().list(query);
        all.append(page.mid(0, query.limit));
        if (page.size() <= query.limit)
            break;
        const Delegation &last = all.constLast();
        query.after = PageCursor{DelegationRepository::sortKeyOf(last, query.sort), last.id};
    }
    return all;
}

bool authorityActiveAt(const Delegation &d, const QDateTime &at)
{
    if (d.createdAt > at || d.expiresAt <= at)
        return false;
    if (d.revokedAt)
        return *d.revokedAt > at;
    // A delegation completed or expired without a revocation time: only its status says when.
    return d.status == DelegationStatus::Active || d.status == DelegationStatus::Expired;
}

// What one scope can still move through its chain: the request it stands for is its own action on
// its own resource (a pattern's stem), to its first destination, in the currency of its own total.
DecisionForecast authorityRemaining(const DelegationTree &tree, const Scope &scope)
{
    AuthorizeRequest stand;
    stand.delegationId = tree.delegation.id;
    stand.action = scope.action;
    stand.resource = scope.resource.text();
    if (stand.resource.endsWith(u'*'))
        stand.resource.chop(1);
    // The scope admits only its own destinations and sensitivities: the stand-in names one of each.
    if (scope.destinations && !scope.destinations->isEmpty()) {
        QString destination = scope.destinations->constFirst().text();
        if (destination.endsWith(u'*'))
            destination.chop(1);
        stand.destination = destination;
    }
    stand.sensitivity = scope.maxSensitivity;
    if (scope.maxTotal) {
        if (const auto zero = Money::of(0, scope.maxTotal->currency()))
            stand.amount = *zero;
    }
    QList<const Delegation *> lineage{&tree.delegation};
    lineage.append(tree.ancestorPointers());
    EngineResult nothingCharged;
    return DecisionForecast::of(lineage, stand, nothingCharged);
}

} // namespace

Expected<QJsonObject, AgentAuthority::Failure> AgentAuthority::of(const QString &agentId,
                                                                  const Principal &caller)
{
    const std::optional<AgentRecord> agent = m_store.agents().find(agentId);
    if (!agent)
        return unexpected(Failure::NoSuchAgent);
    const QDateTime now = m_clock.now();
    const QDateTime monthAgo = now.addDays(-GrowthWindowDays);

    int grantsLast30d = 0;
    int subdelegationsMade = 0;
    int activeMonthAgo = 0;
    QJsonArray delegations;
    AuthorityReach reach;
    const QList<Delegation> visible = authorityDelegationsOf(m_store, agentId, caller);
    const std::optional<QList<SpendingRepository::Spent>> spending =
        SpendingRepository(m_store.db()).allowedSince(agentId, AuthorityHistory::windowStart(now));
    if (!spending)
        return unexpected(Failure::StorageFailed);
    for (const Delegation &d : visible) {
        if (d.createdAt >= monthAgo)
            ++grantsLast30d;
        subdelegationsMade += int(d.children.size());
        if (authorityActiveAt(d, monthAgo))
            ++activeMonthAgo;
        if (d.status != DelegationStatus::Active)
            continue;
        const std::optional<DelegationTree> tree = DelegationTree::load(m_store, d.id);
        // Revoked, expired or idle anywhere up the chain: it can do nothing, so it counts for nothing.
        if (!tree || !tree->isUsable(now))
            continue;
        QJsonArray scopes;
        for (const Scope &scope : tree->delegation.scopes) {
            const DecisionForecast left = authorityRemaining(*tree, scope);
            QJsonObject json = DelegationCodec::scopeToJson(scope);
            json.insert(
                QStringLiteral("remaining"),
                QJsonObject{{QStringLiteral("total"), DelegationCodec::moneyToJson(left.remainingTotal)},
                            {QStringLiteral("uses"), left.remainingUses ? QJsonValue(*left.remainingUses)
                                                                        : QJsonValue(QJsonValue::Null)}});
            scopes.append(json);

            reach.add(scope.action, scope.resource.text(), d.id, tree->depth(), left);
        }
        QJsonArray chain;
        for (const ChainLink &link : d.chain)
            chain.append(DelegationCodec::chainLinkToJson(link));
        delegations.append(QJsonObject{
            {QStringLiteral("id"), d.id},
            {QStringLiteral("parent_id"),
             d.parentId ? QJsonValue(*d.parentId) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("customer_id"), d.customerId},
            {QStringLiteral("purpose"), d.purpose},
            {QStringLiteral("depth"), tree->depth()},
            {QStringLiteral("created_at"), formatTimestamp(d.createdAt)},
            {QStringLiteral("expires_at"), formatTimestamp(d.expiresAt)},
            {QStringLiteral("chain"), chain},
            {QStringLiteral("usage"), QJsonObject{{QStringLiteral("uses"), d.usage.uses},
                                                  {QStringLiteral("spent"),
                                                   [&d] {
                                                       QJsonArray spent;
                                                       for (const Money &money : d.usage.spent)
                                                           spent.append(DelegationCodec::moneyToJson(money));
                                                       return spent;
                                                   }()}}},
            {QStringLiteral("scopes"), scopes},
        });
    }

    const int activeNow = int(delegations.size());
    return QJsonObject{
        {QStringLiteral("agent"), QJsonObject{{QStringLiteral("id"), agent->id},
                                              {QStringLiteral("name"), agent->name},
                                              {QStringLiteral("spiffe_id"), agent->spiffeId}}},
        {QStringLiteral("as_of"), formatTimestamp(now)},
        {QStringLiteral("delegations"), delegations},
        {QStringLiteral("reach"), reach.toJson()},
        {QStringLiteral("growth"), QJsonObject{{QStringLiteral("grants_last_30d"), grantsLast30d},
                                               {QStringLiteral("subdelegations"), subdelegationsMade},
                                               {QStringLiteral("active_delegations"), activeNow},
                                               {QStringLiteral("active_delegations_30d_ago"), activeMonthAgo},
                                               {QStringLiteral("sprawl"), activeNow > activeMonthAgo}}},
        {QStringLiteral("history"), AuthorityHistory::of(visible, *spending, now)},
    };
}

} // namespace mandate::server
