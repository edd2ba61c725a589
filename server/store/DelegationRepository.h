#pragma once

#include "core/Delegation.h"
#include "server/store/PageCursor.h"
#include "server/store/RowCache.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace mandate::server {

class Database;
class SqlStatement;

class DelegationRepository
{
public:
    struct Query
    {
        std::optional<QString> status;
        std::optional<QString> agentId;
        std::optional<QString> customerId;
        std::optional<QString> text; // matched against purpose, agent, SPIFFE ID, customer, id
        // Object-level authorization: when set, only this customer's delegations are visible.
        std::optional<QString> onlyCustomerId;
        // With or without onlyCustomerId: the delegations behind approvals routed to approvers
        // are visible too (what approvers may read).
        bool behindApproverRequests = false;
        int limit = 50;
        // Keyset paging on (sort column, id); the cursor's sortKey holds that column's value.
        enum class Sort
        {
            CreatedAt,
            ExpiresAt,
            Purpose
        };
        Sort sort = Sort::CreatedAt;
        bool descending = true;
        std::optional<PageCursor> after;
    };
    // The value of the sort column of `delegation`, as a cursor records it.
    static QString sortKeyOf(const Delegation &delegation, Query::Sort sort);

    // Which delegations a revocation starts from; every active descendant of each goes too.
    enum class Roots
    {
        Delegation,
        Customer,
        Agent
    };

    explicit DelegationRepository(Database &db)
        : m_db(db)
        , m_cache(db)
    {}

    bool insert(const Delegation &delegation, int depth, const QString &searchText);
    std::optional<Delegation> find(const QString &id);
    // Locks the rows of a delegation chain, in the order given (root first, so that two writers
    // of one tree queue instead of deadlocking), until the write transaction ends; find() then
    // reads them fresh. Nothing to do where the write transaction excludes every other writer.
    bool lockChain(const QStringList &rootFirst);
    std::optional<int> depthOf(const QString &id);
    QList<Delegation> list(const Query &query);
    // Sets status revoked on every active delegation of the trees; returns the ids it changed.
    std::optional<QStringList> revokeTrees(Roots roots, const QString &key, const QString &by,
                                           const QString &reason, const QDateTime &at);
    // The descendants of a delegation still marked active (they stop being usable with it).
    std::optional<QStringList> activeDescendantsOf(const QString &id);
    // Outside a batch, writes the delegation's usage at once. Within one (beginBatch() to
    // endBatch()) it only records it, and one UPDATE per delegation carries the last state: before
    // any other statement of this repository runs, and when the batch calls flushUsage() before
    // its commit. Decisions on one delegation then rewrite its row once per batch, not once each.
    bool saveUsage(const Delegation &delegation);
    void beginBatch();
    bool flushUsage();
    void endBatch();
    // Where a savepoint began in the batch's usage: rolling back to it forgets what was recorded
    // since, and writes again what was flushed since (the savepoint's rollback undid that UPDATE).
    struct UsageMark
    {
        qsizetype recorded = 0;
        qsizetype written = 0;
    };
    UsageMark usageMark() const { return {m_usage.size(), m_usageWritten}; }
    void rollbackUsage(const UsageMark &mark);
    bool saveBoundContext(const QString &id, const QJsonObject &context);
    // Active delegations whose lifetime or idle allowance has run out by `now`, locked on
    // PostgreSQL until the write commits: one another instance revoked or used meanwhile is left out.
    QStringList activeLapsedBy(const QDateTime &now, int limit);
    bool setStatus(const QString &id, DelegationStatus status);

private:
    // Every statement but the usage UPDATE goes through these: they first write recorded usage.
    SqlStatement *run(const QString &sql, std::initializer_list<QVariant> values = {});
    SqlStatement *runList(const QString &sql, const QVariantList &values);
    bool writeUsage(const Delegation &delegation);

    Database &m_db;
    RowCache<QString, Delegation> m_cache; // with children, as find() returns them
    bool m_inBatch = false;
    QList<Delegation> m_usage;    // usage states recorded in this batch, in order
    qsizetype m_usageWritten = 0; // m_usage before this index is in the database
};

} // namespace mandate::server
