#include "client/LocalCache.h"
#include "tests/support/DelegationBuilder.h"

#include <QFileInfo>
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
