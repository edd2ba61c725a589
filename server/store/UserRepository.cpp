#include "server/store/UserRepository.h"

#include "core/Timestamp.h"
#include "server/store/Database.h"

namespace mandate::server {

std::optional<UserRecord> UserRepository::findByUsername(const QString &username)
{
    return one(QStringLiteral("SELECT id, username, display_name, password_hash, roles, created_at "
                              "FROM users WHERE username = ?"),
               username);
}

std::optional<UserRecord> UserRepository::findById(const QString &id)
{
    return one(QStringLiteral("SELECT id, username, display_name, password_hash, roles, created_at "
                              "FROM users WHERE id = ?"),
               id);
}

std::optional<UserRecord> UserRepository::one(const QString &sql, const QString &value)
{
    SqlStatement *q = m_db.run(sql, {value});
    if (!q || !q->next())
        return std::nullopt;
    UserRecord user{q->value(0).toString(),
                    q->value(1).toString(),
                    q->value(2).toString(),
                    q->value(3).toString(),
                    q->value(4).toString().split(u',', Qt::SkipEmptyParts),
                    parseTimestamp(q->value(5).toString()).value_or(QDateTime())};
    q->finish();
    return user;
}

bool UserRepository::insert(const UserRecord &user)
{
    return m_db.run(QStringLiteral(
                        "INSERT INTO users (id, username, display_name, password_hash, roles, created_at) "
                        "VALUES (?, ?, ?, ?, ?, ?)"),
                    {user.id, user.username, user.displayName, user.passwordHash, user.roles.join(u','),
                     formatTimestamp(user.createdAt)}) != nullptr;
}

qint64 UserRepository::count()
{
    SqlStatement *q = m_db.run(QStringLiteral("SELECT COUNT(*) FROM users"));
    if (!q || !q->next())
        return -1;
    const qint64 n = q->value(0).toLongLong();
    q->finish();
    return n;
}

bool UserRepository::recordLoginFailure(const LoginFailure &failure, const QDateTime &forgetBefore)
{
    return m_db.run(QStringLiteral("DELETE FROM login_failures WHERE at < ?"),
                    {formatTimestamp(forgetBefore)}) &&
           m_db.run(QStringLiteral("INSERT INTO login_failures (username, address, at) VALUES (?, ?, ?)"),
                    {failure.username.toLower(), failure.address, formatTimestamp(failure.at)});
}

QList<UserRepository::LoginFailure> UserRepository::loginFailuresSince(const QDateTime &since)
{
    SqlStatement *q =
        m_db.run(QStringLiteral("SELECT username, address, at FROM login_failures WHERE at >= ? ORDER BY at"),
                 {formatTimestamp(since)});
    QList<LoginFailure> failures;
    while (q && q->next()) {
        if (const auto at = parseTimestamp(q->value(2).toString()))
            failures.append({q->value(0).toString(), q->value(1).toString(), *at});
    }
    return failures;
}

QList<UserRepository::LoginFailure> UserRepository::loginFailuresFrom(const QString &address,
                                                                      const QDateTime &since)
{
    SqlStatement *q =
        m_db.run(QStringLiteral("SELECT username, address, at FROM login_failures WHERE at >= ? AND "
                                "address = ? ORDER BY at"),
                 {formatTimestamp(since), address});
    QList<LoginFailure> failures;
    while (q && q->next()) {
        if (const auto at = parseTimestamp(q->value(2).toString()))
            failures.append({q->value(0).toString(), q->value(1).toString(), *at});
    }
    return failures;
}

bool UserRepository::clearLoginFailures(const QString &username, const QString &address)
{
    if (address.isEmpty())
        return m_db.run(QStringLiteral("DELETE FROM login_failures WHERE username = ?"),
                        {username.toLower()}) != nullptr;
    return m_db.run(QStringLiteral("DELETE FROM login_failures WHERE username = ? AND address = ?"),
                    {username.toLower(), address}) != nullptr;
}

} // namespace mandate::server
