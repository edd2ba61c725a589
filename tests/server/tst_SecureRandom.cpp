#include "server/auth/SecureRandom.h"

#include <QSet>
#include <QTest>

using namespace mandate::server;

class TstSecureRandom : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void idsAreUnguessableAndDistinct()
    {
        QSet<QString> seen;
        for (int i = 0; i < 1000; ++i) {
            const QString id = SecureRandom::id(u"dlg_");
            QCOMPARE(id.size(), 4 + 26);
            QVERIFY(id.startsWith(QStringLiteral("dlg_")));
            seen.insert(id);
        }
        QCOMPARE(seen.size(), 1000);
    }

    void orderedIdsSortByTimeAndStayDistinctWithinAMillisecond()
    {
        const QDateTime start =
            QDateTime::fromString(QStringLiteral("2026-12-05T08:00:00.000Z"), Qt::ISODateWithMs);
        QStringList ids;
        for (int i = 0; i < 300; ++i)
            ids.append(SecureRandom::orderedId(u"dec_", start.addMSecs(i / 3)));
        for (const QString &id : std::as_const(ids)) {
            QCOMPARE(id.size(), 4 + 12 + 26);
            QVERIFY(id.startsWith(QStringLiteral("dec_")));
        }
        QStringList sorted = ids;
        std::sort(sorted.begin(), sorted.end());
        for (int i = 0; i + 3 < ids.size(); i += 3)
            QVERIFY2(sorted.indexOf(ids[i]) < sorted.indexOf(ids[i + 3]), qPrintable(ids[i]));
        QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), ids.size());
        QCOMPARE(SecureRandom::orderedId(u"dec_", start).mid(4, 12), QStringLiteral("01a245379400"));
    }
};

QTEST_APPLESS_MAIN(TstSecureRandom)
#include "tst_SecureRandom.moc"
