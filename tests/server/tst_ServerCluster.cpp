#include "tests/support/DemoFixtures.h"
#include "tests/support/PostgresCluster.h"
#include "tests/support/SseClient.h"
#include "tests/support/TestClient.h"
#include "tests/support/TestServer.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QProcess>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

#include <thread>

using mandate::test::DemoFixtures;
using mandate::test::PostgresCluster;
using mandate::test::SseClient;
using mandate::test::TestClient;
using mandate::test::TestServer;

// Three mandate-server instances on one PostgreSQL database behave as one server: caps and
// dual control exact across them, events reach streams on any instance, a killed instance loses
// no answered allow and leaves the audit chain whole.
class TstServerCluster : public QObject
{
    Q_OBJECT

private:
    PostgresCluster m_cluster;
    std::unique_ptr<TestClient> m_alice;
    std::unique_ptr<TestClient> m_carol;
    std::unique_ptr<TestClient> m_dave;
    std::unique_ptr<TestClient> m_payer;
    QString m_payerId;

    QString url(std::size_t i) const { return m_cluster.url(i); }

    QString cappedGrant(int uses, const QJsonObject &extra = {})
    {
        return DemoFixtures::granted(*m_alice, DemoFixtures::cappedPaymentGrant(m_payerId, uses, extra));
    }

    // Calls spread round-robin over the instances: each call's path is a full URL.
    QList<TestClient::Call> spread(int n, const QString &token, const QByteArray &method, const QString &path,
                                   const QJsonObject &body, std::size_t first = 0)
    {
        QList<TestClient::Call> calls;
        for (int i = 0; i < n; ++i)
            calls.append({token, method, url(first + static_cast<std::size_t>(i)) + path, body});
        return calls;
    }

    // The allowed decisions in the log; `sequencedTwice` counts decisions that have two events.
    QSet<QString> auditedAllows(TestClient &auditor, int *sequencedTwice = nullptr)
    {
        QSet<QString> ids;
        QSet<QString> decisions;
        qint64 after = 0;
        while (true) {
            const QJsonArray items =
                auditor.get(QStringLiteral("/v1/audit?type=decision.made&limit=500&after_seq=%1").arg(after))
                    .json()
                    .value(QStringLiteral("items"))
                    .toArray();
            for (const QJsonValue &item : items) {
                const QJsonObject data = item.toObject().value(QStringLiteral("data")).toObject();
                const QString decision = data.value(QStringLiteral("decision_id")).toString();
                if (sequencedTwice && decisions.contains(decision))
                    ++*sequencedTwice;
                decisions.insert(decision);
                if (data.value(QStringLiteral("decision")).toString() == QStringLiteral("allow"))
                    ids.insert(data.value(QStringLiteral("decision_id")).toString());
                after = item.toObject().value(QStringLiteral("seq")).toInteger();
            }
            if (items.size() < 500)
                return ids;
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!TestServer::usesPostgres())
            QSKIP("needs PostgreSQL: run under scripts/with-postgres.sh with MANDATE_TEST_STORE=postgres");
        QString error;
        QVERIFY2(m_cluster.start(3, &error), qPrintable(error));

        m_alice = DemoFixtures::person(url(0), QStringLiteral("alice"));
        m_carol = DemoFixtures::person(url(1), QStringLiteral("carol"));
        m_dave = DemoFixtures::person(url(2), QStringLiteral("dave"));
        QVERIFY(m_alice && m_carol && m_dave);
        m_payerId = DemoFixtures::agentId(*m_alice, QStringLiteral("Bill payer"));
        // Its token comes from instance 0 and is used on all three.
        m_payer = DemoFixtures::agentClient(url(0), QStringLiteral("Bill payer"));
        QVERIFY(m_payer);
    }

    void cleanupTestCase() { m_cluster.stop(); }

    void theDemoIsSeededOnce()
    {
        const QJsonArray agents = m_alice->get(QStringLiteral("/v1/agents?limit=200"))
                                      .json()
                                      .value(QStringLiteral("items"))
                                      .toArray();
        QSet<QString> names;
        for (const QJsonValue &agent : agents)
            names.insert(agent.toObject().value(QStringLiteral("name")).toString());
        QCOMPARE(names.size(), agents.size());
    }

    void aTokenFromOneInstanceWorksOnAll()
    {
        const QString id = cappedGrant(10);
        for (std::size_t i = 0; i < 3; ++i) {
            const auto reply = TestClient::sendConcurrently(
                QString(), {{m_payer->token(), "POST", url(i) + QStringLiteral("/v1/authorize"),
                             DemoFixtures::authorizeRequest(id, 1000)}});
            QCOMPARE(reply[0].status, 200);
        }
    }

    void threeHundredCallsOnThreeInstancesAgainstACapOfOneHundred()
    {
        const QString id = cappedGrant(100);
        const auto replies = TestClient::sendConcurrently(QString(),
                                                          spread(300, m_payer->token(), "POST",
                                                                 QStringLiteral("/v1/authorize"),
                                                                 DemoFixtures::authorizeRequest(id, 1000)),
                                                          48);
        int allows = 0;
        int limited = 0;
        for (const auto &reply : replies) {
            allows += reply.json().value(QStringLiteral("decision")).toString() == QStringLiteral("allow");
            limited += reply.json().value(QStringLiteral("reason")).toString() ==
                       QStringLiteral("total_limit_exceeded");
        }
        QCOMPARE(allows, 100);
        QCOMPARE(limited, 200);
        const QJsonObject usage = DemoFixtures::usage(*m_alice, id);
        QCOMPARE(usage.value(QStringLiteral("uses")).toInteger(), 100);
    }

    void twoApproversOnTwoInstancesMakeOneTransition()
    {
        const QString id = cappedGrant(10, DemoFixtures::stepUpAbove(500, QStringLiteral("approver")));
        const auto opened =
            m_payer->post(QStringLiteral("/v1/authorize"), DemoFixtures::authorizeRequest(id, 1000));
        const QString approvalId = opened.json().value(QStringLiteral("approval_id")).toString();
        QVERIFY(!approvalId.isEmpty());
        const QString path = QStringLiteral("/v1/approvals/") + approvalId + QStringLiteral("/decisions");
        const QJsonObject approve{{QStringLiteral("decision"), QStringLiteral("approve")}};
        const auto replies =
            TestClient::sendConcurrently(QString(), {{m_carol->token(), "POST", url(1) + path, approve},
                                                     {m_dave->token(), "POST", url(2) + path, approve}});
        QCOMPARE(replies[0].status + replies[1].status, 200 + 409);
        const QJsonObject approval = m_carol->get(QStringLiteral("/v1/approvals/") + approvalId).json();
        QCOMPARE(approval.value(QStringLiteral("decisions")).toArray().size(), 1);
    }

    // Three instances, each with its own signing key (none given): a token minted by any of them
    // verifies on all, and every instance's JWKS lists every key. A key that contradicts the one
    // published under its id, or one that was retired, does not start.
    void instancesWithoutASharedKeyTrustEachOther()
    {
        QString error;
        const QString database = TestServer::createPostgresDatabase(&error);
        QVERIFY2(!database.isEmpty(), qPrintable(error));
        const QStringList arguments{QStringLiteral("--database"), database, QStringLiteral("--demo"),
                                    QStringLiteral("--log-key"),
                                    m_cluster.keyFile(QStringLiteral("log-key.pem"))};
        std::vector<std::unique_ptr<TestServer>> servers;
        for (int i = 0; i < 3; ++i) {
            servers.push_back(std::make_unique<TestServer>(arguments));
            QVERIFY2(servers.back()->start(&error), qPrintable(error));
        }
        QSet<QString> kids;
        for (const auto &server : servers) {
            TestClient anyone(server->url());
            const QJsonArray keys =
                anyone.get(QStringLiteral("/v1/jwks")).json().value(QStringLiteral("keys")).toArray();
            for (const QJsonValue &key : keys)
                kids.insert(key.toObject().value(QStringLiteral("kid")).toString());
        }
        QCOMPARE(kids.size(), 3);
        QStringList minted; // the payer's SVID from each instance
        for (std::size_t minter = 0; minter < 3; ++minter) {
            auto payer = DemoFixtures::agentClient(servers[minter]->url(), QStringLiteral("Bill payer"));
            QVERIFY(payer);
            minted.append(payer->token());
            for (const auto &server : servers) {
                // Authenticated, so told that no such delegation is held (never 401).
                const auto reply = TestClient::sendConcurrently(
                    QString(), {{payer->token(), "POST", server->url() + QStringLiteral("/v1/authorize"),
                                 DemoFixtures::authorizeRequest(QStringLiteral("dlg_none"), 1000)}});
                QVERIFY2(reply[0].status != 401 && reply[0].status < 500, reply[0].body.constData());
            }
        }
        // Runs mandate-server on `server`'s data dir and database; its exit code and output.
        const auto run = [&](const TestServer &server, const QStringList &extra) {
            QProcess process;
            process.setProcessChannelMode(QProcess::MergedChannels);
            process.start(TestServer::binary(),
                          QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                      QStringLiteral("--data-dir"), server.dataDir(),
                                      QStringLiteral("--no-access-log")} +
                              arguments + extra);
            if (!process.waitForFinished(20'000)) {
                process.kill();
                process.waitForFinished();
            }
            return std::make_pair(process.exitCode(), process.readAll());
        };

        // Retired: the key's tokens still verify (they have not expired), its instance no longer starts.
        const QJsonObject header =
            QJsonDocument::fromJson(QByteArray::fromBase64(minted[1].section(u'.', 0, 0).toLatin1(),
                                                           QByteArray::Base64UrlEncoding))
                .object();
        const QString retiredKid = header.value(QStringLiteral("kid")).toString();
        QVERIFY(!retiredKid.isEmpty());
        servers[1]->stop();
        const auto retired = run(*servers[1], {QStringLiteral("--retire-signing-key"), retiredKid});
        QVERIFY2(retired.first == 0, retired.second.constData());
        const auto stillValid = TestClient::sendConcurrently(
            QString(), {{minted[1], "POST", servers[2]->url() + QStringLiteral("/v1/authorize"),
                         DemoFixtures::authorizeRequest(QStringLiteral("dlg_none"), 1000)}});
        QVERIFY(stillValid[0].status != 401);
        const auto refusedRetired = run(*servers[1], {});
        QCOMPARE(refusedRetired.first, 1);
        QVERIFY2(refusedRetired.second.contains("was retired"), refusedRetired.second.constData());

        // Contradicted: every key's row now holds another key's material.
        servers[0]->stop();
        {
            QSqlDatabase db = PostgresCluster::connectTo(database, QStringLiteral("key-edit"));
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral("SELECT kid, jwk FROM signing_keys ORDER BY kid")));
            QStringList ids;
            QStringList jwks;
            while (query.next()) {
                ids.append(query.value(0).toString());
                jwks.append(query.value(1).toString());
            }
            QCOMPARE(ids.size(), 3);
            for (qsizetype i = 0; i < ids.size(); ++i) {
                QSqlQuery update(db);
                update.prepare(QStringLiteral("UPDATE signing_keys SET jwk = ? WHERE kid = ?"));
                update.addBindValue(jwks[(i + 1) % ids.size()]);
                update.addBindValue(ids[i]);
                QVERIFY(update.exec());
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("key-edit"));
        const auto refusedConflict = run(*servers[0], {});
        QCOMPARE(refusedConflict.first, 1);
        QVERIFY2(refusedConflict.second.contains("another signing key under the key id"),
                 refusedConflict.second.constData());
    }

    void anApprovalMadeOnOneInstanceReachesAStreamOnAnother()
    {
        TestClient carolOnB(url(1));
        QVERIFY(carolOnB.signIn(QStringLiteral("carol")));
        SseClient stream(url(1), carolOnB.token());
        QVERIFY(stream.waitFor([&] { return stream.status() == 200; }));
        TestClient aliceOnA(url(0));
        QVERIFY(aliceOnA.signIn(QStringLiteral("alice")));
        TestClient payerOnA(url(0));
        payerOnA.setToken(m_payer->token());
        QElapsedTimer timer;
        timer.start();
        const QString approvalId = DemoFixtures::dualControlRequest(aliceOnA, payerOnA);
        const qint64 requestAnswered = timer.elapsed();
        QVERIFY(!approvalId.isEmpty());
        const auto withId = [&](const QJsonObject &data) {
            return data.value(QStringLiteral("id")).toString() == approvalId;
        };
        QVERIFY(stream.waitFor([&] { return stream.hasEvent(QStringLiteral("approval.created"), withId); }));
        // From the answer on A to the event on B, which includes this client's own polling step.
        const qint64 lag = timer.elapsed() - requestAnswered;
        qInfo("approval.created reached instance B %lld ms after A answered", lag);
        QVERIFY2(lag < 200, qPrintable(QString::number(lag)));

        // Event ids come from the database: a client that reconnects to instance C with the id
        // before it gets the same event replayed.
        qint64 eventId = 0;
        for (const SseClient::Event &event : stream.events()) {
            if (event.type == QStringLiteral("approval.created") && withId(event.data))
                eventId = event.id;
        }
        QVERIFY(eventId > 0);
        SseClient resumed(url(2), carolOnB.token(), QByteArray::number(eventId - 1));
        QVERIFY(resumed.waitFor([&] {
            for (const SseClient::Event &event : resumed.events()) {
                if (event.id == eventId)
                    return event.type == QStringLiteral("approval.created") && withId(event.data);
            }
            return false;
        }));
    }

    // Sign-in throttling is the database's, not one instance's: failures on one instance throttle
    // that address on another at once, and an admin's unlock on that other frees the first.
    void signInThrottlingIsSharedByTheInstances()
    {
        auto sam = DemoFixtures::person(url(2), QStringLiteral("sam"));
        QVERIFY(sam);
        const QString samId = DemoFixtures::userId(*sam);
        const auto attempt = [this](std::size_t instance, const QString &password) {
            TestClient client(url(instance));
            return client.post(QStringLiteral("/v1/sessions"),
                               {{QStringLiteral("username"), QStringLiteral("sam")},
                                {QStringLiteral("password"), password}});
        };
        for (int i = 0; i < 5; ++i)
            QCOMPARE(attempt(0, QStringLiteral("guess-%1").arg(i)).status, 401);
        const TestClient::Reply elsewhere = attempt(1, QStringLiteral("mandate-demo"));
        QCOMPARE(elsewhere.status, 429);
        QVERIFY(elsewhere.header("Retry-After").toInt() > 0);
        QCOMPARE(attempt(2, QStringLiteral("mandate-demo")).status, 429);

        auto ada = DemoFixtures::person(url(1), QStringLiteral("ada"));
        QVERIFY(ada);
        const QJsonArray throttles =
            ada->get(QStringLiteral("/v1/sign-in/throttles")).json().value(QStringLiteral("items")).toArray();
        QCOMPARE(throttles.size(), 1);
        QCOMPARE(throttles.first().toObject().value(QStringLiteral("user_id")).toString(), samId);
        QCOMPARE(throttles.first().toObject().value(QStringLiteral("failures")).toInt(), 5);
        QCOMPARE(ada->post(QStringLiteral("/v1/users/") + samId + QStringLiteral("/unlock"), {}).status, 200);
        QCOMPARE(attempt(0, QStringLiteral("mandate-demo")).status, 201);
        QCOMPARE(attempt(2, QStringLiteral("mandate-demo")).status, 201);
    }

    // Every instance takes its turn at sequencing the log (one at a time, under an advisory lock
    // that dies with its connection): killing one mid-load loses no event and sequences none twice.
    void aKilledInstanceLosesNoAnsweredAllow()
    {
        const QString id = cappedGrant(5000);
        const QList<TestClient::Call> calls =
            spread(600, m_payer->token(), "POST", QStringLiteral("/v1/authorize"),
                   DemoFixtures::authorizeRequest(id, 1000));
        QList<TestClient::Reply> replies;
        std::thread load([&] { replies = TestClient::sendConcurrently(QString(), calls, 24); });
        QTest::qWait(150);
        m_cluster.instance(2).kill();
        load.join();
        QSet<QString> answered;
        for (const auto &reply : replies) {
            if (reply.status == 200 &&
                reply.json().value(QStringLiteral("decision")).toString() == QStringLiteral("allow"))
                answered.insert(reply.json().value(QStringLiteral("decision_id")).toString());
        }
        QVERIFY(answered.size() > 100);
        TestClient sam(url(0));
        QVERIFY(sam.signIn(QStringLiteral("sam")));
        int sequencedTwice = 0;
        const QSet<QString> audited = auditedAllows(sam, &sequencedTwice);
        for (const QString &decision : answered)
            QVERIFY2(audited.contains(decision), qPrintable(decision));
        QCOMPARE(sequencedTwice, 0);
        const auto verify = sam.get(QStringLiteral("/v1/audit/verify"));
        QCOMPARE(verify.status, 200);
        QCOMPARE(verify.json().value(QStringLiteral("ok")).toBool(), true);
        // The survivors sign one log: the same checkpoint from either, and it covers everything.
        const QJsonObject first = TestClient(url(0)).get(QStringLiteral("/v1/audit/checkpoint")).json();
        const QJsonObject second = TestClient(url(1)).get(QStringLiteral("/v1/audit/checkpoint")).json();
        QCOMPARE(first.value(QStringLiteral("verifier_key")), second.value(QStringLiteral("verifier_key")));
        QCOMPARE(verify.json().value(QStringLiteral("tree_size")).toInteger(),
                 verify.json().value(QStringLiteral("events")).toInteger());
    }

    // A database restart or failover ends an instance's connections. The instance answers what it
    // can no longer do with 503, stops with exit code 75 so that its service manager starts it
    // again, the other instances carry on, and the restarted one serves as before.
    void anInstanceThatLosesTheDatabaseStopsAndComesBack()
    {
        TestServer fourth(m_cluster.arguments());
        QString error;
        QVERIFY2(fourth.start(&error), qPrintable(error));
        const QString id = cappedGrant(100);
        const QJsonObject authorize = DemoFixtures::authorizeRequest(id, 1000);
        TestClient payer(fourth.url());
        payer.setToken(m_payer->token());
        QCOMPARE(payer.post(QStringLiteral("/v1/authorize"), authorize).status, 200);

        QVERIFY2(fourth.dropDatabaseConnections(&error) >= 2, qPrintable(error));
        const auto during = payer.post(QStringLiteral("/v1/authorize"), authorize);
        // 503 from the batch that found the connection gone; 0 when the instance had already
        // noticed on its own (it checks its connections every second) and stopped listening.
        QVERIFY2(during.status == 503 || during.status == 0, during.body.constData());
        qInfo("answered %d while its connections were gone", during.status);
        if (during.status == 503) {
            QCOMPARE(during.problemKind(), QStringLiteral("unavailable"));
            QCOMPARE(during.header("Retry-After"), QByteArray("1"));
        }
        QCOMPARE(fourth.waitForExit(10'000), std::optional<int>(75));

        TestClient elsewhere(url(0));
        elsewhere.setToken(m_payer->token());
        QCOMPARE(elsewhere.post(QStringLiteral("/v1/authorize"), authorize).status, 200);

        QVERIFY2(fourth.restart(&error), qPrintable(error));
        TestClient again(fourth.url());
        again.setToken(m_payer->token());
        QCOMPARE(again.post(QStringLiteral("/v1/authorize"), authorize).status, 200);
        TestClient sam(fourth.url());
        QVERIFY(sam.signIn(QStringLiteral("sam")));
        QCOMPARE(sam.get(QStringLiteral("/v1/audit/verify")).json().value(QStringLiteral("ok")).toBool(),
                 true);
    }

    // Without any traffic, too: the instance notices the lost connections by itself.
    void anIdleInstanceNoticesTheLostDatabase()
    {
        TestServer fifth(m_cluster.arguments());
        QString error;
        QVERIFY2(fifth.start(&error), qPrintable(error));
        QVERIFY2(fifth.dropDatabaseConnections(&error) >= 2, qPrintable(error));
        QCOMPARE(fifth.waitForExit(10'000), std::optional<int>(75));
    }
};

QTEST_GUILESS_MAIN(TstServerCluster)
#include "tst_ServerCluster.moc"
