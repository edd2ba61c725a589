#pragma once

#include "core/AuditEvent.h"

#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

#include <functional>
#include <optional>

namespace mandate::server {

class Database;

// The sequenced audit events: leaf seq - 1 of the transparency log. Only the log's sequencer
// (LogSequencer) appends here; writes record their events in AuditLogRepository's inbox.
class AuditRepository
{
public:
    struct Filter
    {
        std::optional<QString> delegationId;
        std::optional<QString> agentId;
        std::optional<QString> customerId;
        std::optional<QString> type;
        // Matches ids and names: the actor's, the customer's (name or username), the agent's.
        std::optional<QString> text;
        qint64 afterSeq = 0;
        int limit = 100;
    };

    // A stored event; `event` is empty when the stored text no longer parses (tampering or damage).
    struct Row
    {
        qint64 seq = 0;
        std::optional<AuditEvent> event;
    };

    // An event as stored: its JSON text as served, with the columns that index it.
    struct Stored
    {
        qint64 seq = 0;
        QString type;
        QString delegationId;
        QString agentId;
        QString customerId;
        QString decisionId;
        QByteArray event;
    };

    explicit AuditRepository(Database &db)
        : m_db(db)
    {}

    // A sequenced event and its chain hash, as the sequencer appends it.
    struct Sealed
    {
        Stored event;
        QDateTime at;
        QString hash;
        QByteArray leafHash;
    };
    // Appends many at once: one statement per 64 rows, since per-statement costs dominate.
    bool insert(const QList<Sealed> &events);
    // The newest event's seq and chain hash; seq 0 with the genesis hash when there is none.
    std::optional<QPair<qint64, QString>> head();
    // Stored texts from seq > afterSeq, ascending, at most `limit` (seq and event only).
    std::optional<QList<Stored>> texts(qint64 afterSeq, int limit);
    bool rewrite(qint64 seq, const QByteArray &event, const QString &decisionId, const QByteArray &leafHash);
    // The first event whose `column` (delegation_id or decision_id) is `value` (and of `type`).
    std::optional<Stored> first(const QString &column, const QString &value, const QString &type = {});
    // Ascending by seq; nullopt on a storage error.
    std::optional<QList<Row>> list(const Filter &filter);
    // Visits matching rows in seq order, page by page; stops early when visit returns false.
    bool forEach(Filter filter, const std::function<bool(const Row &)> &visit);

private:
    Database &m_db;
};

} // namespace mandate::server
