#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace mandate::server {

class Database;

// Sessions are keyed by the SHA-256 of their token: a copy of the database lets no one sign in.
class SessionRepository
{
public:
    struct Session
    {
        QString userId;
        QDateTime expiresAt;
    };

    explicit SessionRepository(Database &db)
        : m_db(db)
    {}

    bool insert(const QByteArray &tokenHash, const QString &userId, const QDateTime &createdAt,
                const QDateTime &expiresAt);
    std::optional<Session> find(const QByteArray &tokenHash);
    bool remove(const QByteArray &tokenHash);
    bool removeExpired(const QDateTime &now);

private:
    Database &m_db;
};

} // namespace mandate::server
