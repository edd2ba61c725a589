#pragma once

#include "server/store/SqlDialect.h"
#include "server/store/SqlStatement.h"

#include <QHash>
#include <QSqlDatabase>
#include <QString>
#include <QVariant>

#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <utility>

namespace mandate::server {

// One connection to the store's database, with its dialect, transactions and a cache of prepared
// statements (each distinct SQL text is prepared once for the connection's lifetime).
// Lives on the thread that opened it.
class Database
{
public:
    Database(std::unique_ptr<SqlDialect> dialect, QString connectionName);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // For SQLite `target` is the database file; the file is created with mode 0600. For PostgreSQL
    // it is a postgresql:// URL.
    bool open(const QString &target, QString *error);
    void close();

    const SqlDialect &dialect() const { return *m_dialect; }
    const QString &lastError() const { return m_lastError; }
    // Whether the connection still answers a trivial query; call it after a failure, outside a
    // transaction, to tell a lost server from a failed statement.
    bool isAlive();
    // Set once a statement outside a write transaction failed and the connection no longer
    // answers: from then on a failed lookup cannot be told from a missing row, so nothing read
    // through this connection may be trusted. `onLost` runs once, at that moment.
    bool isLost() const { return m_lost; }
    void setLostHandler(std::function<void()> onLost) { m_onLost = std::move(onLost); }
    // For LISTEN/NOTIFY subscriptions; valid while open.
    QSqlDriver *driver() const;

    // Binds `values` by position to the cached statement for `sql` and executes it. The returned
    // query is positioned before the first row; read it before the next run() of the same SQL.
    SqlStatement *run(const QString &sql, std::initializer_list<QVariant> values = {});
    // Like run(), for statements whose bind values are assembled at run time.
    SqlStatement *runList(const QString &sql, const QVariantList &values);
    // Executes DDL or pragmas without caching.
    bool execute(const QString &sql);

    bool beginWrite();
    bool commit();
    void rollback();
    bool savepoint(const QString &name);
    bool releaseSavepoint(const QString &name);
    bool rollbackToSavepoint(const QString &name);

    // Whether a statement of this write transaction failed only because it lost a race for a lock
    // (SqlDialect::isLockConflict); cleared by the next beginWrite() or by the call.
    bool takeLockConflict() { return std::exchange(m_lockConflict, false); }
    // Whether writers lock the rows they change (PostgreSQL) rather than the whole database.
    bool locksRows() const { return !m_dialect->rowLock().isEmpty(); }

    // Repositories may keep decoded rows only while this connection holds the write lock, when no
    // other connection can change them. The epoch moves whenever a kept row may be stale: another
    // connection committed since this one last wrote, or a transaction or savepoint rolled back.
    // Empty outside write transactions, so readers never cache.
    std::optional<quint64> cacheEpoch() const;

    // SQLite's write connection: the WAL is checkpointed by checkpointIfDue(), which the batcher
    // calls after a batch's answers went out, not inside the commit that crossed the threshold
    // (those commits took 5–25 ms and made the p99). A no-op elsewhere.
    void deferCheckpoints() { m_checkpointsDeferred = m_dialect->deferCheckpoints(m_db, &m_walPages); }
    void checkpointIfDue();

private:
    SqlStatement *prepared(const QString &sql);
    SqlStatement *exec(const QString &sql, const QVariant *values, qsizetype count);
    bool control(const QString &sql);
    void fail(const QString &what, const QString &sql, const QString &error, const QString &code);

    std::unique_ptr<SqlDialect> m_dialect;
    QString m_connectionName;
    QSqlDatabase m_db;
    QHash<QString, std::shared_ptr<SqlStatement>> m_statements;
    QString m_lastError;
    bool m_inWrite = false;
    bool m_lost = false;
    bool m_lockConflict = false;
    std::function<void()> m_onLost;
    quint64 m_cacheEpoch = 0;
    std::optional<qint64> m_dataVersion;
    bool m_checkpointsDeferred = false;
    int m_walPages = 0;
};

} // namespace mandate::server
