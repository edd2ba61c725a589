#include "server/store/SqliteDialect.h"

#include "server/store/CoalescingWalVfs.h"
#include "server/store/SqliteStatement.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QStringList>
#include <QUrl>
#include <QVariant>

#include <sqlite3.h>

namespace mandate::server {

QString SqliteDialect::translateDdl(const QString &ddl) const
{
    QString out = ddl;
    out.replace(QStringLiteral("{blob}"), QStringLiteral("BLOB"));
    out.replace(QStringLiteral("{bigint}"), QStringLiteral("INTEGER"));
    out.replace(QStringLiteral("{serial_pk}"), QStringLiteral("INTEGER PRIMARY KEY"));
    return out;
}

QStringList SqliteDialect::connectionSetup() const
{
    return {
        QStringLiteral("PRAGMA journal_mode=WAL"),  QStringLiteral("PRAGMA synchronous=FULL"),
        QStringLiteral("PRAGMA foreign_keys=ON"),   QStringLiteral("PRAGMA busy_timeout=5000"),
        QStringLiteral("PRAGMA temp_store=MEMORY"),
    };
}

namespace {

// The connection Qt's driver opened, for what its API does not offer.
sqlite3 *connectionOf(const QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    if (qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

} // namespace

std::unique_ptr<SqlStatement> SqliteDialect::prepare(const QSqlDatabase &db, const QString &sql,
                                                     QString *error, QString *code) const
{
    sqlite3 *connection = connectionOf(db);
    if (!connection) {
        *error = QStringLiteral("the SQLite driver gave no connection handle");
        *code = QString::number(SQLITE_MISUSE);
        return nullptr;
    }
    std::unique_ptr<SqliteStatement> statement = SqliteStatement::prepare(connection, sql, error);
    if (!statement)
        *code = QString::number(sqlite3_errcode(connection));
    return statement;
}

bool SqliteDialect::deferCheckpoints(QSqlDatabase &db, int *walPages) const
{
    sqlite3 *connection = connectionOf(db);
    if (!connection)
        return false;
    // Replaces the automatic checkpoint, which is itself a WAL hook (sqlite3_wal_autocheckpoint).
    sqlite3_wal_hook(
        connection,
        [](void *pages, sqlite3 *, const char *, int length) {
            *static_cast<int *>(pages) = length;
            return SQLITE_OK;
        },
        walPages);
    return true;
}

bool SqliteDialect::configure(QSqlDatabase &db, const QString &target, QString *) const
{
    const QString vfs = CoalescingWalVfs::name();
    if (vfs.isEmpty()) {
        db.setDatabaseName(target);
        return true;
    }
    db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_URI"));
    db.setDatabaseName(QStringLiteral("file:") + QString::fromLatin1(QUrl::toPercentEncoding(target, "/")) +
                       QStringLiteral("?vfs=") + vfs);
    return true;
}

} // namespace mandate::server
