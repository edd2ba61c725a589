#pragma once

#include "client/LocalDatabase.h"
#include "client/UserInfo.h"
#include "core/Delegation.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace mandate::client {

// The console's own SQLite file (mode 0600): the last lists seen per server and user, so the
// window fills at once on start and stays readable, marked "as of …", while the server is away.
// It never holds a token or a password.
class LocalCache
{
public:
    struct DelegationSnapshot
    {
        QList<Delegation> delegations;
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

    // The delegations last seen under the name `list` (one per filter worth keeping), in the
    // codec's wire form so a newer console still reads what an older one wrote.
    bool saveDelegations(const QString &list, const QList<Delegation> &delegations, const QDateTime &savedAt);
    std::optional<DelegationSnapshot> loadDelegations(const QString &list) const;
    // Who was signed in last in this scope, so the console can open its offline view at start.
    bool saveUser(const UserInfo &user);
    std::optional<UserInfo> loadUser() const;
    // Forgets everything kept for the current scope (sign-out of a shared machine). The kept
    // checkpoint stays: it is public, and forgetting it would let a rewritten log pass as new.
    bool clearScope();

    // The newest audit-log checkpoint this console verified for the current server (whoever was
    // signed in), and the log key it pinned on first contact.
    struct KeptCheckpoint
    {
        QString verifierKey;
        QByteArray note; // the signed note, as it verified
        qint64 treeSize = 0;
        QDateTime firstKeptAt; // when this console first trusted this log
        QDateTime keptAt;
    };
    bool saveCheckpoint(const KeptCheckpoint &kept);
    std::optional<KeptCheckpoint> loadCheckpoint() const;

private:
    struct Snapshot
    {
        QByteArray payload; // a JSON array
        QDateTime savedAt;
    };
    bool save(const QString &list, const QByteArray &payload, const QDateTime &savedAt);
    std::optional<Snapshot> load(const QString &list) const;

    QString m_file;
    LocalDatabase m_db;
    QString m_server;
    QString m_username;
};

} // namespace mandate::client
