#include "client/LocalCache.h"

#include <QFileInfo>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using mandate::client::LocalCache;

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
            QVERIFY(
                cache.save(QStringLiteral("delegations"), {QJsonObject{{QStringLiteral("id"), 1}}}, savedAt));
            cache.setScope(QStringLiteral("https://a.example"), QStringLiteral("bob"));
            QVERIFY(!cache.load(QStringLiteral("delegations")));
            QVERIFY(
                cache.save(QStringLiteral("delegations"), {QJsonObject{{QStringLiteral("id"), 2}}}, savedAt));
        }
        LocalCache reopened(file);
        reopened.setScope(QStringLiteral("https://a.example"), QStringLiteral("alice"));
        const auto alice = reopened.load(QStringLiteral("delegations"));
        QVERIFY(alice);
        QCOMPARE(alice->items.first().toObject().value(QStringLiteral("id")).toInt(), 1);
        QCOMPARE(alice->savedAt, savedAt);
        QVERIFY(reopened.clearScope());
        QVERIFY(!reopened.load(QStringLiteral("delegations")));
        reopened.setScope(QStringLiteral("https://a.example"), QStringLiteral("bob"));
        QCOMPARE(reopened.load(QStringLiteral("delegations"))
                     ->items.first()
                     .toObject()
                     .value(QStringLiteral("id"))
                     .toInt(),
                 2);
    }

    void anUnwritablePlaceIsReportedNotFatal()
    {
        LocalCache cache(QStringLiteral("/proc/mandate-cannot-be-here/cache.sqlite"));
        QVERIFY(!cache.isOpen());
        QVERIFY(!cache.errorString().isEmpty());
        QVERIFY(!cache.save(QStringLiteral("x"), {}, QDateTime::currentDateTimeUtc()));
    }
};

QTEST_GUILESS_MAIN(TstLocalCache)
#include "tst_LocalCache.moc"
