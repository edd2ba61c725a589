#pragma once

#include "core/Approval.h"
#include "server/store/PageCursor.h"

#include <QList>
#include <QString>

#include <optional>

namespace mandate::server {

class Database;

// Step-up and dual-control approvals. Each row keeps the approval's full JSON next to the
// columns that queries filter on.
class ApprovalRepository
{
public:
    // Who an approval is routed to: the delegation's customer, or the approvers.
    enum class Route
    {
        Customer,
        Approvers
    };

    struct Query
    {
        std::optional<QString> status;
        std::optional<QString> kind;
        // What the caller sees (AccessPolicy::approvalsVisibleTo); nothing restricts for staff.
        bool restricted = false;
        bool routedToApprovers = false; // with restricted: approvals routed to approvers
        QString routedToCustomer;       // with restricted: step-ups routed to this customer
        int limit = 50;
        std::optional<PageCursor> after;
    };

    explicit ApprovalRepository(Database &db)
        : m_db(db)
    {}

    // find(), locking the row until the write transaction ends where writers lock rows: the
    // approval a write is about to decide or consume.
    std::optional<Approval> findForUpdate(const QString &id);

    bool insert(const Approval &approval, Route route, const QString &requestKey);
    bool update(const Approval &approval);
    std::optional<Approval> find(const QString &id);
    std::optional<Route> routeOf(const QString &id);
    // The pending approval for the same delegation and request, if one is waiting.
    std::optional<Approval> findPending(const QString &delegationId, const QString &requestKey);
    QList<Approval> list(const Query &query);
    // The approvals still waiting on a delegation. Both lists are for writes that end the approvals
    // they return: on PostgreSQL the rows stay locked until the write commits, and one that another
    // instance decided meanwhile is left out instead of being overwritten.
    QList<Approval> pendingOn(const QString &delegationId);
    // Pending approvals whose expiry has passed.
    QList<Approval> pendingExpiredBy(const QDateTime &now, int limit);
    qint64 countPending();
    // Is some approval of this delegation routed to approvers? (what approvers may read)
    bool routedToApprovers(const QString &delegationId);

    // The identity of "the same request": delegation, action, resource, amount, destination.
    static QString requestKey(const QString &delegationId, const ApprovalRequestDetails &request);

private:
    Database &m_db;
};

} // namespace mandate::server
