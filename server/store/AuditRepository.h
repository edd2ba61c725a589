#pragma once

#include "core/AuditEvent.h"
#include "server/store/RowCache.h"

#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace mandate::server {

class Database;

// The append-only audit table. Each append reads the newest event's hash inside the caller's
// write transaction, so the chain stays linear whatever else commits around it.
class AuditRepository
{
public:
    struct Filter
    {
        std::optional<QString> delegationId;
        std::optional<QString> agentId;
        std::optional<QString> customerId;
        std::optional<QString> type;
        qint64 afterSeq = 0;
        int limit = 100;
    };

    // A stored event; `event` is empty when the stored text no longer parses (tampering or damage).
    struct Row
    {
        qint64 seq = 0;
        std::optional<AuditEvent> event;
    };

    explicit AuditRepository(Database &db)
        : m_db(db)
        , m_newest(db)
    {}

    // Assigns seq, prev_hash and hash; agentId/customerId index the event for filtering.
    std::optional<AuditEvent> append(AuditEvent event, const QString &agentId, const QString &customerId);
    // Ascending by seq; nullopt on a storage error.
    std::optional<QList<Row>> list(const Filter &filter);
    // Visits matching rows in seq order, page by page; stops early when visit returns false.
    bool forEach(Filter filter, const std::function<bool(const Row &)> &visit);

private:
    struct Link
    {
        qint64 seq = 0;
        QString hash;
    };
    static constexpr int Newest = 0;

    Database &m_db;
    RowCache<int, Link> m_newest; // the chain's last link, under key Newest
};

} // namespace mandate::server
