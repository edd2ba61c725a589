#include "server/store/IdempotencyRepository.h"

#include "core/Sha256.h"
#include "core/Timestamp.h"
#include "server/store/Database.h"

#include <cstring>

namespace mandate::server {

bool IdempotencyRepository::lock(const QString &principal, const QString &key)
{
    const QString sql = m_db.dialect().valueLock();
    if (sql.isEmpty())
        return true;
    // Two keys that share a hash only queue behind each other; the answer stays the key's own.
    const QByteArray hash = Sha256::of({principal.toUtf8(), "\n", key.toUtf8()});
    qint64 value = 0;
    std::memcpy(&value, hash.constData(), sizeof value);
    SqlStatement *q = m_db.run(sql, {value});
    if (!q)
        return false;
    q->finish();
    return true;
}

std::optional<IdempotencyRepository::Entry>
IdempotencyRepository::find(const QString &principal, const QString &key, const QDateTime &notBefore)
{
    SqlStatement *q = m_db.run(QStringLiteral("SELECT request_hash, status, body FROM idempotency_keys "
                                              "WHERE principal = ? AND idem_key = ? AND created_at >= ?"),
                               {principal, key, formatTimestamp(notBefore)});
    if (!q || !q->next())
        return std::nullopt;
    Entry entry{q->value(0).toByteArray(), q->value(1).toInt(), q->value(2).toByteArray()};
    q->finish();
    return entry;
}

bool IdempotencyRepository::store(const QString &principal, const QString &key, const Entry &entry,
                                  const QDateTime &at)
{
    // An expired entry for the same key is replaced: the key is usable again after 24 hours.
    // An empty body (a 204) is bound as an empty, not a null, blob: the column is NOT NULL.
    const QByteArray body = entry.body.isNull() ? QByteArray("") : entry.body;
    return m_db.run(QStringLiteral(
                        "INSERT INTO idempotency_keys (principal, idem_key, request_hash, status, body, "
                        "created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (principal, idem_key) DO UPDATE "
                        "SET request_hash = excluded.request_hash, status = excluded.status, "
                        "body = excluded.body, created_at = excluded.created_at"),
                    {principal, key, entry.requestHash, entry.status, body, formatTimestamp(at)}) != nullptr;
}

bool IdempotencyRepository::purgeBefore(const QDateTime &cutoff)
{
    return m_db.run(QStringLiteral("DELETE FROM idempotency_keys WHERE created_at < ?"),
                    {formatTimestamp(cutoff)}) != nullptr;
}

} // namespace mandate::server
