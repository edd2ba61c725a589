#pragma once

#include <QDateTime>
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

private:
    std::optional<UserRecord> one(const QString &sql, const QString &value);
    Database &m_db;
};

} // namespace mandate::server
