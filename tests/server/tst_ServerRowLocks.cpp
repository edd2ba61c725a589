#include "tests/support/DemoFixtures.h"
#include "tests/support/PostgresCluster.h"
#include "tests/support/TestClient.h"
#include "tests/support/TestServer.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <chrono>
#include <thread>

using mandate::test::DemoFixtures;
using mandate::test::PostgresCluster;
using mandate::test::TestClient;
using mandate::test::TestServer;

// Three instances on one PostgreSQL database, where every write locks only the rows it touches:
// unrelated trees never wait for each other, overlapping trees never deadlock, and a write that
// meets another instance's write on the same row sees its outcome instead of undoing it. The
// races are provoked with a transaction of the test's own, held until the server's write waits.
class TstServerRowLocks : public QObject
{
    Q_OBJECT

private:
    PostgresCluster m_cluster;
    std::unique_ptr<TestClient> m_alice;
    std::unique_ptr<TestClient> m_payer;
    QString m_payerId;

    QString url(std::size_t i) const { return m_cluster.url(i); }

    QString cappedGrant(int uses, const QJsonObject &extra = {})
    {
        return DemoFixtures::granted(*m_alice, DemoFixtures::cappedPaymentGrant(m_payerId, uses, extra));
    }

    // A sub-delegation for the Travel helper, within a parent's cap of at least `uses`.
    QJsonObject childGrantBody(int uses) const
    {
        QJsonObject child = DemoFixtures::cappedPaymentGrant(m_payerId, uses);
        child.remove(QStringLiteral("agent_id"));
        child.insert(QStringLiteral("agent_spiffe_id"),
                     QStringLiteral("spiffe://demo.mandate.local/agents/travel-helper"));
        child.insert(QStringLiteral("expires_at"),
                     QDateTime::currentDateTimeUtc().addDays(6).toString(Qt::ISODateWithMs));
        return child;
    }

    // A child of `parentId` for the Travel helper, within the parent's cap; its id.
    QString childGrant(const QString &parentId, int uses)
    {
        const auto created =
            m_payer->post(QStringLiteral("/v1/delegations/") + parentId + QStringLiteral("/subdelegations"),
                          childGrantBody(uses));
        return created.json().value(QStringLiteral("id")).toString();
    }

    // Runs `statements` (what another instance's write would do) in a transaction of the test's
    // own, keeps it open until some write of the servers waits for its rows, and commits then.
    // Whether a write was seen waiting.
    bool holdUntilAWriteWaits(const QStringList &statements)
    {
        bool waited = false;
        {
            QSqlDatabase db = PostgresCluster::connectTo(m_cluster.database(), QStringLiteral("row-race"));
            if (!db.open())
                return false;
            QSqlQuery query(db);
            if (!query.exec(QStringLiteral("BEGIN")))
                return false;
            for (const QString &statement : statements) {
                if (!query.exec(statement))
                    return false;
            }
            QElapsedTimer timer;
            timer.start();
            // pg_locks is the lock manager's present state, not the transaction's snapshot. The
            // commit must come before the waiter's 200 ms lock timeout.
            while (!waited && timer.elapsed() < 8000) {
                waited = query.exec(QStringLiteral("SELECT count(*) FROM pg_locks WHERE NOT granted")) &&
                         query.next() && query.value(0).toInt() > 0;
                if (!waited)
                    QThread::msleep(2);
            }
            query.exec(QStringLiteral("COMMIT"));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("row-race"));
        return waited;
    }

    // Sends `call` while a transaction of the test's own runs `statements` (what another
    // instance's write would do) and holds their rows until the call's write waits for them.
    // The call's reply; `waited` says whether it did wait.
    TestClient::Reply sendWhileHeld(const TestClient::Call &call, const QStringList &statements, bool *waited)
    {
        QList<TestClient::Reply> replies;
        std::thread sending([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(300)); // the transaction first
            replies = TestClient::sendConcurrently(QString(), {call});
        });
        *waited = holdUntilAWriteWaits(statements);
        sending.join();
        return replies.value(0);
    }

    bool runOwn(const QString &statement)
    {
        bool ran = false;
        {
            QSqlDatabase db = PostgresCluster::connectTo(m_cluster.database(), QStringLiteral("own"));
            QSqlQuery query(db);
            ran = db.open() && query.exec(statement);
        }
        QSqlDatabase::removeDatabase(QStringLiteral("own"));
        return ran;
    }

    QString stored(const QString &table, const QString &id)
    {
        QString status;
        {
            QSqlDatabase db = PostgresCluster::connectTo(m_cluster.database(), QStringLiteral("sweep-check"));
            QSqlQuery query(db);
            if (db.open() &&
                query.exec(QStringLiteral("SELECT status FROM %1 WHERE id = '%2'").arg(table, id)) &&
                query.next())
                status = query.value(0).toString();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("sweep-check"));
        return status;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!TestServer::usesPostgres())
            QSKIP("needs PostgreSQL: run under scripts/with-postgres.sh with MANDATE_TEST_STORE=postgres");
        QString error;
        QVERIFY2(m_cluster.start(3, &error), qPrintable(error));
        m_alice = DemoFixtures::person(url(0), QStringLiteral("alice"));
        QVERIFY(m_alice);
        m_payerId = DemoFixtures::agentId(*m_alice, QStringLiteral("Bill payer"));
        // Its token comes from instance 0 and is used on all three.
        m_payer = DemoFixtures::agentClient(url(0), QStringLiteral("Bill payer"));
        QVERIFY(m_payer);
    }

    void cleanupTestCase() { m_cluster.stop(); }

    // A transaction holding one customer's delegation row (as a slow write on that tree would)
    // holds back nothing else: decisions on another tree answer at once on every instance, also
    // on the instance whose batch holds a decision waiting for the locked tree, and that decision
    // is answered, not failed, once the row is free.
    void aLockedTreeHoldsBackNoOtherTree()
    {
        const QString locked = cappedGrant(10);
        const QString other = cappedGrant(10);
        {
            QSqlDatabase db = PostgresCluster::connectTo(m_cluster.database(), QStringLiteral("tree-lock"));
            QVERIFY2(db.open(), qPrintable(db.lastError().text()));
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral("BEGIN")));
            QVERIFY(query.exec(
                QStringLiteral("SELECT id FROM delegations WHERE id = '%1' FOR UPDATE").arg(locked)));

            QList<TestClient::Reply> waiting;
            std::thread blocked([&] {
                waiting = TestClient::sendConcurrently(
                    QString(), {{m_payer->token(), "POST", url(1) + QStringLiteral("/v1/authorize"),
                                 DemoFixtures::authorizeRequest(locked, 1000)}});
            });
            QTest::qWait(300);
            for (std::size_t i = 0; i < 3; ++i) {
                QElapsedTimer timer;
                timer.start();
                const auto reply = TestClient::sendConcurrently(
                    QString(), {{m_payer->token(), "POST", url(i) + QStringLiteral("/v1/authorize"),
                                 DemoFixtures::authorizeRequest(other, 1000)}});
                const qint64 elapsed = timer.elapsed();
                qInfo("another tree on instance %zu answered in %lld ms while the first was locked", i,
                      elapsed);
                QCOMPARE(reply[0].status, 200);
                QCOMPARE(reply[0].json().value(QStringLiteral("decision")).toString(),
                         QStringLiteral("allow"));
                QVERIFY2(elapsed < 1000, qPrintable(QString::number(elapsed)));
            }
            QTest::qWait(1500);
            QVERIFY(query.exec(QStringLiteral("ROLLBACK")));
            blocked.join();
            QCOMPARE(waiting[0].status, 200);
            QCOMPARE(waiting[0].json().value(QStringLiteral("decision")).toString(), QStringLiteral("allow"));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tree-lock"));
    }

    // Parent and child delegations of one tree used at once, with unrelated trees, from three
    // instances: every batch mixes trees in another order, and still none deadlocks, every call
    // is answered 200, and the caps summed over a child and its parent stay exact.
    void overlappingTreesOnThreeInstancesNeverDeadlock()
    {
        auto helper = DemoFixtures::agentClient(url(1), QStringLiteral("Travel helper"));
        QVERIFY(helper);
        const QString parent = cappedGrant(60);
        const QString child = childGrant(parent, 40);
        QVERIFY(!child.isEmpty());
        const QStringList others{cappedGrant(50), cappedGrant(50)};
        QList<TestClient::Call> calls;
        for (int i = 0; i < 360; ++i) {
            const std::size_t instance = static_cast<std::size_t>(i * 7 % 3);
            switch (i % 4) {
            case 0:
                calls.append({m_payer->token(), "POST", url(instance) + QStringLiteral("/v1/authorize"),
                              DemoFixtures::authorizeRequest(parent, 1000)});
                break;
            case 1:
                calls.append({helper->token(), "POST", url(instance) + QStringLiteral("/v1/authorize"),
                              DemoFixtures::authorizeRequest(child, 1000)});
                break;
            default:
                calls.append({m_payer->token(), "POST", url(instance) + QStringLiteral("/v1/authorize"),
                              DemoFixtures::authorizeRequest(others[i % 2], 1000)});
            }
        }
        const auto replies = TestClient::sendConcurrently(QString(), calls, 48);
        int treeAllows = 0;
        int childAllows = 0;
        int otherAllows = 0;
        for (qsizetype i = 0; i < replies.size(); ++i) {
            QVERIFY2(replies[i].status == 200, replies[i].body.constData());
            const bool allowed =
                replies[i].json().value(QStringLiteral("decision")).toString() == QStringLiteral("allow");
            treeAllows += allowed && i % 4 < 2;
            childAllows += allowed && i % 4 == 1;
            otherAllows += allowed && i % 4 >= 2;
        }
        QCOMPARE(treeAllows, 60);
        QVERIFY(childAllows <= 40);
        QCOMPARE(otherAllows, 100);
        const QJsonObject usage = DemoFixtures::usage(*m_alice, parent);
        QCOMPARE(usage.value(QStringLiteral("uses")).toInteger(), 60);
    }

    // Every instance sweeps. A sweep that listed an approval as expired, or a delegation as lapsed,
    // while another instance was ending it (a cancellation, a revocation) waits for that write and
    // then leaves the row alone: it neither overwrites the outcome nor audits an expiry.
    void aSweepNeverOverwritesAnotherInstancesOutcome()
    {
        TestServer sweeping(m_cluster.arguments() +
                            QStringList{QStringLiteral("--approval-ttl"), QStringLiteral("1"),
                                        QStringLiteral("--sweep-interval"), QStringLiteral("1")});
        QString error;
        QVERIFY2(sweeping.start(&error), qPrintable(error));

        const QString stepUp = cappedGrant(10, DemoFixtures::stepUpAbove(500, QStringLiteral("approver")));
        const auto opened = TestClient::sendConcurrently(
            QString(), {{m_payer->token(), "POST", sweeping.url() + QStringLiteral("/v1/authorize"),
                         DemoFixtures::authorizeRequest(stepUp, 1000)}});
        const QString approval = opened[0].json().value(QStringLiteral("approval_id")).toString();
        QVERIFY(!approval.isEmpty());
        QVERIFY(holdUntilAWriteWaits(
            {QStringLiteral("UPDATE approvals SET status = 'cancelled', body = replace(body, "
                            "'\"status\":\"pending\"', '\"status\":\"cancelled\"') WHERE id = '%1'")
                 .arg(approval)}));

        const QString lapsing =
            cappedGrant(10, {{QStringLiteral("expires_at"),
                              QDateTime::currentDateTimeUtc().addSecs(2).toString(Qt::ISODateWithMs)}});
        QVERIFY(!lapsing.isEmpty());
        QVERIFY(holdUntilAWriteWaits(
            {QStringLiteral("UPDATE delegations SET status = 'revoked', revoked_by = 'usr_test', "
                            "revoke_reason = 'ended elsewhere' WHERE id = '%1'")
                 .arg(lapsing)}));

        QTest::qWait(1500); // more sweeps, and the log's sequencer
        QCOMPARE(stored(QStringLiteral("approvals"), approval), QStringLiteral("cancelled"));
        QCOMPARE(stored(QStringLiteral("delegations"), lapsing), QStringLiteral("revoked"));
        TestClient sam(url(0));
        QVERIFY(sam.signIn(QStringLiteral("sam")));
        for (const QString &type :
             {QStringLiteral("approval.expired"), QStringLiteral("delegation.expired")}) {
            const QJsonArray events = sam.get(QStringLiteral("/v1/audit?type=%1&limit=500").arg(type))
                                          .json()
                                          .value(QStringLiteral("items"))
                                          .toArray();
            for (const QJsonValue &event : events) {
                const QByteArray text = QJsonDocument(event.toObject()).toJson(QJsonDocument::Compact);
                QVERIFY2(!text.contains(approval.toUtf8()) && !text.contains(lapsing.toUtf8()),
                         text.constData());
            }
        }
    }

    // A parent revoked on one instance while a sub-delegation of it is added on another: either the
    // revocation comes first and the child is refused, or it waits for the child and revokes it
    // too. Never an active child of a revoked parent, whose agent's resource servers would hear
    // nothing.
    void aChildAddedWhileItsParentIsRevokedIsNeverLeftActive()
    {
        const QString refusing = cappedGrant(10);
        bool waited = false;
        const TestClient::Reply created = sendWhileHeld(
            {m_payer->token(), "POST",
             url(1) + QStringLiteral("/v1/delegations/%1/subdelegations").arg(refusing), childGrantBody(5)},
            {QStringLiteral("UPDATE delegations SET status = 'revoked', revoked_by = 'usr_test', "
                            "revoke_reason = 'revoked elsewhere' WHERE id = '%1'")
                 .arg(refusing)},
            &waited);
        QVERIFY(waited);
        QCOMPARE(created.status, 409);

        const QString revoking = cappedGrant(10);
        // The child as the sub-delegation route writes it, parent's rows locked first.
        const QString child = QStringLiteral("dlg_addedmeanwhile");
        const TestClient::Reply revoked = sendWhileHeld(
            {m_alice->token(), "POST", url(2) + QStringLiteral("/v1/delegations/%1/revoke").arg(revoking),
             QJsonObject{{QStringLiteral("reason"), QStringLiteral("No longer needed.")}}},
            {QStringLiteral("SELECT id FROM delegations WHERE id = '%1' FOR NO KEY UPDATE").arg(revoking),
             QStringLiteral("INSERT INTO delegations (id, customer_id, agent_id, parent_id, depth, purpose, "
                            "status, created_at, expires_at, policy, chain, usage, search_text) SELECT '%1', "
                            "customer_id, agent_id, id, depth + 1, purpose, status, created_at, expires_at, "
                            "policy, chain, usage, search_text FROM delegations WHERE id = '%2'")
                 .arg(child, revoking)},
            &waited);
        QVERIFY(waited);
        QCOMPARE(revoked.status, 200);
        QCOMPARE(stored(QStringLiteral("delegations"), revoking), QStringLiteral("revoked"));
        QCOMPARE(stored(QStringLiteral("delegations"), child), QStringLiteral("revoked"));
    }

    // An agent suspended on one instance while a customer grants it something on another: either
    // the suspension comes first and the grant is refused, or it waits for the grant and revokes
    // it with the rest. A reinstated agent never finds a delegation the kill switch missed.
    void aGrantMadeWhileItsAgentIsSuspendedIsNeverLeftActive()
    {
        const QString exporter = DemoFixtures::agentId(*m_alice, QStringLiteral("CRM exporter"));
        bool waited = false;
        const TestClient::Reply granted = sendWhileHeld(
            {m_alice->token(), "POST", url(1) + QStringLiteral("/v1/delegations"),
             DemoFixtures::cappedPaymentGrant(exporter, 5)},
            {QStringLiteral("UPDATE agents SET status = 'suspended' WHERE id = '%1'").arg(exporter)},
            &waited);
        QVERIFY(waited);
        QCOMPARE(granted.status, 400);
        QVERIFY2(granted.body.contains("is suspended"), granted.body.constData());
        // As it was: the transaction above stood in for a suspension that wrote nothing else.
        QVERIFY(runOwn(QStringLiteral("UPDATE agents SET status = 'active' WHERE id = '%1'").arg(exporter)));

        TestClient sam(url(0));
        QVERIFY(sam.signIn(QStringLiteral("sam")));
        const QString model = cappedGrant(10);
        // The grant as the delegation route writes it, the agent's row locked first.
        const QString grant = QStringLiteral("dlg_grantedmeanwhile");
        const TestClient::Reply suspended = sendWhileHeld(
            {sam.token(), "POST", url(2) + QStringLiteral("/v1/agents/%1/suspend").arg(exporter),
             QJsonObject{{QStringLiteral("reason"), QStringLiteral("Misbehaving.")}}},
            {QStringLiteral("SELECT id FROM agents WHERE id = '%1' FOR NO KEY UPDATE").arg(exporter),
             QStringLiteral(
                 "INSERT INTO delegations (id, customer_id, agent_id, parent_id, depth, purpose, "
                 "status, created_at, expires_at, policy, chain, usage, search_text) SELECT '%1', "
                 "customer_id, '%2', NULL, depth, purpose, status, created_at, expires_at, policy, "
                 "chain, usage, search_text FROM delegations WHERE id = '%3'")
                 .arg(grant, exporter, model)},
            &waited);
        QVERIFY(waited);
        QCOMPARE(suspended.status, 200);
        QCOMPARE(stored(QStringLiteral("delegations"), grant), QStringLiteral("revoked"));
        QCOMPARE(sam.post(QStringLiteral("/v1/agents/%1/reinstate").arg(exporter),
                          {{QStringLiteral("reason"), QStringLiteral("Fixed.")}})
                     .status,
                 200);
        QCOMPARE(stored(QStringLiteral("delegations"), grant), QStringLiteral("revoked"));
    }
};

QTEST_GUILESS_MAIN(TstServerRowLocks)
#include "tst_ServerRowLocks.moc"
