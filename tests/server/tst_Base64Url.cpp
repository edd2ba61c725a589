#include "server/identity/Base64Url.h"

#include <QTest>

using mandate::server::Base64Url;

class TstBase64Url : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrips_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QByteArray>("encoded");
        // RFC 4648 §10, without the padding JOSE leaves out.
        QTest::newRow("empty") << QByteArray() << QByteArray();
        QTest::newRow("f") << QByteArray("f") << QByteArray("Zg");
        QTest::newRow("fo") << QByteArray("fo") << QByteArray("Zm8");
        QTest::newRow("foo") << QByteArray("foo") << QByteArray("Zm9v");
        QTest::newRow("foob") << QByteArray("foob") << QByteArray("Zm9vYg");
        QTest::newRow("fooba") << QByteArray("fooba") << QByteArray("Zm9vYmE");
        QTest::newRow("foobar") << QByteArray("foobar") << QByteArray("Zm9vYmFy");
        // The two characters where base64url differs from base64 ("+/" there).
        QTest::newRow("url alphabet") << QByteArray("\xfb\xff\xbf", 3) << QByteArray("-_-_");
    }
    void roundTrips()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QByteArray, encoded);
        QCOMPARE(Base64Url::encode(bytes), encoded);
        const auto decoded = Base64Url::decode(encoded);
        QVERIFY(decoded);
        QCOMPARE(*decoded, bytes);
    }

    void refusesEverySecondSpelling_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("padding") << QByteArray("Zg==");
        QTest::newRow("partial padding") << QByteArray("Zm8=");
        QTest::newRow("standard alphabet plus") << QByteArray("+_-_");
        QTest::newRow("standard alphabet slash") << QByteArray("-/-_");
        QTest::newRow("space") << QByteArray("Zm9v Yg");
        QTest::newRow("newline") << QByteArray("Zm9v\nYg");
        QTest::newRow("dot") << QByteArray("Zm9v.Yg");
        QTest::newRow("non-ASCII") << QByteArray("Zm9v\xc3\xa9");
        QTest::newRow("impossible length") << QByteArray("Zm9vY");
        QTest::newRow("leftover bits set, one byte") << QByteArray("Zh");
        QTest::newRow("leftover bits set, two bytes") << QByteArray("Zm9");
    }
    void refusesEverySecondSpelling()
    {
        QFETCH(QByteArray, text);
        QVERIFY(!Base64Url::decode(text));
    }
};

QTEST_APPLESS_MAIN(TstBase64Url)
#include "tst_Base64Url.moc"
