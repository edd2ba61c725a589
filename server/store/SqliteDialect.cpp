#include "server/store/SqliteDialect.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QStringList>
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

bool SqliteDialect::deferCheckpoints(QSqlDatabase &db, int *walPages) const
{
    const QVariant handle = db.driver()->handle();
    if (qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return false;
    sqlite3 *connection = *static_cast<sqlite3 *const *>(handle.constData());
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
    db.setDatabaseName(target);
    return true;
}

} // namespace mandate::server
