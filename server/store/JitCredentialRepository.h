#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace mandate::server {

class Database;

// The JIT credentials issued and not yet expired, by delegation: when a delegation ends, each of
// them is announced as revoked (CAEP credential-change). Only ids are kept, never a token.
class JitCredentialRepository
{
public:
    struct Credential
    {
        QString jti;
        QString delegationId;
        QString issuer;
        QDateTime expiresAt;
    };

    explicit JitCredentialRepository(Database &db)
        : m_db(db)
    {}

    bool insert(const Credential &credential);
    QList<Credential> liveOf(const QString &delegationId, const QDateTime &now);
    bool removeOf(const QString &delegationId);
    bool removeExpired(const QDateTime &now);

private:
    Database &m_db;
};

} // namespace mandate::server
