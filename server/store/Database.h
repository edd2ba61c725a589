#pragma once

#include "SqlDialect.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <initializer_list>
#include <memory>

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

    // For SQLite `target` is the database file; the file is created with mode 0600.
    bool open(const QString &target, QString *error);
    void close();

    const SqlDialect &dialect() const { return *m_dialect; }
    const QString &lastError() const { return m_lastError; }

    // Binds `values` by position to the cached statement for `sql` and executes it. The returned
    // query is positioned before the first row; read it before the next run() of the same SQL.
    QSqlQuery *run(const QString &sql, std::initializer_list<QVariant> values = {});
    // Like run(), for statements whose bind values are assembled at run time.
    QSqlQuery *runList(const QString &sql, const QVariantList &values);
    // Executes DDL or pragmas without caching.
    bool execute(const QString &sql);

    bool beginWrite();
    bool commit();
    void rollback();
    bool savepoint(const QString &name);
    bool releaseSavepoint(const QString &name);
    bool rollbackToSavepoint(const QString &name);

private:
    QSqlQuery *prepared(const QString &sql);
    void fail(const QString &what, const QSqlQuery &query);

    std::unique_ptr<SqlDialect> m_dialect;
    QString m_connectionName;
    QSqlDatabase m_db;
    QHash<QString, std::shared_ptr<QSqlQuery>> m_statements;
    QString m_lastError;
};

} // namespace mandate::server
