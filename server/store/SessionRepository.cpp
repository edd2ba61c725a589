#include "server/store/SessionRepository.h"

#include "core/Timestamp.h"
#include "server/store/Database.h"

namespace mandate::server {

bool SessionRepository::insert(const QByteArray &tokenHash, const QString &userId, const QDateTime &createdAt,
                               const QDateTime &expiresAt)
{
    return m_db.run(QStringLiteral("INSERT INTO sessions (token_hash, user_id, created_at, expires_at) "
                                   "VALUES (?, ?, ?, ?)"),
                    {tokenHash, userId, formatTimestamp(createdAt), formatTimestamp(expiresAt)}) != nullptr;
}

std::optional<SessionRepository::Session> SessionRepository::find(const QByteArray &tokenHash)
{
    SqlStatement *q = m_db.run(
        QStringLiteral("SELECT user_id, expires_at FROM sessions WHERE token_hash = ?"), {tokenHash});
    if (!q || !q->next())
        return std::nullopt;
    Session session{q->value(0).toString(), parseTimestamp(q->value(1).toString()).value_or(QDateTime())};
    q->finish();
    return session;
}

bool SessionRepository::remove(const QByteArray &tokenHash)
{
    return m_db.run(QStringLiteral("DELETE FROM sessions WHERE token_hash = ?"), {tokenHash}) != nullptr;
}

bool SessionRepository::removeExpired(const QDateTime &now)
{
    return m_db.run(QStringLiteral("DELETE FROM sessions WHERE expires_at <= ?"), {formatTimestamp(now)}) !=
           nullptr;
}

} // namespace mandate::server
