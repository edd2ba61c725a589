#include "server/store/PostgresDialect.h"

#include "server/store/QtSqlStatement.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QUrl>
#include <QUrlQuery>

namespace mandate::server {

QString PostgresDialect::translateDdl(const QString &ddl) const
{
    QString out = ddl;
    out.replace(QStringLiteral("{blob}"), QStringLiteral("BYTEA"));
    out.replace(QStringLiteral("{bigint}"), QStringLiteral("BIGINT"));
    out.replace(QStringLiteral("{serial_pk}"), QStringLiteral("BIGSERIAL PRIMARY KEY"));
    // Sequence numbers and counters outgrow 32 bits long before a bank's audit log is retired.
    out.replace(QStringLiteral(" INTEGER"), QStringLiteral(" BIGINT"));
    return out;
}

QStringList PostgresDialect::connectionSetup() const
{
    // Timestamps are text in RFC 3339 UTC; nothing depends on the session time zone, but a fixed
    // one keeps now() in ad-hoc operator queries unambiguous.
    return {QStringLiteral("SET TIME ZONE 'UTC'"), QStringLiteral("SET synchronous_commit = on"),
            QStringLiteral("SET client_min_messages = warning")};
}

bool PostgresDialect::isUrl(const QString &target)
{
    return target.startsWith(QStringLiteral("postgresql://")) ||
           target.startsWith(QStringLiteral("postgres://"));
}

QString PostgresDialect::redacted(const QString &target)
{
    QUrl url(target);
    if (!url.password().isEmpty())
        url.setPassword(QStringLiteral("***"));
    return url.toString();
}

bool PostgresDialect::configure(QSqlDatabase &db, const QString &target, QString *error) const
{
    const QUrl url(target, QUrl::StrictMode);
    const QString name = url.path().mid(1);
    if (!url.isValid() || !isUrl(target) || name.isEmpty()) {
        *error = QStringLiteral("--database needs postgresql://USER[:PASSWORD]@HOST:PORT/DB");
        return false;
    }
    // ?host=/path selects a unix socket directory, as in libpq's own URLs.
    const QUrlQuery query(url);
    const QString socketDir = query.queryItemValue(QStringLiteral("host"), QUrl::FullyDecoded);
    db.setHostName(socketDir.isEmpty() ? url.host() : socketDir);
    db.setPort(url.port(5432));
    db.setUserName(url.userName(QUrl::FullyDecoded));
    db.setPassword(url.password(QUrl::FullyDecoded));
    db.setDatabaseName(QUrl::fromPercentEncoding(name.toUtf8()));
    // The pid tells an operator (and pg_stat_activity) which instance a connection belongs to.
    db.setConnectOptions(QStringLiteral("connect_timeout=10;application_name=mandate-server/%1")
                             .arg(QCoreApplication::applicationPid()));
    return true;
}

QString PostgresDialect::writeSetup() const
{
    return QStringLiteral("SET LOCAL lock_timeout = %1").arg(LockWaitMs);
}

QStringList PostgresDialect::commitOrderLock() const
{
    // Held from the events' inserts to COMMIT only, a few milliseconds; it must not time out, or
    // a batch whose every job succeeded would fail.
    return {QStringLiteral("SET LOCAL lock_timeout = 0"),
            QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(CommitOrderLockKey)};
}

std::unique_ptr<SqlStatement> PostgresDialect::prepare(const QSqlDatabase &db, const QString &sql,
                                                       QString *error, QString *code) const
{
    auto statement = std::make_unique<QtSqlStatement>(db);
    if (!statement->prepare(sql)) {
        *error = statement->errorText();
        *code = statement->nativeErrorCode();
        return nullptr;
    }
    return statement;
}

bool PostgresDialect::isLockConflict(const QString &errorCode) const
{
    // serialization_failure, deadlock_detected, lock_not_available (lock_timeout)
    return errorCode == u"40001" || errorCode == u"40P01" || errorCode == u"55P03";
}

QString PostgresDialect::sequencerLock(bool wait) const
{
    return wait ? QStringLiteral("SELECT TRUE FROM (SELECT pg_advisory_xact_lock(%1)) AS turn")
                      .arg(SequencerLockKey)
                : QStringLiteral("SELECT pg_try_advisory_xact_lock(%1)").arg(SequencerLockKey);
}

QString PostgresDialect::setupLock() const
{
    return QStringLiteral("SELECT pg_advisory_lock(%1)").arg(SetupLockKey);
}

QString PostgresDialect::setupUnlock() const
{
    return QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(SetupLockKey);
}

QString PostgresDialect::notifyEvents() const
{
    return QStringLiteral("NOTIFY ") + QLatin1StringView(EventChannel);
}

} // namespace mandate::server
