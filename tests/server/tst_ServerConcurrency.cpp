#include "tests/support/DemoFixtures.h"
#include "tests/support/TestClient.h"
#include "tests/support/TestServer.h"

#include <QSet>
#include <QTest>

using mandate::test::DemoFixtures;
using mandate::test::TestClient;
using mandate::test::TestServer;

// No interleaving of requests can exceed a cap, approve twice, or spend one approval twice.
class TstServerConcurrency : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    std::unique_ptr<TestClient> m_alice;
    std::unique_ptr<TestClient> m_carol;
    std::unique_ptr<TestClient> m_dave;
    std::unique_ptr<TestClient> m_payer;
    std::unique_ptr<TestClient> m_helper;
    QString m_payerId;

    // A delegation whose cap admits exactly `uses` payments of EUR 10.00.
    QString cappedGrant(int uses, const QJsonObject &extra = {})
    {
        return m_alice
            ->post(QStringLiteral("/v1/delegations"),
                   DemoFixtures::cappedPaymentGrant(m_payerId, uses, extra))
            .json()
            .value(QStringLiteral("id"))
            .toString();
    }

    static int count(const QList<TestClient::Reply> &replies, const QString &field, const QString &value)
    {
        return static_cast<int>(
            std::count_if(replies.cbegin(), replies.cend(), [&](const TestClient::Reply &r) {
                return r.json().value(field).toString() == value;
            }));
    }

    // A sample of the server's Prometheus text, e.g. "mandate_store_commit_batch_size_count".
    double metric(const QByteArray &name)
    {
        const QByteArray prefix = name + ' ';
        const QByteArray text = m_alice->get(QStringLiteral("/metrics")).body;
        for (const QByteArray &line : text.split('\n')) {
            if (line.startsWith(prefix))
                return line.mid(prefix.size()).toDouble();
        }
        return -1;
    }

    QJsonObject usageOf(const QString &id)
    {
        return m_alice->get(QStringLiteral("/v1/delegations/") + id)
            .json()
            .value(QStringLiteral("usage"))
            .toObject();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        m_alice = DemoFixtures::person(m_server.url(), QStringLiteral("alice"));
        QVERIFY(m_alice);
        m_carol = DemoFixtures::person(m_server.url(), QStringLiteral("carol"));
        QVERIFY(m_carol);
        m_dave = DemoFixtures::person(m_server.url(), QStringLiteral("dave"));
        QVERIFY(m_dave);
        m_payerId = DemoFixtures::agentId(*m_alice, QStringLiteral("Bill payer"));
        m_payer = DemoFixtures::agentClient(m_server.url(), QStringLiteral("Bill payer"));
        m_helper = DemoFixtures::agentClient(m_server.url(), QStringLiteral("Travel helper"));
        QVERIFY(m_payer && m_helper);
    }

    void threeHundredCallsAgainstACapOfOneHundred()
    {
        const QString id = cappedGrant(100);
        QList<TestClient::Call> calls;
        for (int i = 0; i < 300; ++i)
            calls.append({m_payer->token(), "POST", QStringLiteral("/v1/authorize"),
                          DemoFixtures::authorizeRequest(id, 1000)});
        const auto replies = TestClient::sendConcurrently(m_server.url(), calls, 48);
        QCOMPARE(count(replies, QStringLiteral("decision"), QStringLiteral("allow")), 100);
        QCOMPARE(count(replies, QStringLiteral("reason"), QStringLiteral("total_limit_exceeded")), 200);
        const QJsonObject usage = usageOf(id);
        QCOMPARE(usage.value(QStringLiteral("uses")).toInteger(), 100);
        QCOMPARE(usage.value(QStringLiteral("spent"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("amount_minor"))
                     .toInteger(),
                 100000);
    }

    // Decisions arriving together share commits (one fsync for many), yet each answer still
    // follows its own commit: every allow a client heard of is audited and counted in the usage.
    void concurrentDecisionsShareCommits()
    {
        const QString id = cappedGrant(1000);
        const double commitsBefore = metric("mandate_store_commit_batch_size_count");
        const double writesBefore = metric("mandate_store_commit_batch_size_sum");
        QList<TestClient::Call> calls;
        for (int i = 0; i < 300; ++i)
            calls.append({m_payer->token(), "POST", QStringLiteral("/v1/authorize"),
                          DemoFixtures::authorizeRequest(id, 1000)});
        const auto replies = TestClient::sendConcurrently(m_server.url(), calls, 32);
        QCOMPARE(count(replies, QStringLiteral("decision"), QStringLiteral("allow")), 300);
        const double commits = metric("mandate_store_commit_batch_size_count") - commitsBefore;
        const double writes = metric("mandate_store_commit_batch_size_sum") - writesBefore;
        QVERIFY2(writes >= 300, qPrintable(QString::number(writes)));
        QVERIFY2(commits < writes,
                 qPrintable(QStringLiteral("%1 commits for %2 writes").arg(commits).arg(writes)));

        QCOMPARE(usageOf(id).value(QStringLiteral("uses")).toInteger(), 300);
        TestClient sam(m_server.url());
        QVERIFY(sam.signIn(QStringLiteral("sam")));
        const QJsonArray events =
            sam.get(QStringLiteral("/v1/audit?type=decision.made&limit=500&delegation_id=") + id)
                .json()
                .value(QStringLiteral("items"))
                .toArray();
        QSet<QString> audited;
        for (const QJsonValue &event : events)
            audited.insert(event.toObject()
                               .value(QStringLiteral("data"))
                               .toObject()
                               .value(QStringLiteral("decision_id"))
                               .toString());
        for (const TestClient::Reply &reply : replies)
            QVERIFY(audited.contains(reply.json().value(QStringLiteral("decision_id")).toString()));
    }

    void ancestorCapHoldsThroughASubDelegation()
    {
        const QString parent = cappedGrant(100);
        QJsonObject child = DemoFixtures::paymentGrant(m_payerId, QStringLiteral("Helper payments"), 6);
        child.remove(QStringLiteral("agent_id"));
        child.insert(QStringLiteral("agent_spiffe_id"),
                     QStringLiteral("spiffe://demo.mandate.local/agents/travel-helper"));
        QJsonArray scopes = child.value(QStringLiteral("scopes")).toArray();
        QJsonObject scope = scopes[0].toObject();
        scope.insert(QStringLiteral("max_per_action"), DemoFixtures::money(1000));
        scope.insert(QStringLiteral("max_total"), DemoFixtures::money(100000));
        scopes[0] = scope;
        child.insert(QStringLiteral("scopes"), scopes);
        const auto created = m_payer->post(
            QStringLiteral("/v1/delegations/") + parent + QStringLiteral("/subdelegations"), child);
        QVERIFY2(created.status == 201, created.body.constData());
        const QString childId = created.json().value(QStringLiteral("id")).toString();

        QList<TestClient::Call> calls;
        for (int i = 0; i < 150; ++i) {
            calls.append({m_payer->token(), "POST", QStringLiteral("/v1/authorize"),
                          DemoFixtures::authorizeRequest(parent, 1000)});
            calls.append({m_helper->token(), "POST", QStringLiteral("/v1/authorize"),
                          DemoFixtures::authorizeRequest(childId, 1000)});
        }
        const auto replies = TestClient::sendConcurrently(m_server.url(), calls, 48);
        QCOMPARE(count(replies, QStringLiteral("decision"), QStringLiteral("allow")), 100);
        QCOMPARE(usageOf(parent).value(QStringLiteral("uses")).toInteger(), 100);
        // The child's own usage counts exactly its own allows; the parent's counts both.
        qint64 childAllows = 0;
        for (qsizetype i = 1; i < replies.size(); i += 2)
            childAllows +=
                replies[i].json().value(QStringLiteral("decision")).toString() == QStringLiteral("allow");
        QCOMPARE(usageOf(childId).value(QStringLiteral("uses")).toInteger(), childAllows);
    }

    void twoApproversAtOnceMakeOneTransition()
    {
        const QString id = cappedGrant(10, DemoFixtures::stepUpAbove(500, QStringLiteral("approver")));
        const auto opened =
            m_payer->post(QStringLiteral("/v1/authorize"), DemoFixtures::authorizeRequest(id, 1000));
        const QString approvalId = opened.json().value(QStringLiteral("approval_id")).toString();
        QVERIFY(!approvalId.isEmpty());
        const QString path = QStringLiteral("/v1/approvals/") + approvalId + QStringLiteral("/decisions");
        const QJsonObject approve{{QStringLiteral("decision"), QStringLiteral("approve")}};
        const auto replies =
            TestClient::sendConcurrently(m_server.url(), {{m_carol->token(), "POST", path, approve},
                                                          {m_dave->token(), "POST", path, approve}});
        const int ok = static_cast<int>(
            std::count_if(replies.cbegin(), replies.cend(), [](const auto &r) { return r.status == 200; }));
        const int conflict = static_cast<int>(
            std::count_if(replies.cbegin(), replies.cend(), [](const auto &r) { return r.status == 409; }));
        QCOMPARE(ok, 1);
        QCOMPARE(conflict, 1);
        const QJsonObject approval = m_carol->get(QStringLiteral("/v1/approvals/") + approvalId).json();
        QCOMPARE(approval.value(QStringLiteral("decisions")).toArray().size(), 1);
    }

    void oneApproverTwiceAtOnceDecidesOnce()
    {
        const QString id =
            cappedGrant(10, {{QStringLiteral("dual_control"),
                              QJsonObject{{QStringLiteral("above"), DemoFixtures::money(500)}}}});
        const auto opened =
            m_payer->post(QStringLiteral("/v1/authorize"), DemoFixtures::authorizeRequest(id, 1000));
        const QString approvalId = opened.json().value(QStringLiteral("approval_id")).toString();
        const QString path = QStringLiteral("/v1/approvals/") + approvalId + QStringLiteral("/decisions");
        const QJsonObject approve{{QStringLiteral("decision"), QStringLiteral("approve")}};
        const auto replies =
            TestClient::sendConcurrently(m_server.url(), {{m_carol->token(), "POST", path, approve},
                                                          {m_carol->token(), "POST", path, approve}});
        QCOMPARE(replies[0].status + replies[1].status, 200 + 403);
        const QJsonObject approval = m_carol->get(QStringLiteral("/v1/approvals/") + approvalId).json();
        QCOMPARE(approval.value(QStringLiteral("decisions")).toArray().size(), 1);
        QCOMPARE(approval.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
    }

    void anApprovalIsSpentOnce()
    {
        const QString id = cappedGrant(10, DemoFixtures::stepUpAbove(500));
        const QJsonObject request = DemoFixtures::authorizeRequest(id, 1000);
        const QString approvalId = m_payer->post(QStringLiteral("/v1/authorize"), request)
                                       .json()
                                       .value(QStringLiteral("approval_id"))
                                       .toString();
        QCOMPARE(m_alice
                     ->post(QStringLiteral("/v1/approvals/") + approvalId + QStringLiteral("/decisions"),
                            {{QStringLiteral("decision"), QStringLiteral("approve")}})
                     .status,
                 200);
        QJsonObject withApproval = request;
        withApproval.insert(QStringLiteral("approval_id"), approvalId);
        QList<TestClient::Call> calls;
        for (int i = 0; i < 20; ++i)
            calls.append({m_payer->token(), "POST", QStringLiteral("/v1/authorize"), withApproval});
        const auto replies = TestClient::sendConcurrently(m_server.url(), calls);
        QCOMPARE(count(replies, QStringLiteral("decision"), QStringLiteral("allow")), 1);
        QCOMPARE(count(replies, QStringLiteral("reason"), QStringLiteral("approval_mismatch")), 19);
    }
};

QTEST_GUILESS_MAIN(TstServerConcurrency)
#include "tst_ServerConcurrency.moc"
