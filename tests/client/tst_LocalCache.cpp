#include "client/LocalCache.h"
#include "tests/support/DelegationBuilder.h"

#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using mandate::client::LocalCache;
using mandate::test::DelegationBuilder;

class TstLocalCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fileIsPrivateToTheUser()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("nested/cache.sqlite"));
        LocalCache cache(file);
        QVERIFY2(cache.isOpen(), qPrintable(cache.errorString()));
        QCOMPARE(QFileInfo(file).permissions() & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }

    void snapshotsAreKeptPerServerAndUser()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("cache.sqlite"));
        const QDateTime savedAt(QDate(2026, 12, 1), QTime(9, 30), Qt::UTC);
        {
            LocalCache cache(file);
            cache.setScope(QStringLiteral("https://a.example"), QStringLiteral("alice"));
            QVERIFY(cache.saveDelegations(QStringLiteral("delegations"),
                                          {DelegationBuilder(QStringLiteral("dlg_1")).build()}, savedAt));
            cache.setScope(QStringLiteral("https://a.example"), QStringLiteral("bob"));
            QVERIFY(!cache.loadDelegations(QStringLiteral("delegations")));
            QVERIFY(cache.saveDelegations(QStringLiteral("delegations"),
                                          {DelegationBuilder(QStringLiteral("dlg_2")).build()}, savedAt));
        }
        LocalCache reopened(file);
        reopened.setScope(QStringLiteral("https://a.example"), QStringLiteral("alice"));
        const auto alice = reopened.loadDelegations(QStringLiteral("delegations"));
        QVERIFY(alice);
        QCOMPARE(alice->delegations.first().id, QStringLiteral("dlg_1"));
        QCOMPARE(alice->savedAt, savedAt);
        QVERIFY(reopened.clearScope());
        QVERIFY(!reopened.loadDelegations(QStringLiteral("delegations")));
        reopened.setScope(QStringLiteral("https://a.example"), QStringLiteral("bob"));
        QCOMPARE(reopened.loadDelegations(QStringLiteral("delegations"))->delegations.first().id,
                 QStringLiteral("dlg_2"));
    }

    // The witness keeps one checkpoint per server, whoever is signed in, and a sign-out that
    // clears the person's lists leaves it: it is public, and losing it would let a rewritten log
    // pass for a new one.
    void checkpointsAreKeptPerServerAndOutliveClearScope()
    {
        QTemporaryDir dir;
        LocalCache cache(dir.filePath(QStringLiteral("cache.sqlite")));
        const QDateTime first(QDate(2026, 12, 1), QTime(9, 0), Qt::UTC);
        const QDateTime now(QDate(2026, 12, 2), QTime(10, 0), Qt::UTC);
        cache.setScope(QStringLiteral("https://a.example"), QStringLiteral("alice"));
        QVERIFY(!cache.loadCheckpoint());
        QVERIFY(
            cache.saveCheckpoint({QStringLiteral("a.example/log+01020304+AQ"), "note 1\n", 7, first, first}));
        QVERIFY(
            cache.saveCheckpoint({QStringLiteral("a.example/log+01020304+AQ"), "note 2\n", 9, first, now}));
        cache.setScope(QStringLiteral("https://a.example"), QStringLiteral("sam"));
        QVERIFY(cache.clearScope());
        const auto kept = cache.loadCheckpoint();
        QVERIFY(kept);
        QCOMPARE(kept->note, QByteArray("note 2\n"));
        QCOMPARE(kept->treeSize, 9);
        QCOMPARE(kept->firstKeptAt, first);
        QCOMPARE(kept->keptAt, now);
        cache.setScope(QStringLiteral("https://b.example"), QStringLiteral("sam"));
        QVERIFY(!cache.loadCheckpoint());
    }

    // A cache written by the console before the witness (schema version 1) opens, keeps its lists
    // and gains the checkpoints table.
    void aVersionOneCacheMigrates()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("cache.sqlite"));
        const QDateTime savedAt(QDate(2026, 12, 1), QTime(9, 30), Qt::UTC);
        {
            LocalCache cache(file);
            cache.setScope(QStringLiteral("https://a.example"), QStringLiteral("alice"));
            QVERIFY(cache.saveDelegations(QStringLiteral("delegations"),
                                          {DelegationBuilder(QStringLiteral("dlg_1")).build()}, savedAt));
        }
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1"));
            db.setDatabaseName(file);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("DROP TABLE checkpoints")));
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 1")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v1"));
        LocalCache cache(file);
        QVERIFY2(cache.isOpen(), qPrintable(cache.errorString()));
        cache.setScope(QStringLiteral("https://a.example"), QStringLiteral("alice"));
        QCOMPARE(cache.loadDelegations(QStringLiteral("delegations"))->delegations.first().id,
                 QStringLiteral("dlg_1"));
        QVERIFY(cache.saveCheckpoint({QStringLiteral("k"), "n\n", 1, savedAt, savedAt}));
        QCOMPARE(cache.loadCheckpoint()->treeSize, 1);
    }

    void anUnwritablePlaceIsReportedNotFatal()
    {
        LocalCache cache(QStringLiteral("/proc/mandate-cannot-be-here/cache.sqlite"));
        QVERIFY(!cache.isOpen());
        QVERIFY(!cache.errorString().isEmpty());
        QVERIFY(!cache.saveDelegations(QStringLiteral("x"), {}, QDateTime::currentDateTimeUtc()));
    }
};

QTEST_GUILESS_MAIN(TstLocalCache)
#include "tst_LocalCache.moc"
