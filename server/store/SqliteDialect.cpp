#include "server/store/SqliteDialect.h"

#include <QSqlDatabase>
#include <QStringList>

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

bool SqliteDialect::configure(QSqlDatabase &db, const QString &target, QString *) const
{
    db.setDatabaseName(target);
    return true;
}

} // namespace mandate::server
