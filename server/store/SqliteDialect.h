#pragma once

#include "server/store/SqlDialect.h"

namespace mandate::server {

// SQLite in WAL mode with synchronous=FULL: an answered decision survives power loss.
class SqliteDialect final : public SqlDialect
{
public:
    QString driverName() const override { return QStringLiteral("QSQLITE"); }
    std::unique_ptr<SqlStatement> prepare(const QSqlDatabase &db, const QString &sql, QString *error,
                                          QString *code) const override;
    QString beginWrite() const override { return QStringLiteral("BEGIN IMMEDIATE"); }
    QString translateDdl(const QString &ddl) const override;
    QStringList connectionSetup() const override;
    QString dataVersion() const override { return QStringLiteral("PRAGMA data_version"); }
    bool configure(QSqlDatabase &db, const QString &target, QString *error) const override;
    bool deferCheckpoints(QSqlDatabase &db, int *walPages) const override;
    QString walCheckpoint() const override { return QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)"); }
    // The bytes are bound as a blob and stored as the text they spell.
    QString utf8TextParameter() const override { return QStringLiteral("CAST(? AS TEXT)"); }
    QVariant utf8Text(const QByteArray &utf8) const override { return utf8; }
};

} // namespace mandate::server
