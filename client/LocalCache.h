#pragma once

#include "client/LocalDatabase.h"
#include "client/UserInfo.h"

#include <QDateTime>
#include <QJsonArray>
#include <QString>

#include <optional>

namespace mandate::client {

// The console's own SQLite file (mode 0600): the last lists seen per server and user, so the
// window fills at once on start and stays readable, marked "as of …", while the server is away.
// It never holds a token or a password.
class LocalCache
{
public:
    struct Snapshot
    {
        QJsonArray items;
        QDateTime savedAt;
    };

    // Opens (creating if needed) FILE; isOpen() tells whether that worked.
    explicit LocalCache(const QString &file);
    LocalCache(const LocalCache &) = delete;
    LocalCache &operator=(const LocalCache &) = delete;

    bool isOpen() const { return m_db.isOpen(); }
    const QString &errorString() const { return m_db.errorString(); }
    const QString &connectionName() const { return m_db.connectionName(); }
    const QString &file() const { return m_file; }

    // Every read and write below is scoped to one server and user.
    void setScope(const QString &server, const QString &username);

    bool save(const QString &list, const QJsonArray &items, const QDateTime &savedAt);
    std::optional<Snapshot> load(const QString &list) const;
    // Who was signed in last in this scope, so the console can open its offline view at start.
    bool saveUser(const UserInfo &user);
    std::optional<UserInfo> loadUser() const;
    // Forgets everything kept for the current scope (sign-out of a shared machine).
    bool clearScope();

private:
    QString m_file;
    LocalDatabase m_db;
    QString m_server;
    QString m_username;
};

} // namespace mandate::client
