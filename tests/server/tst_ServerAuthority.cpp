#include "server/instance/MandateServer.h"
#include "tests/support/DemoFixtures.h"
#include "tests/support/MockClock.h"
#include "tests/support/TestClient.h"

#include <QTemporaryDir>
#include <QTest>

using mandate::server::MandateServer;
using mandate::server::ServerOptions;
using mandate::test::DemoFixtures;
using mandate::test::MockClock;
using mandate::test::TestClient;

// An agent's authority against a real server on loopback with a hand-moved clock: what flows
// through delegations that share an ancestor is capped by that ancestor, revoked and expired
// branches never count, and the history puts each day's spending and grants on the right UTC day.
class TstServerAuthority : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    MockClock m_clock{QDateTime(QDate(2026, 11, 20), QTime(9, 0), Qt::UTC)};
    std::unique_ptr<MandateServer> m_server;
    QString m_payerId;
    QString m_bookerId;

    QString url() const { return m_server->url(); }

    // Signed in now, so a session is never older than the clock that moved on.
    std::unique_ptr<TestClient> person(const QString &name) { return DemoFixtures::person(url(), name); }
    std::unique_ptr<TestClient> agent(const QString &name) { return DemoFixtures::agentClient(url(), name); }

    // A payments grant on RESOURCE (each test its own, so their sums stay apart) to AGENT (an id
    // or a SPIFFE id), capped at TOTAL and USES.
    QJsonObject capped(const QString &resource, qint64 total, qint64 uses, const QString &agent,
                       qint64 seconds = 5 * 86400) const
    {
        QJsonObject body = DemoFixtures::paymentGrant(QString(), QStringLiteral("Branch ") + resource);
        body.insert(QStringLiteral("expires_at"), m_clock.now().addSecs(seconds).toString(Qt::ISODateWithMs));
        QJsonArray scopes = body.value(QStringLiteral("scopes")).toArray();
        QJsonObject scope = scopes[0].toObject();
        scope.insert(QStringLiteral("resource"), resource);
        scope.insert(QStringLiteral("max_total"), DemoFixtures::money(total));
        scope.insert(QStringLiteral("max_per_action"), DemoFixtures::money(qMin<qint64>(total, 50000)));
        scope.insert(QStringLiteral("max_uses"), uses);
        scopes[0] = scope;
        body.insert(QStringLiteral("scopes"), scopes);
        body.remove(QStringLiteral("agent_id"));
        body.insert(agent.startsWith(QStringLiteral("spiffe:")) ? QStringLiteral("agent_spiffe_id")
                                                                : QStringLiteral("agent_id"),
                    agent);
        return body;
    }

    static QString created(const TestClient::Reply &reply)
    {
        if (reply.status != 201)
            qWarning() << reply.body;
        return reply.json().value(QStringLiteral("id")).toString();
    }

    static QString sub(TestClient &holder, const QString &parent, const QJsonObject &body)
    {
        return created(holder.post(
            QStringLiteral("/v1/delegations/") + parent + QStringLiteral("/subdelegations"), body));
    }

    static QString pay(TestClient &agent, const QString &id, const QString &resource, qint64 minor)
    {
        QJsonObject request = DemoFixtures::authorizeRequest(id, minor);
        request.insert(QStringLiteral("resource"), resource);
        return agent.post(QStringLiteral("/v1/authorize"), request)
            .json()
            .value(QStringLiteral("decision"))
            .toString();
    }

    static QJsonObject authority(TestClient &reader, const QString &agentId)
    {
        return reader.get(QStringLiteral("/v1/agents/") + agentId + QStringLiteral("/authority")).json();
    }

    // The reach on RESOURCE: {value in EUR minor units, uses}; {-1, -1} when there is none.
    static std::pair<qint64, qint64> reachOn(const QJsonObject &json, const QString &resource)
    {
        for (const QJsonValue &value : json.value(QStringLiteral("reach")).toArray()) {
            const QJsonObject sum = value.toObject();
            if (sum.value(QStringLiteral("resource")) != resource)
                continue;
            return {sum.value(QStringLiteral("remaining_total"))
                        .toArray()
                        .first()
                        .toObject()
                        .value(QStringLiteral("amount_minor"))
                        .toInteger(-1),
                    sum.value(QStringLiteral("remaining_uses")).toInteger(-1)};
        }
        return {-1, -1};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        ServerOptions options;
        options.port = 0;
        options.dataDir = m_dir.path();
        options.demo = true;
        options.accessLog = false;
        options.trustDomain = QStringLiteral("demo.mandate.local");
        options.sweepInterval = std::chrono::hours(1);
        m_server = std::make_unique<MandateServer>(options, m_clock);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        const auto alice = person(QStringLiteral("alice"));
        QVERIFY(alice);
        m_payerId = DemoFixtures::agentId(*alice, QStringLiteral("Bill payer"));
        m_bookerId = DemoFixtures::agentId(*alice, QStringLiteral("Travel booker"));
        QVERIFY(!m_payerId.isEmpty() && !m_bookerId.isEmpty());
    }

    // Three sub-delegations to the Travel booker under one grant to the Bill payer: together they
    // never reach past what the grant has left; revoking or outliving one takes away its share.
    void siblingsShareTheirParentsCap()
    {
        const QString resource = QStringLiteral("account:siblings");
        const QString booker = QStringLiteral("spiffe://demo.mandate.local/agents/travel-booker");
        const auto alice = person(QStringLiteral("alice"));
        const auto payerAgent = agent(QStringLiteral("Bill payer"));
        const auto bookerAgent = agent(QStringLiteral("Travel booker"));
        const auto sam = person(QStringLiteral("sam"));
        QVERIFY(alice && payerAgent && bookerAgent && sam);
        const QString parent =
            created(alice->post(QStringLiteral("/v1/delegations"), capped(resource, 100000, 4, m_payerId)));
        const QString a = sub(*payerAgent, parent, capped(resource, 30000, 3, booker));
        const QString b = sub(*payerAgent, parent, capped(resource, 40000, 3, booker));
        const QString shortLived = sub(*payerAgent, parent, capped(resource, 50000, 3, booker, 60));
        QVERIFY(!a.isEmpty() && !b.isEmpty() && !shortLived.isEmpty());

        // 300 + 400 + 500 through a grant of 1,000: 1,000; 3 uses each under 4: 4.
        QCOMPARE(reachOn(authority(*sam, m_bookerId), resource), std::make_pair(qint64(100000), qint64(4)));
        QCOMPARE(pay(*bookerAgent, a, resource, 20000), QStringLiteral("allow"));
        // min(1,000 - 200, (300 - 200) + 400 + 500)
        QCOMPARE(reachOn(authority(*sam, m_bookerId), resource), std::make_pair(qint64(80000), qint64(3)));
        QCOMPARE(pay(*payerAgent, parent, resource, 10000), QStringLiteral("allow"));
        QCOMPARE(reachOn(authority(*sam, m_bookerId), resource), std::make_pair(qint64(70000), qint64(2)));

        QCOMPARE(alice
                     ->post(QStringLiteral("/v1/delegations/") + b + QStringLiteral("/revoke"),
                            {{QStringLiteral("reason"), QStringLiteral("Not needed any more")}})
                     .status,
                 200);
        // min(700, 100 + 500)
        QCOMPARE(reachOn(authority(*sam, m_bookerId), resource), std::make_pair(qint64(60000), qint64(2)));
        m_clock.advanceSeconds(61);
        QCOMPARE(reachOn(authority(*person(QStringLiteral("sam")), m_bookerId), resource),
                 std::make_pair(qint64(10000), qint64(2)));
        // Each delegation still shows what it alone has left through its chain.
        const QJsonArray held = authority(*person(QStringLiteral("sam")), m_bookerId)
                                    .value(QStringLiteral("delegations"))
                                    .toArray();
        int seen = 0;
        for (const QJsonValue &value : held) {
            const QJsonObject d = value.toObject();
            QVERIFY(d.value(QStringLiteral("id")) != b && d.value(QStringLiteral("id")) != shortLived);
            if (d.value(QStringLiteral("id")) != a)
                continue;
            ++seen;
            QCOMPARE(d.value(QStringLiteral("scopes"))
                         .toArray()
                         .first()
                         .toObject()
                         .value(QStringLiteral("remaining"))
                         .toObject()
                         .value(QStringLiteral("total"))
                         .toObject()
                         .value(QStringLiteral("amount_minor"))
                         .toInteger(),
                     10000);
        }
        QCOMPARE(seen, 1);
    }

    // A chain of depth 3 whose last link forks into two siblings: the middle link's cap binds the
    // pair, and spending at any level is taken from every link above it.
    void depthThreeForkIsCappedByEveryAncestor()
    {
        const QString resource = QStringLiteral("account:fork");
        const auto alice = person(QStringLiteral("alice"));
        const auto payerAgent = agent(QStringLiteral("Bill payer"));
        const auto helperAgent = agent(QStringLiteral("Travel helper"));
        const auto bookerAgent = agent(QStringLiteral("Travel booker"));
        const auto sam = person(QStringLiteral("sam"));
        QVERIFY(alice && payerAgent && helperAgent && bookerAgent && sam);
        const QString booker = QStringLiteral("spiffe://demo.mandate.local/agents/travel-booker");
        const QString d1 =
            created(alice->post(QStringLiteral("/v1/delegations"), capped(resource, 100000, 10, m_payerId)));
        const QString d2 = sub(
            *payerAgent, d1,
            capped(resource, 60000, 5, QStringLiteral("spiffe://demo.mandate.local/agents/travel-helper")));
        const QString d3a = sub(*helperAgent, d2, capped(resource, 40000, 3, booker));
        const QString d3b = sub(*helperAgent, d2, capped(resource, 40000, 3, booker));
        QVERIFY(!d3a.isEmpty() && !d3b.isEmpty());

        // min(1,000, min(600, 400 + 400)); uses min(10, min(5, 3 + 3))
        QCOMPARE(reachOn(authority(*sam, m_bookerId), resource), std::make_pair(qint64(60000), qint64(5)));
        QCOMPARE(pay(*bookerAgent, d3a, resource, 15000), QStringLiteral("allow"));
        // min(850, min(450, 250 + 400))
        QCOMPARE(reachOn(authority(*sam, m_bookerId), resource), std::make_pair(qint64(45000), qint64(4)));
        QCOMPARE(pay(*helperAgent, d2, resource, 30000), QStringLiteral("allow"));
        QCOMPARE(pay(*payerAgent, d1, resource, 50000), QStringLiteral("allow"));
        // min(1,000 - 950, min(600 - 450, ...)): the root binds now.
        QCOMPARE(reachOn(authority(*sam, m_bookerId), resource), std::make_pair(qint64(5000), qint64(3)));

        // Revoking the middle link takes the whole fork with it.
        QCOMPARE(alice
                     ->post(QStringLiteral("/v1/delegations/") + d2 + QStringLiteral("/revoke"),
                            {{QStringLiteral("reason"), QStringLiteral("Done")}})
                     .status,
                 200);
        QCOMPARE(reachOn(authority(*sam, m_bookerId), resource), std::make_pair(qint64(-1), qint64(-1)));
    }

    // Spending on two UTC days lands on those days, per delegation; refused requests move nothing;
    // grants are counted on the day they were made; a customer sees only her own.
    void historyPutsSpendingOnItsDay()
    {
        const QString resource = QStringLiteral("account:history");
        const QDateTime dayOne(QDate(2026, 11, 21), QTime(23, 30), Qt::UTC);
        m_clock.set(dayOne);
        const auto alice = person(QStringLiteral("alice"));
        QVERIFY(alice);
        const QString id =
            created(alice->post(QStringLiteral("/v1/delegations"), capped(resource, 100000, 10, m_payerId)));
        QVERIFY(!id.isEmpty());
        {
            const auto payerAgent = agent(QStringLiteral("Bill payer"));
            QCOMPARE(pay(*payerAgent, id, resource, 12000), QStringLiteral("allow"));
            QCOMPARE(pay(*payerAgent, id, resource, 90000), QStringLiteral("deny")); // above per action
        }
        m_clock.set(dayOne.addSecs(3600)); // 00:30 the next day
        {
            const auto payerAgent = agent(QStringLiteral("Bill payer"));
            QCOMPARE(pay(*payerAgent, id, resource, 3000), QStringLiteral("allow"));
            QCOMPARE(pay(*payerAgent, id, resource, 4000), QStringLiteral("allow"));
        }

        const QJsonObject history =
            authority(*person(QStringLiteral("sam")), m_payerId).value(QStringLiteral("history")).toObject();
        QCOMPARE(history.value(QStringLiteral("to")).toString(), QStringLiteral("2026-11-22"));
        QCOMPARE(history.value(QStringLiteral("from")).toString(), QStringLiteral("2026-10-24"));
        QJsonArray days;
        for (const QJsonValue &value : history.value(QStringLiteral("spending")).toArray()) {
            const QJsonObject spent = value.toObject();
            if (spent.value(QStringLiteral("delegation_id")) != id)
                continue;
            QCOMPARE(spent.value(QStringLiteral("currency")).toString(), QStringLiteral("EUR"));
            QCOMPARE(spent.value(QStringLiteral("purpose")).toString(), QStringLiteral("Branch ") + resource);
            days = spent.value(QStringLiteral("days")).toArray();
        }
        QCOMPARE(days, (QJsonArray{QJsonObject{{QStringLiteral("day"), QStringLiteral("2026-11-21")},
                                               {QStringLiteral("amount_minor"), 12000}},
                                   QJsonObject{{QStringLiteral("day"), QStringLiteral("2026-11-22")},
                                               {QStringLiteral("amount_minor"), 7000}}}));
        int grantsOnDayOne = 0;
        for (const QJsonValue &value : history.value(QStringLiteral("grants")).toArray()) {
            if (value.toObject().value(QStringLiteral("day")) == QStringLiteral("2026-11-21"))
                grantsOnDayOne = value.toObject().value(QStringLiteral("count")).toInt();
        }
        QCOMPARE(grantsOnDayOne, 1);

        // Bob sees nothing of Alice's spending or grants (only his own, granted before).
        const QJsonObject bobs =
            authority(*person(QStringLiteral("bob")), m_payerId).value(QStringLiteral("history")).toObject();
        QCOMPARE(bobs.value(QStringLiteral("spending")).toArray().size(), 0);
        for (const QJsonValue &value : bobs.value(QStringLiteral("grants")).toArray())
            QVERIFY(value.toObject().value(QStringLiteral("day")) != QStringLiteral("2026-11-21"));

        // Thirty days on, day one has left the window.
        m_clock.set(dayOne.addDays(30));
        const QJsonObject later =
            authority(*person(QStringLiteral("sam")), m_payerId).value(QStringLiteral("history")).toObject();
        for (const QJsonValue &value : later.value(QStringLiteral("spending")).toArray()) {
            if (value.toObject().value(QStringLiteral("delegation_id")) == id)
                QCOMPARE(value.toObject().value(QStringLiteral("days")).toArray().size(), 1);
        }
    }

    void cleanupTestCase() { m_server.reset(); }
};

QTEST_GUILESS_MAIN(TstServerAuthority)
#include "tst_ServerAuthority.moc"
