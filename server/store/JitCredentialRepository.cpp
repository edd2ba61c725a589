#include "server/store/JitCredentialRepository.h"

#include "core/Timestamp.h"
#include "server/store/Database.h"

namespace mandate::server {

bool JitCredentialRepository::insert(const Credential &credential)
{
    return m_db.run(QStringLiteral("INSERT INTO jit_credentials (jti, delegation_id, issuer, expires_at) "
                                   "VALUES (?, ?, ?, ?)"),
                    {credential.jti, credential.delegationId, credential.issuer,
                     formatTimestamp(credential.expiresAt)}) != nullptr;
}

QList<JitCredentialRepository::Credential> JitCredentialRepository::liveOf(const QString &delegationId,
                                                                           const QDateTime &now)
{
    SqlStatement *q =
        m_db.run(QStringLiteral("SELECT jti, delegation_id, issuer, expires_at FROM jit_credentials "
                                "WHERE delegation_id = ? AND expires_at > ? ORDER BY expires_at, jti"),
                 {delegationId, formatTimestamp(now)});
    QList<Credential> credentials;
    while (q && q->next())
        credentials.append({q->value(0).toString(), q->value(1).toString(), q->value(2).toString(),
                            parseTimestamp(q->value(3).toString()).value_or(QDateTime())});
    return credentials;
}

bool JitCredentialRepository::removeOf(const QString &delegationId)
{
    return m_db.run(QStringLiteral("DELETE FROM jit_credentials WHERE delegation_id = ?"), {delegationId}) !=
           nullptr;
}

bool JitCredentialRepository::removeExpired(const QDateTime &now)
{
    return m_db.run(QStringLiteral("DELETE FROM jit_credentials WHERE expires_at <= ?"),
                    {formatTimestamp(now)}) != nullptr;
}

} // namespace mandate::server
