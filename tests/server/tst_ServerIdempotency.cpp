#include "tests/support/DemoFixtures.h"
#include "tests/support/TestClient.h"
#include "tests/support/TestServer.h"

#include <QTest>

using mandate::test::DemoFixtures;
using mandate::test::TestClient;
using mandate::test::TestServer;

class TstServerIdempotency : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    std::unique_ptr<TestClient> m_alice;
    QString m_payer;

    qsizetype count(TestClient &client)
    {
        return client.get(QStringLiteral("/v1/delegations?limit=500"))
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
        m_payer = DemoFixtures::agentId(*m_alice, QStringLiteral("Bill payer"));
    }

    void replayReturnsTheFirstAnswerAndChangesNothing()
    {
        const QJsonObject grant = DemoFixtures::paymentGrant(m_payer, QStringLiteral("Idempotent grant"));
        const qsizetype before = count(*m_alice);
        const auto first = m_alice->post(QStringLiteral("/v1/delegations"), grant, "grant-0001");
        QCOMPARE(first.status, 201);
        const auto second = m_alice->post(QStringLiteral("/v1/delegations"), grant, "grant-0001");
        QCOMPARE(second.status, 201);
        QCOMPARE(second.body, first.body);
        QCOMPARE(second.header("Idempotent-Replayed"), QByteArray("true"));
        QCOMPARE(count(*m_alice), before + 1);
    }

    void sameKeyDifferentBodyIsRefused()
    {
        QCOMPARE(m_alice
                     ->post(QStringLiteral("/v1/delegations"),
                            DemoFixtures::paymentGrant(m_payer, QStringLiteral("A")), "grant-0002")
                     .status,
                 201);
        const auto other =
            m_alice->post(QStringLiteral("/v1/delegations"),
                          DemoFixtures::paymentGrant(m_payer, QStringLiteral("B")), "grant-0002");
        QCOMPARE(other.status, 422);
        QCOMPARE(other.problemKind(), QStringLiteral("idempotency_mismatch"));
    }

    void keysBelongToTheirCaller()
    {
        TestClient bob(m_server.url());
        QVERIFY(bob.signIn(QStringLiteral("bob")));
        const auto bobs = bob.post(QStringLiteral("/v1/delegations"),
                                   DemoFixtures::paymentGrant(m_payer, QStringLiteral("Bob")), "grant-0001");
        QCOMPARE(bobs.status, 201);
        QVERIFY(
            !bobs.json().value(QStringLiteral("purpose")).toString().contains(QStringLiteral("Idempotent")));
    }

    void errorsAreReplayedToo()
    {
        QJsonObject bad = DemoFixtures::paymentGrant(QStringLiteral("agt_unknown"));
        const auto first = m_alice->post(QStringLiteral("/v1/delegations"), bad, "grant-0003");
        QCOMPARE(first.status, 400);
        const auto second = m_alice->post(QStringLiteral("/v1/delegations"), bad, "grant-0003");
        QCOMPARE(second.status, 400);
        QCOMPARE(second.body, first.body);
    }

    void revokeReplays()
    {
        const QString id =
            m_alice->post(QStringLiteral("/v1/delegations"), DemoFixtures::paymentGrant(m_payer))
                .json()
                .value(QStringLiteral("id"))
                .toString();
        const QString path = QStringLiteral("/v1/delegations/") + id + QStringLiteral("/revoke");
        const QJsonObject reason{{QStringLiteral("reason"), QStringLiteral("done")}};
        const auto first = m_alice->post(path, reason, "revoke-1");
        const auto second = m_alice->post(path, reason, "revoke-1");
        QCOMPARE(first.status, 200);
        QCOMPARE(second.body, first.body);
        TestClient sam(m_server.url());
        QVERIFY(sam.signIn(QStringLiteral("sam")));
        const auto events = sam.get(QStringLiteral("/v1/audit?type=delegation.revoked&delegation_id=") + id);
        QCOMPARE(events.json().value(QStringLiteral("items")).toArray().size(), 1);
    }

    void keysAreBounded()
    {
        const auto reply = m_alice->post(QStringLiteral("/v1/delegations"),
                                         DemoFixtures::paymentGrant(m_payer), QByteArray(256, 'k'));
        QCOMPARE(reply.status, 400);
    }
};

QTEST_GUILESS_MAIN(TstServerIdempotency)
#include "tst_ServerIdempotency.moc"
