#pragma once

#include "server/store/SqlDialect.h"

namespace mandate::server {

// PostgreSQL through Qt's QPSQL driver, for several mandate-server instances on one database.
// Every write transaction takes one transaction-scoped advisory lock right after BEGIN, so writes
// serialize across instances exactly as SQLite's BEGIN IMMEDIATE serializes them within one:
// caps, uses, approval decisions and the audit chain need no further locking, and no transaction
// ever fails with a serialization error or deadlock (see docs/ARCHITECTURE.md, "PostgreSQL").
class PostgresDialect final : public SqlDialect
{
public:
    // The advisory lock keys; any fixed pair unlikely to collide with other applications.
    static constexpr qint64 WriteLockKey = 0x4d414e44'00000001; // "MAND" 1
    static constexpr qint64 SetupLockKey = 0x4d414e44'00000002;
    static constexpr qint64 SequencerLockKey = 0x4d414e44'00000003;
    static constexpr const char *EventChannel = "mandate_events";

    QString driverName() const override { return QStringLiteral("QPSQL"); }
    QString beginWrite() const override { return QStringLiteral("BEGIN ISOLATION LEVEL READ COMMITTED"); }
    QString translateDdl(const QString &ddl) const override;
    QStringList connectionSetup() const override;
    // Changes with every transaction: another instance may have committed between any two of
    // ours, and nothing cheaper tells, so rows are kept only within one write transaction.
    QString dataVersion() const override { return QStringLiteral("SELECT txid_current()"); }
    bool preparesTransactionControl() const override { return false; }
    bool configure(QSqlDatabase &db, const QString &target, QString *error) const override;
    QString writeLock() const override;
    QString sequencerLock(bool wait) const override;
    QString setupLock() const override;
    QString setupUnlock() const override;
    QString notifyEvents() const override;

    // True for postgresql:// and postgres:// URLs.
    static bool isUrl(const QString &target);
    // The URL with any password replaced, fit for logs and error messages.
    static QString redacted(const QString &target);
};

} // namespace mandate::server
