#include "server/store/SsfStreamRepository.h"

#include "core/Timestamp.h"
#include "server/store/Database.h"

#include <QJsonDocument>

namespace mandate::server {

namespace {

std::optional<QDateTime> timeOf(const QVariant &value)
{
    if (value.isNull() || value.toString().isEmpty())
        return std::nullopt;
    return parseTimestamp(value.toString());
}

QString compactText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

const QString ReceiverColumns =
    QStringLiteral("SELECT id, name, created_at, created_by, revoked_at FROM ssf_receivers ");

SsfStreamRepository::Receiver readReceiver(const SqlStatement &q)
{
    return {q.value(0).toString(), q.value(1).toString(), timeOf(q.value(2)).value_or(QDateTime()),
            q.value(3).toString(), timeOf(q.value(4))};
}

const QString StreamColumns = QStringLiteral(
    "SELECT id, receiver_id, delivery_method, config, status, status_reason, created_at, verified_at, "
    "failing_since, last_error, next_attempt_at, last_delivered_at, lease_owner, lease_until FROM "
    "ssf_streams ");

SsfStreamRepository::Stream readStream(const SqlStatement &q)
{
    SsfStreamRepository::Stream stream;
    stream.id = q.value(0).toString();
    stream.receiverId = q.value(1).toString();
    stream.deliveryMethod = q.value(2).toString();
    stream.config = QJsonDocument::fromJson(q.value(3).toByteArray()).object();
    stream.status = q.value(4).toString();
    stream.statusReason = q.value(5).toString();
    stream.createdAt = timeOf(q.value(6)).value_or(QDateTime());
    stream.verifiedAt = timeOf(q.value(7));
    stream.failingSince = timeOf(q.value(8));
    stream.lastError = q.value(9).toString();
    stream.nextAttemptAt = timeOf(q.value(10));
    stream.lastDeliveredAt = timeOf(q.value(11));
    stream.leaseOwner = q.value(12).toString();
    stream.leaseUntil = timeOf(q.value(13));
    return stream;
}

QList<SsfStreamRepository::Stream> readStreams(SqlStatement *q)
{
    QList<SsfStreamRepository::Stream> streams;
    while (q && q->next())
        streams.append(readStream(*q));
    return streams;
}

} // namespace

bool SsfStreamRepository::insertReceiver(const Receiver &receiver, const QByteArray &tokenHash)
{
    return m_db.run(QStringLiteral("INSERT INTO ssf_receivers (id, name, token_hash, created_at, created_by) "
                                   "VALUES (?, ?, ?, ?, ?)"),
                    {receiver.id, receiver.name, tokenHash, formatTimestamp(receiver.createdAt),
                     receiver.createdBy}) != nullptr;
}

std::optional<SsfStreamRepository::Receiver> SsfStreamRepository::receiverByToken(const QByteArray &tokenHash)
{
    SqlStatement *q = m_db.run(
        ReceiverColumns + QStringLiteral("WHERE token_hash = ? AND revoked_at IS NULL"), {tokenHash});
    if (!q || !q->next())
        return std::nullopt;
    Receiver receiver = readReceiver(*q);
    q->finish();
    return receiver;
}

std::optional<SsfStreamRepository::Receiver> SsfStreamRepository::receiver(const QString &id)
{
    SqlStatement *q = m_db.run(ReceiverColumns + QStringLiteral("WHERE id = ?"), {id});
    if (!q || !q->next())
        return std::nullopt;
    Receiver receiver = readReceiver(*q);
    q->finish();
    return receiver;
}

QList<SsfStreamRepository::Receiver> SsfStreamRepository::receivers(int limit,
                                                                    const std::optional<PageCursor> &after)
{
    SqlStatement *q =
        after ? m_db.run(ReceiverColumns + QStringLiteral("WHERE (created_at < ? OR (created_at = ? "
                                                          "AND id < ?)) ORDER BY created_at DESC, "
                                                          "id DESC LIMIT ?"),
                         {after->sortKey, after->sortKey, after->id, limit})
              : m_db.run(ReceiverColumns + QStringLiteral("ORDER BY created_at DESC, id DESC LIMIT ?"),
                         {limit});
    QList<Receiver> receivers;
    while (q && q->next())
        receivers.append(readReceiver(*q));
    return receivers;
}

bool SsfStreamRepository::revokeReceiver(const QString &id, const QDateTime &at)
{
    return m_db.run(
               QStringLiteral("UPDATE ssf_receivers SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL"),
               {formatTimestamp(at), id}) != nullptr;
}

bool SsfStreamRepository::insertStream(const Stream &stream)
{
    return m_db.run(
               QStringLiteral("INSERT INTO ssf_streams (id, receiver_id, delivery_method, config, status, "
                              "status_reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
               {stream.id, stream.receiverId, stream.deliveryMethod, compactText(stream.config),
                stream.status, stream.statusReason, formatTimestamp(stream.createdAt)}) != nullptr;
}

std::optional<SsfStreamRepository::Stream> SsfStreamRepository::stream(const QString &id)
{
    SqlStatement *q = m_db.run(StreamColumns + QStringLiteral("WHERE id = ?"), {id});
    if (!q || !q->next())
        return std::nullopt;
    Stream stream = readStream(*q);
    q->finish();
    return stream;
}

QList<SsfStreamRepository::Stream> SsfStreamRepository::streamsOf(const QString &receiverId)
{
    return readStreams(m_db.run(
        StreamColumns + QStringLiteral("WHERE receiver_id = ? ORDER BY created_at, id"), {receiverId}));
}

QList<SsfStreamRepository::Stream> SsfStreamRepository::liveStreams()
{
    return readStreams(m_db.run(
        StreamColumns + QStringLiteral("WHERE status <> 'disabled' AND receiver_id IN (SELECT id FROM "
                                       "ssf_receivers WHERE revoked_at IS NULL) ORDER BY id")));
}

QStringList SsfStreamRepository::pushStreamsDue(const QString &instance, const QDateTime &now)
{
    const QString at = formatTimestamp(now);
    // Stream updates go out whatever the status; everything else only while the stream is enabled.
    SqlStatement *q = m_db.run(
        QStringLiteral(
            "SELECT s.id FROM ssf_streams s WHERE s.delivery_method = 'push' "
            "AND (s.next_attempt_at IS NULL OR s.next_attempt_at <= ?) "
            "AND (s.lease_owner IS NULL OR s.lease_owner = ? OR s.lease_until <= ?) "
            "AND EXISTS (SELECT 1 FROM ssf_outbox o WHERE o.stream_id = s.id AND o.delivered_at IS NULL "
            "AND (s.status = 'enabled' OR o.control = 1)) ORDER BY s.id"),
        {at, instance, at});
    QStringList ids;
    while (q && q->next())
        ids.append(q->value(0).toString());
    return ids;
}

bool SsfStreamRepository::updateConfig(const QString &id, const QString &deliveryMethod,
                                       const QJsonObject &config)
{
    return m_db.run(QStringLiteral(
                        "UPDATE ssf_streams SET delivery_method = ?, config = ?, next_attempt_at = NULL "
                        "WHERE id = ?"),
                    {deliveryMethod, compactText(config), id}) != nullptr;
}

bool SsfStreamRepository::setStatus(const QString &id, const QString &status, const QString &reason)
{
    return m_db.run(QStringLiteral("UPDATE ssf_streams SET status = ?, status_reason = ? WHERE id = ?"),
                    {status, reason.isEmpty() ? QVariant() : QVariant(reason), id}) != nullptr;
}

bool SsfStreamRepository::deleteStream(const QString &id)
{
    return m_db.run(QStringLiteral("DELETE FROM ssf_subjects WHERE stream_id = ?"), {id}) &&
           m_db.run(QStringLiteral("DELETE FROM ssf_outbox WHERE stream_id = ?"), {id}) &&
           m_db.run(QStringLiteral("DELETE FROM ssf_streams WHERE id = ?"), {id});
}

bool SsfStreamRepository::noteVerification(const QString &id, const QDateTime &at)
{
    return m_db.run(QStringLiteral("UPDATE ssf_streams SET verified_at = ? WHERE id = ?"),
                    {formatTimestamp(at), id}) != nullptr;
}

std::optional<bool> SsfStreamRepository::claim(const QString &id, const QString &instance,
                                               const QDateTime &now, const QDateTime &until)
{
    // One conditional UPDATE: on SQLite writers take turns; on PostgreSQL two instances claiming
    // together meet at the row, and the second re-checks the condition once the first commits. Only
    // the first gets the stream.
    SqlStatement *q =
        m_db.run(QStringLiteral("UPDATE ssf_streams SET lease_owner = ?, lease_until = ? WHERE id = ? "
                                "AND (lease_owner IS NULL OR lease_owner = ? OR lease_until <= ?)"),
                 {instance, formatTimestamp(until), id, instance, formatTimestamp(now)});
    if (!q)
        return std::nullopt;
    return q->numRowsAffected() == 1;
}

bool SsfStreamRepository::noteDelivered(const QString &id, const QDateTime &at)
{
    return m_db.run(QStringLiteral("UPDATE ssf_streams SET last_delivered_at = ?, failing_since = NULL, "
                                   "last_error = NULL, next_attempt_at = NULL WHERE id = ?"),
                    {formatTimestamp(at), id}) != nullptr;
}

bool SsfStreamRepository::noteFailure(const QString &id, const QDateTime &at, const QString &error,
                                      const QDateTime &retryAt)
{
    return m_db.run(QStringLiteral("UPDATE ssf_streams SET failing_since = COALESCE(failing_since, ?), "
                                   "last_error = ?, next_attempt_at = ? WHERE id = ?"),
                    {formatTimestamp(at), error, formatTimestamp(retryAt), id}) != nullptr;
}

bool SsfStreamRepository::noteError(const QString &id, const QString &error)
{
    return m_db.run(QStringLiteral("UPDATE ssf_streams SET last_error = ? WHERE id = ?"), {error, id}) !=
           nullptr;
}

bool SsfStreamRepository::clearFailures(const QString &id)
{
    return m_db.run(QStringLiteral("UPDATE ssf_streams SET failing_since = NULL, next_attempt_at = NULL "
                                   "WHERE id = ?"),
                    {id}) != nullptr;
}

bool SsfStreamRepository::setSubject(const QString &streamId, const QJsonObject &subject, bool included)
{
    return m_db.run(
               QStringLiteral("INSERT INTO ssf_subjects (stream_id, subject, included) VALUES (?, ?, ?) "
                              "ON CONFLICT (stream_id, subject) DO UPDATE SET included = excluded.included"),
               {streamId, compactText(subject), included ? 1 : 0}) != nullptr;
}

QList<SsfStreamRepository::Subject> SsfStreamRepository::subjectsOf(const QString &streamId)
{
    SqlStatement *q =
        m_db.run(QStringLiteral("SELECT stream_id, subject, included FROM ssf_subjects WHERE stream_id = ?"),
                 {streamId});
    QList<Subject> subjects;
    while (q && q->next())
        subjects.append({q->value(0).toString(), QJsonDocument::fromJson(q->value(1).toByteArray()).object(),
                         q->value(2).toInt() != 0});
    return subjects;
}

QList<SsfStreamRepository::Subject> SsfStreamRepository::allSubjects()
{
    SqlStatement *q = m_db.run(QStringLiteral("SELECT stream_id, subject, included FROM ssf_subjects"));
    QList<Subject> subjects;
    while (q && q->next())
        subjects.append({q->value(0).toString(), QJsonDocument::fromJson(q->value(1).toByteArray()).object(),
                         q->value(2).toInt() != 0});
    return subjects;
}

qsizetype SsfStreamRepository::subjectCount(const QString &streamId)
{
    SqlStatement *q =
        m_db.run(QStringLiteral("SELECT COUNT(*) FROM ssf_subjects WHERE stream_id = ?"), {streamId});
    if (!q || !q->next())
        return 0;
    const qsizetype count = q->value(0).toLongLong();
    q->finish();
    return count;
}

} // namespace mandate::server
