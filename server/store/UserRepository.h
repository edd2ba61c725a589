#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace mandate::server {

class Database;

struct UserRecord
{
    QString id;
    QString username;
    QString displayName;
    QString passwordHash; // libsodium Argon2id string, never the password
    QStringList roles;
    QDateTime createdAt;
};

class UserRepository
{
public:
    explicit UserRepository(Database &db)
        : m_db(db)
    {}

    std::optional<UserRecord> findByUsername(const QString &username);
    std::optional<UserRecord> findById(const QString &id);
    bool insert(const UserRecord &user);
    qint64 count();

    // Failed sign-ins, kept so that a restart does not forget them (LoginThrottle).
    struct LoginFailure
    {
        QString username;
        QString address;
        QDateTime at;
    };
    bool recordLoginFailure(const LoginFailure &failure, const QDateTime &forgetBefore);
    QList<LoginFailure> loginFailuresSince(const QDateTime &since);
    // Every username's failures from `address` since `since`, oldest first: what one sign-in
    // attempt is throttled by, as every instance on this database has recorded it.
    QList<LoginFailure> loginFailuresFrom(const QString &address, const QDateTime &since);
    // Every address's failures for the username, or (with an address) that address's only.
    bool clearLoginFailures(const QString &username, const QString &address = QString());

private:
    std::optional<UserRecord> one(const QString &sql, const QString &value);
    Database &m_db;
};

} // namespace mandate::server
