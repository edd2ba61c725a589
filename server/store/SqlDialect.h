#pragma once

#include <QString>
#include <QStringList>
#include <QVariant>

#include <memory>

class QSqlDatabase;

namespace mandate::server {

class SqlStatement;

// What differs between the SQL databases Mandate runs on. Everything else — the repositories,
// the migrations' logic — is written once in SQL both SQLite and PostgreSQL accept
// (ON CONFLICT upserts, RETURNING, recursive CTEs, keyset paging).
class SqlDialect
{
public:
    virtual ~SqlDialect() = default;

    virtual QString driverName() const = 0;
    // Starts a transaction that holds the write lock from its first statement, so concurrent
    // writers serialize at BEGIN instead of failing at COMMIT.
    virtual QString beginWrite() const = 0;
    // Replaces the type placeholders of the portable DDL: {blob}, {bigint}, {serial_pk}.
    virtual QString translateDdl(const QString &ddl) const = 0;
    // Statements run on every new connection (journal mode, durability, foreign keys).
    virtual QStringList connectionSetup() const = 0;
    // A query whose single value changes whenever another connection commits.
    virtual QString dataVersion() const = 0;
    // Prepares `sql` on `db`, which is open; null with `error` and the driver's `code` on failure.
    virtual std::unique_ptr<SqlStatement> prepare(const QSqlDatabase &db, const QString &sql, QString *error,
                                                  QString *code) const = 0;
    // Whether SAVEPOINT and friends may be prepared statements.
    virtual bool preparesTransactionControl() const { return true; }
    // Points `db` at `target`: a file name for SQLite, a URL for a server database.
    virtual bool configure(QSqlDatabase &db, const QString &target, QString *error) const = 0;
    // Run right after beginWrite(): how long a statement of the write transaction may wait for a
    // row another transaction holds. Empty when BEGIN already makes the transaction the only writer.
    virtual QString writeSetup() const { return {}; }
    // Appended to a SELECT of the rows a write is about to change, so two writers of the same
    // delegation tree, approval or key queue on its rows, and no other writer waits for them.
    // Empty when the write transaction already excludes every other writer.
    virtual QString rowLock() const { return {}; }
    // A query taking a transaction-scoped lock on the 64-bit value bound to it: for what has no
    // row yet (an Idempotency-Key not seen before). Empty when there is one writer anyway.
    virtual QString valueLock() const { return {}; }
    // Run just before COMMIT by a transaction that publishes live events: their ids must be in
    // commit order on every instance (a stream's Last-Event-ID), so they are assigned in turn.
    virtual QStringList commitOrderLock() const { return {}; }
    // Whether a failed statement only lost a race for a lock (a deadlock, a lock wait that timed
    // out, a serialization failure): the work is retried, it is no error.
    virtual bool isLockConflict(const QString &errorCode) const
    {
        Q_UNUSED(errorCode);
        return false;
    }
    // Run inside the transaction of a log sequencing pass: one instance sequences at a time, and the
    // lock goes with its transaction, so a dead instance's turn passes to the next at once. The
    // query's single value says whether the lock was taken (waiting: always, once it returns).
    // Empty when the write transaction already excludes every other writer.
    virtual QString sequencerLock(bool wait) const
    {
        Q_UNUSED(wait);
        return {};
    }
    // Held around migrations and demo seeding so that instances starting together do them once.
    virtual QString setupLock() const { return {}; }
    virtual QString setupUnlock() const { return {}; }
    // Run inside a write transaction that published live events, so other instances fetch them.
    virtual QString notifyEvents() const { return {}; }
    // A placeholder for long text the caller holds as UTF-8, and the value to bind to it. SQLite
    // takes the bytes as they are: a bound QString is converted UTF-8 → UTF-16 → UTF-8, which
    // was a tenth of a decision's store-thread work for its audit event alone.
    // Takes the WAL checkpoint out of the commit that crosses its threshold: afterwards `walPages`
    // holds the WAL's length in pages after each commit of `db`, and walCheckpoint() is run when
    // the caller chooses. False where there is no such thing (PostgreSQL).
    virtual bool deferCheckpoints(QSqlDatabase &, int *) const { return false; }
    virtual QString walCheckpoint() const { return {}; }
    virtual QString utf8TextParameter() const { return QStringLiteral("?"); }
    virtual QVariant utf8Text(const QByteArray &utf8) const { return QString::fromUtf8(utf8); }
};

} // namespace mandate::server
