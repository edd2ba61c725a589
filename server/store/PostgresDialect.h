#pragma once

#include "server/store/SqlDialect.h"

namespace mandate::server {

// PostgreSQL through Qt's QPSQL driver, for several mandate-server instances on one database.
// Write transactions of every instance run side by side: a write locks the rows it changes
// (SELECT ... FOR UPDATE, a delegation tree ancestors first), waits at most LockWaitMs for
// one, and a lost race (deadlock, lock timeout) is retried by the group committer, never answered
// as an error (see docs/ARCHITECTURE.md, "PostgreSQL").
class PostgresDialect final : public SqlDialect
{
public:
    // The advisory lock keys; any fixed pair unlikely to collide with other applications.
    static constexpr qint64 CommitOrderLockKey = 0x4d414e44'00000001; // "MAND" 1
    static constexpr qint64 SetupLockKey = 0x4d414e44'00000002;
    static constexpr qint64 SequencerLockKey = 0x4d414e44'00000003;
    static constexpr const char *EventChannel = "mandate_events";
    // Short: a job that waits longer is retried in the next batch, so the jobs batched with it
    // never wait for a tree they do not touch.
    static constexpr int LockWaitMs = 200;

    QString driverName() const override { return QStringLiteral("QPSQL"); }
    std::unique_ptr<SqlStatement> prepare(const QSqlDatabase &db, const QString &sql, QString *error,
                                          QString *code) const override;
    QString beginWrite() const override { return QStringLiteral("BEGIN ISOLATION LEVEL READ COMMITTED"); }
    QString translateDdl(const QString &ddl) const override;
    QStringList connectionSetup() const override;
    // Changes with every transaction: another instance may have committed between any two of
    // ours, and nothing cheaper tells, so rows are kept only within one write transaction.
    QString dataVersion() const override { return QStringLiteral("SELECT txid_current()"); }
    bool preparesTransactionControl() const override { return false; }
    bool configure(QSqlDatabase &db, const QString &target, QString *error) const override;
    QString writeSetup() const override;
    QString rowLock() const override { return QStringLiteral(" FOR NO KEY UPDATE"); }
    QString valueLock() const override { return QStringLiteral("SELECT pg_advisory_xact_lock(?)"); }
    QStringList commitOrderLock() const override;
    bool isLockConflict(const QString &errorCode) const override;
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
