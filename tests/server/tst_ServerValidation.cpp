#include "tests/support/DemoFixtures.h"
#include "tests/support/TestClient.h"
#include "tests/support/TestServer.h"

#include <QJsonDocument>
#include <QTest>

using mandate::test::DemoFixtures;
using mandate::test::TestClient;
using mandate::test::TestServer;

// The validation corpus: every way a grant can be malformed is refused with 400, a problem body
// and the path of the offending field — and nothing is created.
class TstServerValidation : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    std::unique_ptr<TestClient> m_alice;
    QString m_agentId;

    QByteArray validGrant()
    {
        return QJsonDocument(DemoFixtures::paymentGrant(m_agentId)).toJson(QJsonDocument::Compact);
    }

    qsizetype delegationCount()
    {
        return m_alice->get(QStringLiteral("/v1/delegations?limit=500"))
            .json()
            .value(QStringLiteral("items"))
            .toArray()
            .size();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        m_alice = DemoFixtures::person(m_server.url(), QStringLiteral("alice"));
        QVERIFY(m_alice);
        m_agentId = DemoFixtures::agentId(*m_alice, QStringLiteral("Bill payer"));
        QVERIFY(!m_agentId.isEmpty());
    }

    void refusesWithFieldPath_data()
    {
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::addColumn<QString>("field");

        QTest::newRow("unknown top-level field")
            << QByteArray("\"purpose\"") << QByteArray("\"colour\":\"red\",\"purpose\"")
            << QStringLiteral("colour");
        QTest::newRow("unknown money field") << QByteArray("\"currency\":\"EUR\"},\"resource\"")
                                             << QByteArray("\"currency\":\"EUR\",\"cents\":1},\"resource\"")
                                             << QStringLiteral("scopes[0].max_total.cents");
        QTest::newRow("float amount") << QByteArray("50000") << QByteArray("500.5")
                                      << QStringLiteral("scopes[0].max_per_action.amount_minor");
        QTest::newRow("amount beyond int64") << QByteArray("50000") << QByteArray("9223372036854775808")
                                             << QStringLiteral("scopes[0].max_per_action.amount_minor");
        QTest::newRow("negative amount") << QByteArray("50000") << QByteArray("-1")
                                         << QStringLiteral("scopes[0].max_per_action.amount_minor");
        QTest::newRow("amount as string") << QByteArray("50000") << QByteArray("\"50000\"")
                                          << QStringLiteral("scopes[0].max_per_action.amount_minor");
        QTest::newRow("unknown currency") << QByteArray("\"amount_minor\":120000,\"currency\":\"EUR\"")
                                          << QByteArray("\"amount_minor\":120000,\"currency\":\"EUX\"")
                                          << QStringLiteral("scopes[0].max_total.currency");
        QTest::newRow("purpose wrong type")
            << QByteArray("\"Pay the rent\"") << QByteArray("42") << QStringLiteral("purpose");
        QTest::newRow("purpose too long")
            << QByteArray("\"Pay the rent\"") << QByteArray("\"") + QByteArray(501, 'p') + QByteArray("\"")
            << QStringLiteral("purpose");
        QTest::newRow("unknown action format")
            << QByteArray("payments.initiate") << QByteArray("Payments Initiate")
            << QStringLiteral("scopes[0].action");
        QTest::newRow("bad resource") << QByteArray("account:acc_1") << QByteArray("account acc 1")
                                      << QStringLiteral("scopes[0].resource");
        QTest::newRow("server-set field")
            << QByteArray("\"purpose\"") << QByteArray("\"status\":\"active\",\"purpose\"")
            << QStringLiteral("status");
    }

    void refusesWithFieldPath()
    {
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QFETCH(QString, field);
        QByteArray body = validGrant();
        QVERIFY2(body.contains(from), body.constData());
        body.replace(body.indexOf(from), from.size(), to);
        const qsizetype before = delegationCount();
        const auto reply = m_alice->postRaw(QStringLiteral("/v1/delegations"), body);
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.header("Content-Type"), QByteArray("application/problem+json"));
        QCOMPARE(reply.problemKind(), QStringLiteral("validation"));
        QVERIFY2(reply.errorFields().contains(field), reply.body.constData());
        QCOMPARE(delegationCount(), before);
    }

    void enforcesGrantLimits_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("field");
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QTest::newRow("no scopes") << QStringLiteral("scopes") << QJsonValue(QJsonArray())
                                   << QStringLiteral("scopes");
        QTest::newRow("expiry in the past")
            << QStringLiteral("expires_at") << QJsonValue(now.addSecs(-60).toString(Qt::ISODate))
            << QStringLiteral("expires_at");
        QTest::newRow("expiry beyond 90 days")
            << QStringLiteral("expires_at") << QJsonValue(now.addDays(91).toString(Qt::ISODate))
            << QStringLiteral("expires_at");
        QTest::newRow("blank purpose")
            << QStringLiteral("purpose") << QJsonValue(QStringLiteral("   ")) << QStringLiteral("purpose");
    }

    void enforcesGrantLimits()
    {
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QFETCH(QString, field);
        QJsonObject grant = DemoFixtures::paymentGrant(m_agentId);
        grant.insert(key, value);
        const auto reply = m_alice->post(QStringLiteral("/v1/delegations"), grant);
        QCOMPARE(reply.status, 400);
        QVERIFY2(reply.errorFields().contains(field), reply.body.constData());
    }

    void refusesMalformedDocuments_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("not json") << QByteArray("{\"agent_id\": ");
        QTest::newRow("array") << QByteArray("[1,2,3]");
        QTest::newRow("trailing garbage") << QByteArray("{} {}");
        QTest::newRow("duplicate key") << QByteArray("{\"purpose\":\"a\",\"purpose\":\"b\"}");
        QTest::newRow("bad utf-8") << QByteArray("{\"purpose\":\"caf\xc3\x28\"}");
        QTest::newRow("overlong utf-8") << QByteArray("{\"purpose\":\"\xc0\xaf\"}");
        QTest::newRow("deep nesting")
            << QByteArray("{\"a\":") + QByteArray(40, '[') + QByteArray(40, ']') + QByteArray("}");
        QTest::newRow("nan") << QByteArray("{\"a\":NaN}");
        QTest::newRow("empty") << QByteArray();
    }

    void refusesMalformedDocuments()
    {
        QFETCH(QByteArray, body);
        const auto reply = m_alice->postRaw(QStringLiteral("/v1/delegations"), body);
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.problemKind(), QStringLiteral("validation"));
        QVERIFY(!reply.json().value(QStringLiteral("detail")).toString().isEmpty());
    }

    // Qt stores an integral double as an integer, so a codec could no longer tell 50000.0 from
    // 50000: the parser refuses such numbers itself, naming the byte where they stand.
    void refusesIntegersWrittenAsFloats_data()
    {
        QTest::addColumn<QByteArray>("number");
        QTest::newRow("fraction") << QByteArray("50000.0");
        QTest::newRow("exponent") << QByteArray("5e4");
    }

    void refusesIntegersWrittenAsFloats()
    {
        QFETCH(QByteArray, number);
        QByteArray body = validGrant();
        body.replace(body.indexOf("50000"), 5, number);
        const auto reply = m_alice->postRaw(QStringLiteral("/v1/delegations"), body);
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.problemKind(), QStringLiteral("validation"));
        QVERIFY2(reply.json()
                     .value(QStringLiteral("detail"))
                     .toString()
                     .contains(QStringLiteral("fraction or exponent")),
                 reply.body.constData());
    }

    void refusesOtherMediaTypes()
    {
        const auto reply = m_alice->postRaw(QStringLiteral("/v1/delegations"), validGrant(), "text/plain");
        QCOMPARE(reply.status, 415);
        QCOMPARE(reply.problemKind(), QStringLiteral("unsupported_media_type"));
    }

    void acceptsTheValidGrant()
    {
        QCOMPARE(m_alice->postRaw(QStringLiteral("/v1/delegations"), validGrant()).status, 201);
    }
};

QTEST_GUILESS_MAIN(TstServerValidation)
#include "tst_ServerValidation.moc"
