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

// What time does on its own — lifetimes, idle allowances, approval windows, sessions — driven by
// a hand-moved clock, against a real server on loopback, without sleeping.
class TstServerExpiry : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    MockClock m_clock;
    std::unique_ptr<MandateServer> m_server;
    std::unique_ptr<TestClient> m_alice;
    std::unique_ptr<TestClient> m_ada;
    QString m_payerId;

    QString url() const { return m_server->url(); }

    QString grant(qint64 lifetimeSeconds, const QJsonObject &extra = {})
    {
        QJsonObject body = DemoFixtures::paymentGrant(m_payerId);
        body.insert(QStringLiteral("expires_at"),
                    m_clock.now().addSecs(lifetimeSeconds).toString(Qt::ISODateWithMs));
        for (auto it = extra.begin(); it != extra.end(); ++it)
            body.insert(it.key(), it.value());
        const auto reply = m_alice->post(QStringLiteral("/v1/delegations"), body);
        return reply.json().value(QStringLiteral("id")).toString();
    }

    // The agent, with an SVID minted now: SVIDs live an hour of the mock clock too.
    std::unique_ptr<TestClient> payer()
    {
        auto agent = std::make_unique<TestClient>(url());
        agent->setToken(m_ada->post(QStringLiteral("/v1/agents/") + m_payerId + QStringLiteral("/svid"), {})
                            .json()
                            .value(QStringLiteral("token"))
                            .toString());
        return agent;
    }

    QJsonObject authorize(const QJsonObject &request)
    {
        return payer()->post(QStringLiteral("/v1/authorize"), request).json();
    }

    QString reasonFor(const QString &id, qint64 amount = 100)
    {
        return authorize(DemoFixtures::authorizeRequest(id, amount))
            .value(QStringLiteral("reason"))
            .toString();
    }

    QString statusOf(const QString &id)
    {
        return m_alice->get(QStringLiteral("/v1/delegations/") + id)
            .json()
            .value(QStringLiteral("status"))
            .toString();
    }

    // Runs the sweeper and lets its write job commit.
    void sweep()
    {
        m_server->sweepNow();
        QTest::qWait(50);
    }

private Q_SLOTS:
    void initTestCase()
    {
        ServerOptions options;
        options.port = 0;
        options.dataDir = m_dir.path();
        options.demo = true;
        options.accessLog = false;
        options.trustDomain = QStringLiteral("demo.mandate.local");
        options.sweepInterval = std::chrono::hours(1); // only when the test says so
        m_server = std::make_unique<MandateServer>(options, m_clock);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        m_alice = DemoFixtures::person(url(), QStringLiteral("alice"));
        QVERIFY(m_alice);
        m_ada = DemoFixtures::person(url(), QStringLiteral("ada"));
        QVERIFY(m_ada);
        m_payerId = DemoFixtures::agentId(*m_alice, QStringLiteral("Bill payer"));
    }

    void lifetimeEndsAtItsBoundary()
    {
        const QString id = grant(3600);
        m_clock.advanceSeconds(3599);
        QCOMPARE(reasonFor(id), QStringLiteral("within_scope"));
        m_clock.advanceSeconds(1);
        QCOMPARE(reasonFor(id), QStringLiteral("delegation_expired"));
        QCOMPARE(statusOf(id), QStringLiteral("expired"));
    }

    void sweeperExpiresUnusedDelegations()
    {
        const QString id = grant(600);
        m_clock.advanceSeconds(601);
        QCOMPARE(statusOf(id), QStringLiteral("active"));
        sweep();
        QCOMPARE(statusOf(id), QStringLiteral("expired"));
        TestClient sam(url());
        QVERIFY(sam.signIn(QStringLiteral("sam")));
        const auto events = sam.get(QStringLiteral("/v1/audit?type=delegation.expired&delegation_id=") + id);
        QCOMPARE(events.json().value(QStringLiteral("items")).toArray().size(), 1);
    }

    void idleAllowanceResetsOnUse()
    {
        const QString id = grant(
            86400, {{QStringLiteral("revoke_on"), QJsonObject{{QStringLiteral("idle_seconds"), 3600}}}});
        QCOMPARE(reasonFor(id), QStringLiteral("within_scope"));
        m_clock.advanceSeconds(3599);
        QCOMPARE(reasonFor(id), QStringLiteral("within_scope"));
        m_clock.advanceSeconds(3599);
        sweep();
        QCOMPARE(statusOf(id), QStringLiteral("active"));
        m_clock.advanceSeconds(1);
        QCOMPARE(reasonFor(id), QStringLiteral("delegation_expired"));
    }

    void idleDelegationsAreSwept()
    {
        const QString id =
            grant(86400, {{QStringLiteral("revoke_on"), QJsonObject{{QStringLiteral("idle_seconds"), 600}}}});
        m_clock.advanceSeconds(600);
        sweep();
        QCOMPARE(statusOf(id), QStringLiteral("expired"));
    }

    void approvalsExpireAfterTheirWindow()
    {
        const QString id = grant(86400, DemoFixtures::stepUpAbove(50));
        const QJsonObject request = DemoFixtures::authorizeRequest(id, 100);
        const QString approvalId = authorize(request).value(QStringLiteral("approval_id")).toString();
        QVERIFY(!approvalId.isEmpty());
        m_clock.advanceSeconds(15 * 60);
        sweep();
        const QJsonObject approval = m_alice->get(QStringLiteral("/v1/approvals/") + approvalId).json();
        QCOMPARE(approval.value(QStringLiteral("status")).toString(), QStringLiteral("expired"));
        const auto late =
            m_alice->post(QStringLiteral("/v1/approvals/") + approvalId + QStringLiteral("/decisions"),
                          {{QStringLiteral("decision"), QStringLiteral("approve")}});
        QCOMPARE(late.status, 409);
        QJsonObject withApproval = request;
        withApproval.insert(QStringLiteral("approval_id"), approvalId);
        QCOMPARE(authorize(withApproval).value(QStringLiteral("reason")).toString(),
                 QStringLiteral("approval_expired"));
        // Asking again opens a fresh request.
        const QString fresh = authorize(request).value(QStringLiteral("approval_id")).toString();
        QVERIFY(!fresh.isEmpty() && fresh != approvalId);
    }

    void sessionsEnd()
    {
        TestClient bob(url());
        QVERIFY(bob.signIn(QStringLiteral("bob")));
        m_clock.advanceSeconds(12 * 3600 - 1);
        QCOMPARE(bob.get(QStringLiteral("/v1/me")).status, 200);
        m_clock.advanceSeconds(1);
        QCOMPARE(bob.get(QStringLiteral("/v1/me")).status, 401);
    }
};

QTEST_GUILESS_MAIN(TstServerExpiry)
#include "tst_ServerExpiry.moc"
