#include "tests/support/DemoFixtures.h"
#include "tests/support/TestClient.h"
#include "tests/support/TestServer.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QTcpSocket>
#include <QTest>
#include <QUrl>

using mandate::test::DemoFixtures;
using mandate::test::TestClient;
using mandate::test::TestServer;

// The lifecycle corrections (API.md): approvals end with their delegation, the kill switch has a
// way back for the agent, approvers read what they decide on, the audit trail names people, and
// sign-in throttling never locks the rightful person out.
class TstServerLifecycle : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    std::unique_ptr<TestClient> m_alice;
    std::unique_ptr<TestClient> m_carol;
    std::unique_ptr<TestClient> m_sam;
    std::unique_ptr<TestClient> m_ada;
    std::unique_ptr<TestClient> m_payer;

    QJsonObject approval(TestClient &reader, const QString &id)
    {
        return reader.get(QStringLiteral("/v1/approvals/") + id).json();
    }

    TestClient::Reply approve(TestClient &decider, const QString &id)
    {
        return decider.post(QStringLiteral("/v1/approvals/") + id + QStringLiteral("/decisions"),
                            {{QStringLiteral("decision"), QStringLiteral("approve")},
                             {QStringLiteral("reason"), QStringLiteral("Looks right to me")}});
    }

    static QJsonObject reason(const QString &text) { return {{QStringLiteral("reason"), text}}; }

    // Signs in from a loopback address of the test's choosing (127.0.0.x), as a client elsewhere
    // would; the HTTP status.
    static int signInFrom(const QString &baseUrl, const QString &source, const QString &username,
                          const QString &password, QByteArray *answer = nullptr)
    {
        const QUrl url(baseUrl);
        QTcpSocket socket;
        if (!socket.bind(QHostAddress(source)))
            return -1;
        socket.connectToHost(QHostAddress(url.host()), static_cast<quint16>(url.port()));
        if (!socket.waitForConnected(5000))
            return -1;
        const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("username"), username},
                                                          {QStringLiteral("password"), password}})
                                    .toJson(QJsonDocument::Compact);
        socket.write("POST /v1/sessions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     "Connection: close\r\nContent-Length: " +
                     QByteArray::number(body.size()) + "\r\n\r\n" + body);
        QByteArray received;
        while (socket.waitForReadyRead(5000))
            received += socket.readAll();
        received += socket.readAll();
        if (answer)
            *answer = received;
        return received.startsWith("HTTP/1.1 ") ? received.mid(9, 3).toInt() : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        m_alice = DemoFixtures::person(m_server.url(), QStringLiteral("alice"));
        m_carol = DemoFixtures::person(m_server.url(), QStringLiteral("carol"));
        m_sam = DemoFixtures::person(m_server.url(), QStringLiteral("sam"));
        m_ada = DemoFixtures::person(m_server.url(), QStringLiteral("ada"));
        m_payer = DemoFixtures::agentClient(m_server.url(), QStringLiteral("Bill payer"));
        QVERIFY(m_alice && m_carol && m_sam && m_ada && m_payer);
    }

    void revocationCancelsWaitingApprovals()
    {
        const QString id = DemoFixtures::dualControlRequest(*m_alice, *m_payer);
        QVERIFY(!id.isEmpty());
        const QString delegationId = approval(*m_carol, id).value(QStringLiteral("delegation_id")).toString();
        QCOMPARE(m_alice
                     ->post(QStringLiteral("/v1/delegations/") + delegationId + QStringLiteral("/revoke"),
                            reason(QStringLiteral("Changed my mind")))
                     .status,
                 200);
        const QJsonObject cancelled = approval(*m_carol, id);
        QCOMPARE(cancelled.value(QStringLiteral("status")).toString(), QStringLiteral("cancelled"));
        QVERIFY(!cancelled.value(QStringLiteral("resolved_at")).isNull());
        const auto late = approve(*m_carol, id);
        QCOMPARE(late.status, 409);
        QCOMPARE(late.json()
                     .value(QStringLiteral("approval"))
                     .toObject()
                     .value(QStringLiteral("status"))
                     .toString(),
                 QStringLiteral("cancelled"));
        // The trail says why it ended.
        const auto trail =
            m_sam->get(QStringLiteral("/v1/audit?type=approval.cancelled&delegation_id=") + delegationId);
        QCOMPARE(trail.json().value(QStringLiteral("items")).toArray().size(), 1);
    }

    void killSwitchCancelsApprovalsAndReinstateBringsOnlyTheAgentBack()
    {
        const QString id = DemoFixtures::stepUpRequest(*m_alice, *m_payer);
        QVERIFY(!id.isEmpty());
        const QString delegationId = approval(*m_alice, id).value(QStringLiteral("delegation_id")).toString();
        const QString payerId = DemoFixtures::agentId(*m_sam, QStringLiteral("Bill payer"));
        QCOMPARE(m_sam
                     ->post(QStringLiteral("/v1/agents/") + payerId + QStringLiteral("/suspend"),
                            reason(QStringLiteral("Paying unknown payees")))
                     .status,
                 200);
        QCOMPARE(approval(*m_alice, id).value(QStringLiteral("status")).toString(),
                 QStringLiteral("cancelled"));
        QCOMPARE(approve(*m_alice, id).status, 409);

        // Customers cannot undo the kill switch; support can, for the agent only.
        QCOMPARE(m_alice
                     ->post(QStringLiteral("/v1/agents/") + payerId + QStringLiteral("/reinstate"),
                            reason(QStringLiteral("I trust it again")))
                     .status,
                 403);
        const auto back = m_sam->post(QStringLiteral("/v1/agents/") + payerId + QStringLiteral("/reinstate"),
                                      reason(QStringLiteral("Payee list checked with the customer")));
        QCOMPARE(back.status, 200);
        QCOMPARE(back.json().value(QStringLiteral("status")).toString(), QStringLiteral("active"));
        QCOMPARE(m_alice->get(QStringLiteral("/v1/delegations/") + delegationId)
                     .json()
                     .value(QStringLiteral("status"))
                     .toString(),
                 QStringLiteral("revoked"));
        QCOMPARE(m_sam
                     ->post(QStringLiteral("/v1/agents/agt_nobody/reinstate"),
                            reason(QStringLiteral("Nobody here")))
                     .status,
                 404);
        // Granting again works: the agent is active.
        QVERIFY(!DemoFixtures::stepUpRequest(*m_alice, *m_payer).isEmpty());
    }

    void approversReadTheDelegationBehindTheirRequest()
    {
        const QString id = DemoFixtures::dualControlRequest(*m_alice, *m_payer);
        QVERIFY(!id.isEmpty());
        const QJsonObject waiting = approval(*m_carol, id);
        QCOMPARE(waiting.value(QStringLiteral("purpose")).toString(), QStringLiteral("Pay the rent"));
        const QString delegationId = waiting.value(QStringLiteral("delegation_id")).toString();
        const auto read = m_carol->get(QStringLiteral("/v1/delegations/") + delegationId);
        QCOMPARE(read.status, 200);
        QCOMPARE(read.json().value(QStringLiteral("purpose")).toString(), QStringLiteral("Pay the rent"));
        bool listed = false;
        for (const QJsonValue &item : m_carol->get(QStringLiteral("/v1/delegations?limit=500"))
                                          .json()
                                          .value(QStringLiteral("items"))
                                          .toArray())
            listed = listed || item.toObject().value(QStringLiteral("id")).toString() == delegationId;
        QVERIFY(listed);

        // A step-up the customer confirms herself is not theirs to read.
        const QString own = DemoFixtures::stepUpRequest(*m_alice, *m_payer);
        const QString ownDelegation =
            approval(*m_alice, own).value(QStringLiteral("delegation_id")).toString();
        QCOMPARE(m_carol->get(QStringLiteral("/v1/delegations/") + ownDelegation).status, 404);
    }

    void auditNamesPeopleAndFindsThemByName()
    {
        const auto granted = m_alice->post(
            QStringLiteral("/v1/delegations"),
            DemoFixtures::paymentGrant(DemoFixtures::agentId(*m_alice, QStringLiteral("Bill payer")),
                                       QStringLiteral("Named in the trail")));
        QCOMPARE(granted.status, 201);
        const QString delegationId = granted.json().value(QStringLiteral("id")).toString();
        const auto events =
            m_sam->get(QStringLiteral("/v1/audit?type=delegation.granted&delegation_id=") + delegationId);
        const QJsonArray items = events.json().value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 1);
        const QJsonObject actor = items[0].toObject().value(QStringLiteral("actor")).toObject();
        QCOMPARE(actor.value(QStringLiteral("name")).toString(), QStringLiteral("Alice Martin"));

        // By name, by username, by id; a name nobody has finds nothing.
        for (const QString &q : {QStringLiteral("alice%20martin"), QStringLiteral("alice"), delegationId}) {
            const auto found =
                m_sam->get(QStringLiteral("/v1/audit?limit=500&type=delegation.granted&q=") + q);
            QCOMPARE(found.status, 200);
            bool hit = false;
            for (const QJsonValue &item : found.json().value(QStringLiteral("items")).toArray())
                hit =
                    hit || item.toObject().value(QStringLiteral("delegation_id")).toString() == delegationId;
            QVERIFY2(hit, qPrintable(q));
        }
        const auto none = m_sam->get(QStringLiteral("/v1/audit?q=zebedee-nobody"));
        QCOMPARE(none.json().value(QStringLiteral("items")).toArray().size(), 0);
        // A customer's search stays within her own trail.
        const auto bobs = m_alice->get(QStringLiteral("/v1/audit?q=bob%20keller&limit=500"));
        for (const QJsonValue &item : bobs.json().value(QStringLiteral("items")).toArray())
            QVERIFY(item.toObject()
                        .value(QStringLiteral("chain"))
                        .toArray()
                        .first()
                        .toObject()
                        .value(QStringLiteral("name")) != QStringLiteral("Bob Keller"));
    }

    void signInThrottleNeverLocksOutTheRightfulPerson()
    {
        TestServer server;
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        const QString attacker = QStringLiteral("127.0.0.2");
        const QString office = QStringLiteral("127.0.0.3");
        for (int i = 0; i < 5; ++i)
            QCOMPARE(
                signInFrom(server.url(), attacker, QStringLiteral("sam"), QStringLiteral("guess-%1").arg(i)),
                401);
        QByteArray answer;
        QCOMPARE(signInFrom(server.url(), attacker, QStringLiteral("sam"), QStringLiteral("mandate-demo"),
                            &answer),
                 429);
        QVERIFY2(answer.contains("minutes"), answer.constData());
        // Sam, from an address with no failures, signs in.
        QCOMPARE(signInFrom(server.url(), office, QStringLiteral("sam"), QStringLiteral("mandate-demo")),
                 201);

        // A restart does not hand the attacker a fresh allowance.
        QVERIFY2(server.restart(&error), qPrintable(error));
        QCOMPARE(signInFrom(server.url(), attacker, QStringLiteral("sam"), QStringLiteral("guess-again")),
                 429);

        // An admin unlocks; only an admin may.
        auto ada = DemoFixtures::person(server.url(), QStringLiteral("ada"));
        auto sam = DemoFixtures::person(server.url(), QStringLiteral("sam"));
        QVERIFY(ada && sam);
        const QString samId = DemoFixtures::userId(*sam);
        QCOMPARE(sam->post(QStringLiteral("/v1/users/") + samId + QStringLiteral("/unlock"), {}).status, 403);
        QCOMPARE(ada->post(QStringLiteral("/v1/users/usr_nobody/unlock"), {}).status, 404);
        // The admin sees who is throttled, from where and until when, without searching the trail.
        const QJsonArray throttles =
            ada->get(QStringLiteral("/v1/sign-in/throttles")).json().value(QStringLiteral("items")).toArray();
        QCOMPARE(throttles.size(), 1);
        const QJsonObject throttle = throttles.first().toObject();
        QCOMPARE(throttle.value(QStringLiteral("username")).toString(), QStringLiteral("sam"));
        QCOMPARE(throttle.value(QStringLiteral("user_id")).toString(), samId);
        QCOMPARE(throttle.value(QStringLiteral("address")).toString(), attacker);
        QCOMPARE(throttle.value(QStringLiteral("failures")).toInt(), 5);
        QCOMPARE(sam->get(QStringLiteral("/v1/sign-in/throttles")).status, 403);
        const auto unlocked = ada->post(QStringLiteral("/v1/users/") + samId + QStringLiteral("/unlock"), {});
        QCOMPARE(unlocked.status, 200);
        QVERIFY(ada->get(QStringLiteral("/v1/sign-in/throttles"))
                    .json()
                    .value(QStringLiteral("items"))
                    .toArray()
                    .isEmpty());
        QCOMPARE(signInFrom(server.url(), attacker, QStringLiteral("sam"), QStringLiteral("mandate-demo")),
                 201);
        QVERIFY(server.restart(&error));
        QCOMPARE(signInFrom(server.url(), attacker, QStringLiteral("sam"), QStringLiteral("mandate-demo")),
                 201);
    }
};

QTEST_GUILESS_MAIN(TstServerLifecycle)
#include "tst_ServerLifecycle.moc"
