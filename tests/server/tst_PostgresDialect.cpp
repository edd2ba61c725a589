#include "server/store/PostgresDialect.h"

#include <QSqlDatabase>
#include <QTest>

using mandate::server::PostgresDialect;

// The --database URL reaches QPSQL field by field, and never reaches a log with its password.
class TstPostgresDialect : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void urlFieldsReachTheDriver()
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("t1"));
        QString error;
        QVERIFY(PostgresDialect().configure(
            db, QStringLiteral("postgresql://app:p%40ss@db.internal:6543/mandate"), &error));
        QCOMPARE(db.hostName(), QStringLiteral("db.internal"));
        QCOMPARE(db.port(), 6543);
        QCOMPARE(db.userName(), QStringLiteral("app"));
        QCOMPARE(db.password(), QStringLiteral("p@ss"));
        QCOMPARE(db.databaseName(), QStringLiteral("mandate"));
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("t1"));
    }

    void aSocketDirectoryAndTheDefaultPort()
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("t2"));
        QString error;
        QVERIFY(PostgresDialect().configure(db, QStringLiteral("postgres://pg@localhost/m?host=/tmp/sock"),
                                            &error));
        QCOMPARE(db.hostName(), QStringLiteral("/tmp/sock"));
        QCOMPARE(db.port(), 5432);
        QVERIFY(db.password().isEmpty());
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("t2"));
    }

    void aUrlWithoutADatabaseIsRefused()
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("t3"));
        QString error;
        QVERIFY(!PostgresDialect().configure(db, QStringLiteral("postgresql://pg@localhost:5432/"), &error));
        QVERIFY(!error.contains(QStringLiteral("pg@")));
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("t3"));
    }

    void redactionHidesOnlyThePassword()
    {
        const QString shown =
            PostgresDialect::redacted(QStringLiteral("postgresql://app:hunter2@db:5432/mandate"));
        QVERIFY(!shown.contains(QStringLiteral("hunter2")));
        QVERIFY(shown.contains(QStringLiteral("app")));
        QVERIFY(shown.contains(QStringLiteral("db:5432/mandate")));
    }

    void ddlTypesAreTranslated()
    {
        const QString ddl = PostgresDialect().translateDdl(
            QStringLiteral("seq {serial_pk}, h {blob} NOT NULL, n INTEGER, b {bigint}"));
        QCOMPARE(ddl, QStringLiteral("seq BIGSERIAL PRIMARY KEY, h BYTEA NOT NULL, n BIGINT, b BIGINT"));
    }
};

QTEST_GUILESS_MAIN(TstPostgresDialect)
#include "tst_PostgresDialect.moc"
