#include "tests/support/DemoFixtures.h"
#include "tests/support/SseClient.h"
#include "tests/support/TestClient.h"
#include "tests/support/TestServer.h"

#include <QTest>

using mandate::test::DemoFixtures;
using mandate::test::SseClient;
using mandate::test::TestClient;
using mandate::test::TestServer;

// Live updates: each person's stream carries what they may see and nothing else, and a
// reconnect with Last-Event-ID replays what was missed.
class TstServerEvents : public QObject
{
    Q_OBJECT

private:
    TestServer m_server{{QStringLiteral("--demo"), QStringLiteral("--event-heartbeat"), QStringLiteral("1")}};
    std::unique_ptr<TestClient> m_alice;
    std::unique_ptr<TestClient> m_bob;
    std::unique_ptr<TestClient> m_carol;
    std::unique_ptr<TestClient> m_sam;
    std::unique_ptr<TestClient> m_payer;
    QString m_payerId;

    QString grant(TestClient &customer, const QJsonObject &extra = {})
    {
        QJsonObject body = DemoFixtures::paymentGrant(m_payerId);
        for (auto it = extra.begin(); it != extra.end(); ++it)
            body.insert(it.key(), it.value());
        return customer.post(QStringLiteral("/v1/delegations"), body)
            .json()
            .value(QStringLiteral("id"))
            .toString();
    }

    static auto withId(const QString &id)
    {
        return [id](const QJsonObject &data) {
            return data.value(QStringLiteral("id")).toString() == id;
        };
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        m_alice = DemoFixtures::person(m_server.url(), QStringLiteral("alice"));
        QVERIFY(m_alice);
        m_bob = DemoFixtures::person(m_server.url(), QStringLiteral("bob"));
        QVERIFY(m_bob);
        m_carol = DemoFixtures::person(m_server.url(), QStringLiteral("carol"));
        QVERIFY(m_carol);
        m_sam = DemoFixtures::person(m_server.url(), QStringLiteral("sam"));
        QVERIFY(m_sam);
        m_payerId = DemoFixtures::agentId(*m_alice, QStringLiteral("Bill payer"));
        m_payer = DemoFixtures::agentClient(m_server.url(), QStringLiteral("Bill payer"));
        QVERIFY(m_payer);
    }

    void streamsCarryOnlyWhatEachPersonMaySee()
    {
        SseClient alice(m_server.url(), m_alice->token());
        SseClient bob(m_server.url(), m_bob->token());
        SseClient carol(m_server.url(), m_carol->token());
        SseClient sam(m_server.url(), m_sam->token());
        for (SseClient *stream : {&alice, &bob, &carol, &sam})
            QVERIFY(stream->waitFor([&] { return stream->status() == 200; }));

        const QString bobs = grant(*m_bob);
        const QString alices =
            grant(*m_alice, {{QStringLiteral("dual_control"),
                              QJsonObject{{QStringLiteral("above"), DemoFixtures::money(100)}}}});
        const auto decision =
            m_payer->post(QStringLiteral("/v1/authorize"), DemoFixtures::authorizeRequest(alices, 500));
        const QString approvalId = decision.json().value(QStringLiteral("approval_id")).toString();
        QVERIFY(!approvalId.isEmpty());

        QVERIFY(
            bob.waitFor([&] { return bob.hasEvent(QStringLiteral("delegation.created"), withId(bobs)); }));
        QVERIFY(alice.waitFor(
            [&] { return alice.hasEvent(QStringLiteral("delegation.created"), withId(alices)); }));
        QVERIFY(carol.waitFor(
            [&] { return carol.hasEvent(QStringLiteral("approval.created"), withId(approvalId)); }));
        QVERIFY(sam.waitFor([&] {
            return sam.hasEvent(QStringLiteral("delegation.created"), withId(bobs)) &&
                   sam.hasEvent(QStringLiteral("approval.created"), withId(approvalId));
        }));
        QTest::qWait(200);
        QVERIFY(!alice.hasEvent(QStringLiteral("delegation.created"), withId(bobs)));
        QVERIFY(!bob.hasEvent(QStringLiteral("delegation.created"), withId(alices)));
        // Dual control is the approvers' business, not the customer's inbox.
        QVERIFY(!alice.hasEvent(QStringLiteral("approval.created")));
        QVERIFY(!carol.hasEvent(QStringLiteral("delegation.created")));
        for (const auto *stream : {&alice, &bob, &carol, &sam}) {
            for (qsizetype i = 1; i < stream->events().size(); ++i)
                QVERIFY(stream->events()[i].id > stream->events()[i - 1].id);
        }
    }

    void resumeReplaysWhatWasMissed()
    {
        qint64 lastSeen = 0;
        {
            SseClient alice(m_server.url(), m_alice->token());
            // The answer's head arrives only once the stream is subscribed.
            QVERIFY(alice.waitFor([&] { return alice.status() == 200; }));
            const QString first = grant(*m_alice);
            QVERIFY(alice.waitFor(
                [&] { return alice.hasEvent(QStringLiteral("delegation.created"), withId(first)); }));
            lastSeen = alice.events().last().id;
        }
        const QString missed1 = grant(*m_alice);
        const QString missed2 = grant(*m_alice);
        const QString bobs = grant(*m_bob);
        SseClient resumed(m_server.url(), m_alice->token(), QByteArray::number(lastSeen));
        QVERIFY(resumed.waitFor([&] {
            return resumed.hasEvent(QStringLiteral("delegation.created"), withId(missed1)) &&
                   resumed.hasEvent(QStringLiteral("delegation.created"), withId(missed2));
        }));
        QVERIFY(!resumed.hasEvent(QStringLiteral("delegation.created"), withId(bobs)));
        for (const auto &event : resumed.events())
            QVERIFY(event.id > lastSeen);
    }

    void heartbeatsKeepIdleStreamsAlive()
    {
        SseClient idle(m_server.url(), m_carol->token());
        QVERIFY(idle.waitFor([&] { return idle.comments() >= 3; }, 6000));
        QCOMPARE(idle.status(), 200);
    }

    // A late decision on an approval that expired but was not yet swept is refused (409). The
    // expiry it found is committed, so the answer, the database and the stream all say "expired",
    // and the next event arrives under an id no stream has seen.
    void aLateDecisionCommitsTheExpiryItFound()
    {
        TestServer slowSweeper{{QStringLiteral("--demo"), QStringLiteral("--approval-ttl"),
                                QStringLiteral("1"), QStringLiteral("--sweep-interval"),
                                QStringLiteral("3600")}};
        QString error;
        QVERIFY2(slowSweeper.start(&error), qPrintable(error));
        auto alice = DemoFixtures::person(slowSweeper.url(), QStringLiteral("alice"));
        auto payer = DemoFixtures::agentClient(slowSweeper.url(), QStringLiteral("Bill payer"));
        QVERIFY(alice && payer);
        const QString approvalId = DemoFixtures::stepUpRequest(*alice, *payer);
        QVERIFY(!approvalId.isEmpty());
        SseClient stream(slowSweeper.url(), alice->token());
        QVERIFY(stream.waitFor([&] { return stream.status() == 200; }));

        QTest::qWait(1500);
        const auto late =
            alice->post(QStringLiteral("/v1/approvals/") + approvalId + QStringLiteral("/decisions"),
                        {{QStringLiteral("decision"), QStringLiteral("approve")}});
        QCOMPARE(late.status, 409);
        const QString next = alice
                                 ->post(QStringLiteral("/v1/delegations"),
                                        DemoFixtures::paymentGrant(
                                            DemoFixtures::agentId(*alice, QStringLiteral("Bill payer"))))
                                 .json()
                                 .value(QStringLiteral("id"))
                                 .toString();
        QVERIFY(stream.waitFor(
            [&] { return stream.hasEvent(QStringLiteral("delegation.created"), withId(next)); }));
        const auto stored = alice->get(QStringLiteral("/v1/approvals/") + approvalId).json();
        const bool streamed = stream.hasEvent(QStringLiteral("approval.updated"), withId(approvalId));
        QCOMPARE(streamed, stored.value(QStringLiteral("status")).toString() != QStringLiteral("pending"));
        QCOMPARE(stored.value(QStringLiteral("status")).toString(), QStringLiteral("expired"));
        QCOMPARE(late.json().value(QStringLiteral("approval")).toObject().value(QStringLiteral("status")),
                 QJsonValue(QStringLiteral("expired")));
    }

    void agentsHaveNoStream()
    {
        QCOMPARE(m_payer->get(QStringLiteral("/v1/events")).status, 403);
        TestClient anonymous(m_server.url());
        QCOMPARE(anonymous.get(QStringLiteral("/v1/events")).status, 401);
    }
};

QTEST_GUILESS_MAIN(TstServerEvents)
#include "tst_ServerEvents.moc"
