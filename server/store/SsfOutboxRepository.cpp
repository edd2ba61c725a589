#include "server/store/SsfOutboxRepository.h"

#include "core/Timestamp.h"
#include "server/store/Database.h"

#include <QJsonDocument>

namespace mandate::server {

namespace {

const QString EntryColumns = QStringLiteral(
    "SELECT seq, stream_id, jti, event_type, control, claims, queued_at, attempts FROM ssf_outbox ");

SsfOutboxRepository::Entry readEntry(const SqlStatement &q)
{
    SsfOutboxRepository::Entry entry;
    entry.seq = q.value(0).toLongLong();
    entry.streamId = q.value(1).toString();
    entry.jti = q.value(2).toString();
    entry.eventType = q.value(3).toString();
    entry.control = q.value(4).toInt() != 0;
    entry.claims = QJsonDocument::fromJson(q.value(5).toByteArray()).object();
    entry.queuedAt = parseTimestamp(q.value(6).toString()).value_or(QDateTime());
    entry.attempts = q.value(7).toInt();
    return entry;
}

} // namespace

bool SsfOutboxRepository::insert(const Entry &entry)
{
    return m_db.run(QStringLiteral(
                        "INSERT INTO ssf_outbox (stream_id, jti, event_type, control, claims, queued_at, "
                        "attempts) VALUES (?, ?, ?, ?, ?, ?, 0)"),
                    {entry.streamId, entry.jti, entry.eventType, entry.control ? 1 : 0,
                     QString::fromUtf8(QJsonDocument(entry.claims).toJson(QJsonDocument::Compact)),
                     formatTimestamp(entry.queuedAt)}) != nullptr;
}

QList<SsfOutboxRepository::Entry> SsfOutboxRepository::pending(const QString &streamId, bool controlOnly,
                                                               int limit)
{
    SqlStatement *q = m_db.run(EntryColumns + QStringLiteral("WHERE stream_id = ? AND delivered_at IS NULL "
                                                             "AND (control = 1 OR ? = 0) "
                                                             "ORDER BY control DESC, seq LIMIT ?"),
                               {streamId, controlOnly ? 1 : 0, limit});
    QList<Entry> entries;
    while (q && q->next())
        entries.append(readEntry(*q));
    return entries;
}

std::optional<SsfOutboxRepository::Entry> SsfOutboxRepository::find(const QString &streamId, qint64 seq)
{
    SqlStatement *q =
        m_db.run(EntryColumns + QStringLiteral("WHERE stream_id = ? AND seq = ?"), {streamId, seq});
    if (!q || !q->next())
        return std::nullopt;
    Entry entry = readEntry(*q);
    q->finish();
    return entry;
}

bool SsfOutboxRepository::markDone(qint64 seq, const QDateTime &at, const QString &outcome)
{
    return m_db.run(
               QStringLiteral("UPDATE ssf_outbox SET delivered_at = ?, outcome = ?, attempts = attempts + 1 "
                              "WHERE seq = ? AND delivered_at IS NULL"),
               {formatTimestamp(at), outcome, seq}) != nullptr;
}

std::optional<int> SsfOutboxRepository::markDoneByJti(const QString &streamId, const QStringList &jtis,
                                                      const QDateTime &at, const QString &outcome)
{
    int named = 0;
    for (const QString &jti : jtis) {
        SqlStatement *q = m_db.run(QStringLiteral("UPDATE ssf_outbox SET delivered_at = ?, outcome = ? "
                                                  "WHERE stream_id = ? AND jti = ? AND delivered_at IS NULL"),
                                   {formatTimestamp(at), outcome, streamId, jti});
        if (!q)
            return std::nullopt;
        named += q->numRowsAffected();
    }
    return named;
}

bool SsfOutboxRepository::noteAttempt(qint64 seq)
{
    return m_db.run(QStringLiteral("UPDATE ssf_outbox SET attempts = attempts + 1 WHERE seq = ?"), {seq}) !=
           nullptr;
}

bool SsfOutboxRepository::dropPending(const QString &streamId)
{
    return m_db.run(QStringLiteral("DELETE FROM ssf_outbox WHERE stream_id = ? AND delivered_at IS NULL AND "
                                   "control = 0"),
                    {streamId}) != nullptr;
}

QHash<QString, SsfOutboxRepository::Counts> SsfOutboxRepository::countsByStream()
{
    SqlStatement *q =
        m_db.run(QStringLiteral("SELECT stream_id, SUM(CASE WHEN delivered_at IS NULL THEN 1 ELSE 0 END), "
                                "SUM(CASE WHEN delivered_at IS NULL THEN 0 ELSE 1 END) FROM ssf_outbox "
                                "GROUP BY stream_id"));
    QHash<QString, Counts> counts;
    while (q && q->next())
        counts.insert(q->value(0).toString(), {q->value(1).toLongLong(), q->value(2).toLongLong()});
    return counts;
}

qint64 SsfOutboxRepository::pendingTotal()
{
    SqlStatement *q = m_db.run(QStringLiteral("SELECT COUNT(*) FROM ssf_outbox WHERE delivered_at IS NULL"));
    if (!q || !q->next())
        return 0;
    const qint64 total = q->value(0).toLongLong();
    q->finish();
    return total;
}

std::optional<QDateTime> SsfOutboxRepository::oldestDeliverable()
{
    SqlStatement *q =
        m_db.run(QStringLiteral("SELECT MIN(o.queued_at) FROM ssf_outbox o JOIN ssf_streams s ON "
                                "s.id = o.stream_id WHERE o.delivered_at IS NULL AND "
                                "(s.status = 'enabled' OR o.control = 1)"));
    if (!q || !q->next())
        return std::nullopt;
    // MIN over nothing is one NULL row; finished either way, or the reader would keep its snapshot.
    const QVariant value = q->value(0);
    q->finish();
    if (value.isNull())
        return std::nullopt;
    return parseTimestamp(value.toString());
}

std::optional<int> SsfOutboxRepository::prune(const QDateTime &doneBefore, const QDateTime &queuedBefore)
{
    if (!m_db.run(
            QStringLiteral("DELETE FROM ssf_outbox WHERE delivered_at IS NOT NULL AND delivered_at < ?"),
            {formatTimestamp(doneBefore)}))
        return std::nullopt;
    SqlStatement *q =
        m_db.run(QStringLiteral("DELETE FROM ssf_outbox WHERE delivered_at IS NULL AND queued_at < ?"),
                 {formatTimestamp(queuedBefore)});
    if (!q)
        return std::nullopt;
    return q->numRowsAffected();
}

std::optional<bool> SsfOutboxRepository::markEnded(const QString &delegationId, const QDateTime &at)
{
    SqlStatement *q =
        m_db.run(QStringLiteral("INSERT INTO ssf_ended_sessions (delegation_id, ended_at) VALUES (?, ?) "
                                "ON CONFLICT (delegation_id) DO NOTHING"),
                 {delegationId, formatTimestamp(at)});
    if (!q)
        return std::nullopt;
    return q->numRowsAffected() == 1;
}

} // namespace mandate::server
