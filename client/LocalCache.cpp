#include "client/LocalCache.h"

#include "client/ConsoleCodec.h"
#include "core/DelegationCodec.h"
#include "core/Timestamp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace mandate::client {

namespace {

// Version 2 adds the witness's checkpoints; every statement is IF NOT EXISTS, so a version 1 file
// migrates by running the whole schema again.
constexpr int CacheSchemaVersion = 2;
const QString UserList = QStringLiteral("me");

} // namespace

LocalCache::LocalCache(const QString &file)
    : m_file(file)
    , m_db(file, QStringLiteral("cache"), CacheSchemaVersion,
           {QStringLiteral(
                "CREATE TABLE IF NOT EXISTS snapshots (server TEXT NOT NULL, username TEXT NOT NULL, "
                "list TEXT NOT NULL, payload BLOB NOT NULL, saved_at TEXT NOT NULL, "
                "PRIMARY KEY (server, username, list))"),
            QStringLiteral("CREATE TABLE IF NOT EXISTS checkpoints (server TEXT PRIMARY KEY, "
                           "verifier_key TEXT NOT NULL, note BLOB NOT NULL, tree_size INTEGER NOT NULL, "
                           "first_kept_at TEXT NOT NULL, kept_at TEXT NOT NULL)")})
{}

void LocalCache::setScope(const QString &server, const QString &username)
{
    m_server = server;
    m_username = username;
}

bool LocalCache::save(const QString &list, const QByteArray &payload, const QDateTime &savedAt)
{
    if (!m_db.isOpen())
        return false;
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("INSERT INTO snapshots (server, username, list, payload, saved_at) "
                             "VALUES (?, ?, ?, ?, ?) ON CONFLICT (server, username, list) DO UPDATE "
                             "SET payload = excluded.payload, saved_at = excluded.saved_at"));
    q.addBindValue(m_server);
    q.addBindValue(m_username);
    q.addBindValue(list);
    q.addBindValue(payload);
    q.addBindValue(formatTimestamp(savedAt));
    return q.exec();
}

std::optional<LocalCache::Snapshot> LocalCache::load(const QString &list) const
{
    if (!m_db.isOpen())
        return std::nullopt;
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral(
        "SELECT payload, saved_at FROM snapshots WHERE server = ? AND username = ? AND list = ?"));
    q.addBindValue(m_server);
    q.addBindValue(m_username);
    q.addBindValue(list);
    if (!q.exec() || !q.next())
        return std::nullopt;
    const auto savedAt = parseTimestamp(q.value(1).toString());
    if (!savedAt)
        return std::nullopt;
    return Snapshot{q.value(0).toByteArray(), *savedAt};
}

bool LocalCache::saveDelegations(const QString &list, const QList<Delegation> &delegations,
                                 const QDateTime &savedAt)
{
    QJsonArray items;
    for (const Delegation &delegation : delegations)
        items.append(DelegationCodec::toJson(delegation));
    return save(list, QJsonDocument(items).toJson(QJsonDocument::Compact), savedAt);
}

std::optional<LocalCache::DelegationSnapshot> LocalCache::loadDelegations(const QString &list) const
{
    const auto snapshot = load(list);
    if (!snapshot)
        return std::nullopt;
    DelegationSnapshot delegations{{}, snapshot->savedAt};
    for (const QJsonValue &item : QJsonDocument::fromJson(snapshot->payload).array()) {
        if (auto delegation = DelegationCodec::fromJson(item.toObject()))
            delegations.delegations.append(std::move(delegation.value()));
    }
    return delegations;
}

bool LocalCache::saveUser(const UserInfo &user)
{
    return save(UserList,
                QJsonDocument(QJsonArray{ConsoleCodec::userToJson(user)}).toJson(QJsonDocument::Compact),
                QDateTime::currentDateTimeUtc());
}

std::optional<UserInfo> LocalCache::loadUser() const
{
    const auto snapshot = load(UserList);
    const QJsonArray items = snapshot ? QJsonDocument::fromJson(snapshot->payload).array() : QJsonArray();
    if (items.isEmpty())
        return std::nullopt;
    UserInfo user = ConsoleCodec::userFromJson(items.first().toObject());
    return user.isValid() ? std::optional(user) : std::nullopt;
}

bool LocalCache::clearScope()
{
    if (!m_db.isOpen())
        return false;
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("DELETE FROM snapshots WHERE server = ? AND username = ?"));
    q.addBindValue(m_server);
    q.addBindValue(m_username);
    return q.exec();
}

bool LocalCache::saveCheckpoint(const KeptCheckpoint &kept)
{
    if (!m_db.isOpen())
        return false;
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral(
        "INSERT INTO checkpoints (server, verifier_key, note, tree_size, first_kept_at, kept_at) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (server) DO UPDATE SET "
        "verifier_key = excluded.verifier_key, note = excluded.note, "
        "tree_size = excluded.tree_size, first_kept_at = excluded.first_kept_at, "
        "kept_at = excluded.kept_at"));
    q.addBindValue(m_server);
    q.addBindValue(kept.verifierKey);
    q.addBindValue(kept.note);
    q.addBindValue(kept.treeSize);
    q.addBindValue(formatTimestamp(kept.firstKeptAt));
    q.addBindValue(formatTimestamp(kept.keptAt));
    return q.exec();
}

std::optional<LocalCache::KeptCheckpoint> LocalCache::loadCheckpoint() const
{
    if (!m_db.isOpen())
        return std::nullopt;
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral(
        "SELECT verifier_key, note, tree_size, first_kept_at, kept_at FROM checkpoints WHERE server = ?"));
    q.addBindValue(m_server);
    if (!q.exec() || !q.next())
        return std::nullopt;
    const auto firstKeptAt = parseTimestamp(q.value(3).toString());
    const auto keptAt = parseTimestamp(q.value(4).toString());
    if (!firstKeptAt || !keptAt)
        return std::nullopt;
    return KeptCheckpoint{q.value(0).toString(), q.value(1).toByteArray(), q.value(2).toLongLong(),
                          *firstKeptAt, *keptAt};
}

} // namespace mandate::client
