#include "core/AuditChain.h"
#include "core/AuditReceipt.h"
#include "core/Checkpoint.h"
#include "core/CheckpointWitness.h"
#include "core/MerkleFrontier.h"
#include "core/MerkleTree.h"
#include "tests/support/DemoFixtures.h"
#include "tests/support/TestClient.h"
#include "tests/support/TestServer.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using mandate::test::DemoFixtures;
using mandate::test::TestClient;
using mandate::test::TestServer;
using namespace mandate;

namespace {

QList<QByteArray> hashes(const QJsonValue &list)
{
    QList<QByteArray> out;
    for (const QJsonValue &hex : list.toArray())
        out.append(QByteArray::fromHex(hex.toString().toLatin1()));
    return out;
}

// Edits the stored database behind the server's back, as an attacker with file access would.
bool tamper(const QString &dataDir, const QString &sql)
{
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
        db.setDatabaseName(dataDir + QStringLiteral("/mandate.db"));
        ok = db.open() && QSqlQuery(db).exec(sql);
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
    return ok;
}

// Starts mandate-server on `dataDir` expecting it to refuse; what it said on standard error.
QByteArray refusalOf(const QString &dataDir)
{
    QProcess server;
    server.start(TestServer::binary(),
                 {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--data-dir"),
                  dataDir, QStringLiteral("--no-access-log")});
    if (!server.waitForFinished(15'000) || server.exitCode() == 0)
        return {};
    return server.readAllStandardError();
}

} // namespace

class TstServerLog : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    std::unique_ptr<TestClient> m_sam;
    std::unique_ptr<TestClient> m_alice;
    std::unique_ptr<TestClient> m_payer;
    QString m_delegation;

    // Every event the log holds, as GET /v1/audit serves them.
    QList<QJsonObject> allEvents(TestClient &reader)
    {
        QList<QJsonObject> events;
        QString after = QStringLiteral("0");
        while (true) {
            const auto page = reader.get(QStringLiteral("/v1/audit?limit=500&after_seq=") + after);
            for (const QJsonValue &event : page.json().value(QStringLiteral("items")).toArray())
                events.append(event.toObject());
            if (page.json().value(QStringLiteral("next_cursor")).isNull())
                return events;
            after = page.json().value(QStringLiteral("next_cursor")).toString();
        }
    }

    // The checkpoint, opened with the key the server names (a witness would pin it).
    Checkpoint checkpoint(QByteArray *note = nullptr) { return checkpointOf(m_server.url(), note); }

    static Checkpoint checkpointOf(const QString &url, QByteArray *note = nullptr)
    {
        const QJsonObject body = TestClient(url).get(QStringLiteral("/v1/audit/checkpoint")).json();
        const auto key = NoteVerifierKey::parse(body.value(QStringLiteral("verifier_key")).toString());
        const QByteArray text = body.value(QStringLiteral("checkpoint")).toString().toUtf8();
        if (note)
            *note = text;
        Expected<Checkpoint, LogError> opened = Checkpoint::open(text, *key);
        return opened ? *opened : Checkpoint{};
    }

    // Waits (at most `ms`) for a checkpoint of at least `size` events.
    Checkpoint checkpointOfAtLeast(qint64 size, int ms = 3000)
    {
        QElapsedTimer clock;
        clock.start();
        Checkpoint newest = checkpoint();
        while (newest.treeSize < size && clock.elapsed() < ms) {
            QTest::qWait(20);
            newest = checkpoint();
        }
        return newest;
    }

    QList<QString> decide(int count)
    {
        QList<QString> ids;
        for (int i = 0; i < count; ++i) {
            const auto reply = m_payer->post(QStringLiteral("/v1/authorize"),
                                             DemoFixtures::authorizeRequest(m_delegation, 100));
            ids.append(reply.json().value(QStringLiteral("decision_id")).toString());
        }
        return ids;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        m_sam = DemoFixtures::person(m_server.url(), QStringLiteral("sam"));
        m_alice = DemoFixtures::person(m_server.url(), QStringLiteral("alice"));
        m_payer = DemoFixtures::agentClient(m_server.url(), QStringLiteral("Bill payer"));
        QVERIFY(m_sam && m_alice && m_payer);
        m_delegation = m_alice
                           ->post(QStringLiteral("/v1/delegations"),
                                  DemoFixtures::paymentGrant(
                                      DemoFixtures::agentId(*m_alice, QStringLiteral("Bill payer"))))
                           .json()
                           .value(QStringLiteral("id"))
                           .toString();
        QVERIFY(!m_delegation.isEmpty());
    }

    // Anyone can recompute the signed root from the events as served.
    void theSignedRootIsTheRootOfTheServedEvents()
    {
        decide(25);
        const QList<QJsonObject> events = allEvents(*m_sam);
        const Checkpoint signedTree = checkpointOfAtLeast(events.size());
        QCOMPARE(signedTree.treeSize, events.size());
        MerkleFrontier frontier;
        for (const QJsonObject &event : events) {
            const QByteArray leaf = AuditChain::leafHash(event);
            QCOMPARE(event.value(QStringLiteral("leaf_hash")).toString().toLatin1(), leaf.toHex());
            frontier.append(leaf);
        }
        QCOMPARE(frontier.root().toBase64(), signedTree.rootHash.toBase64());
    }

    void inclusionProofsHoldForTheFirstMiddleAndLastEvent()
    {
        const QList<QJsonObject> events = allEvents(*m_sam);
        const Checkpoint signedTree = checkpointOfAtLeast(events.size());
        for (const qsizetype index : {qsizetype(0), events.size() / 2, events.size() - 1}) {
            const auto proof = m_alice->get(QStringLiteral("/v1/audit/proofs/inclusion?seq=%1&tree_size=%2")
                                                .arg(index + 1)
                                                .arg(signedTree.treeSize));
            QCOMPARE(proof.status, 200);
            const QByteArray leaf = AuditChain::leafHash(events.at(index));
            QCOMPARE(proof.json().value(QStringLiteral("leaf_hash")).toString().toLatin1(), leaf.toHex());
            QCOMPARE(MerkleTree::verifyInclusion(index, signedTree.treeSize, leaf,
                                                 hashes(proof.json().value(QStringLiteral("audit_path"))),
                                                 signedTree.rootHash),
                     LogError::None);
        }
    }

    void aWitnessSeesOnlyGrowthBetweenTwoCheckpoints()
    {
        QByteArray older;
        const Checkpoint first = checkpoint(&older);
        decide(7);
        QByteArray newer;
        Checkpoint second = checkpointOfAtLeast(first.treeSize + 7);
        checkpoint(&newer);
        second = *Checkpoint::parse(newer.left(newer.indexOf("\n\n") + 1));
        QVERIFY(second.treeSize >= first.treeSize + 7);
        const auto proof = TestClient(m_server.url())
                               .get(QStringLiteral("/v1/audit/proofs/consistency?from=%1&to=%2")
                                        .arg(first.treeSize)
                                        .arg(second.treeSize));
        QCOMPARE(proof.status, 200);
        const QJsonObject body =
            TestClient(m_server.url()).get(QStringLiteral("/v1/audit/checkpoint")).json();
        const CheckpointWitness witness(
            *NoteVerifierKey::parse(body.value(QStringLiteral("verifier_key")).toString()));
        const auto accepted =
            witness.accept(older, newer, hashes(proof.json().value(QStringLiteral("proof"))));
        QVERIFY2(accepted, qPrintable(describe(accepted ? LogError::None : accepted.error())));
    }

    void proofRequestsOutsideTheTreeNameTheParameter_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("field");
        QTest::newRow("seq 0") << QStringLiteral("inclusion?seq=0") << QStringLiteral("seq");
        QTest::newRow("no seq") << QStringLiteral("inclusion") << QStringLiteral("seq");
        QTest::newRow("seq word") << QStringLiteral("inclusion?seq=three") << QStringLiteral("seq");
        QTest::newRow("seq beyond") << QStringLiteral("inclusion?seq=99999") << QStringLiteral("seq");
        QTest::newRow("size < seq") << QStringLiteral("inclusion?seq=5&tree_size=4")
                                    << QStringLiteral("tree_size");
        QTest::newRow("size beyond") << QStringLiteral("inclusion?seq=1&tree_size=99999")
                                     << QStringLiteral("tree_size");
        QTest::newRow("from > to") << QStringLiteral("consistency?from=5&to=4") << QStringLiteral("from");
        QTest::newRow("from 0") << QStringLiteral("consistency?from=0&to=4") << QStringLiteral("from");
        QTest::newRow("to word") << QStringLiteral("consistency?from=1&to=x") << QStringLiteral("to");
        QTest::newRow("to beyond") << QStringLiteral("consistency?from=1&to=99999") << QStringLiteral("to");
    }
    void proofRequestsOutsideTheTreeNameTheParameter()
    {
        QFETCH(QString, query);
        QFETCH(QString, field);
        const auto reply = m_alice->get(QStringLiteral("/v1/audit/proofs/") + query);
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.errorFields(), QStringList{field});
    }

    void receiptsProveTheGrantAndEachDecisionToWhoMaySeeThem()
    {
        const QString decision = decide(1).first();
        const QJsonObject body =
            TestClient(m_server.url()).get(QStringLiteral("/v1/audit/checkpoint")).json();
        const auto key = NoteVerifierKey::parse(body.value(QStringLiteral("verifier_key")).toString());
        const auto fetch = [](TestClient &client, const QString &path) {
            QElapsedTimer clock;
            clock.start();
            TestClient::Reply reply = client.get(path);
            while (reply.status == 202 && clock.elapsed() < 3000) {
                QTest::qWait(50);
                reply = client.get(path);
            }
            return reply;
        };
        const QString grantPath =
            QStringLiteral("/v1/delegations/") + m_delegation + QStringLiteral("/receipt");
        const QString decisionPath = QStringLiteral("/v1/decisions/") + decision + QStringLiteral("/receipt");
        for (TestClient *reader : {m_alice.get(), m_payer.get(), m_sam.get()}) {
            for (const QString &path : {grantPath, decisionPath}) {
                const auto reply = fetch(*reader, path);
                QCOMPARE(reply.status, 200);
                const auto receipt = AuditReceipt::fromJson(reply.json());
                QVERIFY(receipt);
                QCOMPARE(receipt->verify(*key), LogError::None);
            }
        }
        const auto granted = AuditReceipt::fromJson(fetch(*m_alice, grantPath).json());
        QCOMPARE(granted->event.value(QStringLiteral("type")).toString(),
                 QStringLiteral("delegation.granted"));
        QCOMPARE(granted->event.value(QStringLiteral("delegation_id")).toString(), m_delegation);

        const auto bob = DemoFixtures::person(m_server.url(), QStringLiteral("bob"));
        const auto booker = DemoFixtures::agentClient(m_server.url(), QStringLiteral("Travel booker"));
        for (TestClient *stranger : {bob.get(), booker.get()}) {
            QCOMPARE(stranger->get(grantPath).status, 404);
            QCOMPARE(stranger->get(decisionPath).status, 404);
        }
        QCOMPARE(m_alice->get(QStringLiteral("/v1/decisions/dec_nosuch/receipt")).status, 404);
    }

    // Under a 32-connection authorize load every answered decision reaches a checkpoint; the last
    // one's receipt is there within twice the 1 s merge delay (slack for a loaded test machine).
    void receiptsArriveWithinTheMergeDelayUnderLoad()
    {
        QList<TestClient::Call> calls;
        for (int i = 0; i < 320; ++i)
            calls.append({m_payer->token(), "POST", QStringLiteral("/v1/authorize"),
                          DemoFixtures::authorizeRequest(m_delegation, 1)});
        const QList<TestClient::Reply> replies = TestClient::sendConcurrently(m_server.url(), calls, 32);
        QElapsedTimer sinceLastAnswer;
        sinceLastAnswer.start();
        const QString last = replies.last().json().value(QStringLiteral("decision_id")).toString();
        TestClient::Reply receipt =
            m_payer->get(QStringLiteral("/v1/decisions/") + last + QStringLiteral("/receipt"));
        while (receipt.status == 202 && sinceLastAnswer.elapsed() < 2000) {
            QTest::qWait(25);
            receipt = m_payer->get(QStringLiteral("/v1/decisions/") + last + QStringLiteral("/receipt"));
        }
        QCOMPARE(receipt.status, 200);
        QCOMPARE(AuditReceipt::fromJson(receipt.json())->verify(), LogError::None);
        const auto verify = m_sam->get(QStringLiteral("/v1/audit/verify"));
        QCOMPARE(verify.json().value(QStringLiteral("ok")).toBool(), true);
    }

    void eachDecisionIsInTheTreeWhenItsAnswerArrives()
    {
        // One writer (SQLite): the batch that records a decision seals it before it commits, so
        // the answer never runs ahead of the log, and nothing waits in the inbox.
        if (TestServer::usesPostgres())
            QSKIP("several writers: PostgreSQL sequences through the inbox, as ServerCluster covers");
        const QString decision = decide(1).constFirst();
        bool ok = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
            db.setDatabaseName(m_server.dataDir() + QStringLiteral("/mandate.db"));
            QSqlQuery sealed(db);
            QSqlQuery waiting(db);
            ok = db.open() &&
                 sealed.exec(QStringLiteral("SELECT count(*) FROM audit_events WHERE decision_id = '") +
                             decision +
                             QStringLiteral("' AND leaf_hash IS NOT NULL AND typeof(event) = 'text'")) &&
                 sealed.next() && sealed.value(0).toInt() == 1 &&
                 waiting.exec(QStringLiteral("SELECT count(*) FROM audit_inbox")) && waiting.next() &&
                 waiting.value(0).toInt() == 0;
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("peek"));
        QVERIFY(ok);
        const auto receipt =
            m_payer->get(QStringLiteral("/v1/decisions/") + decision + QStringLiteral("/receipt"));
        QVERIFY(receipt.status == 200 || receipt.status == 202);
        QCOMPARE(checkpointOfAtLeast(allEvents(*m_sam).size()).treeSize, allEvents(*m_sam).size());
    }

    void anEditedEventOrTreeOrCheckpointIsNamed()
    {
        if (TestServer::usesPostgres())
            QSKIP("edits the SQLite file behind the server; PostgreSQL is covered by ServerCluster");
        QCOMPARE(m_server.stop(), 0);
        QVERIFY(tamper(m_server.dataDir(), QStringLiteral("UPDATE audit_events SET leaf_hash = zeroblob(32) "
                                                          "WHERE seq = 7")));
        QVERIFY(m_server.restart());
        m_sam = DemoFixtures::person(m_server.url(), QStringLiteral("sam"));
        auto verify = m_sam->get(QStringLiteral("/v1/audit/verify")).json();
        QCOMPARE(verify.value(QStringLiteral("ok")).toBool(), false);
        QCOMPARE(verify.value(QStringLiteral("reason")).toString(), QStringLiteral("event_changed"));
        QCOMPARE(verify.value(QStringLiteral("first_bad_seq")).toInteger(), 7);

        // The checkpoint's text edited: its signature no longer holds, and the server says so.
        QCOMPARE(m_server.stop(), 0);
        QVERIFY(tamper(m_server.dataDir(), QStringLiteral("UPDATE audit_checkpoint SET note = "
                                                          "replace(note, 'audit/', 'audit-')")));
        const QByteArray refusal = refusalOf(m_server.dataDir());
        QVERIFY2(refusal.contains("does not verify with the log key") && refusal.contains("--log-key"),
                 refusal.constData());
    }

    void aNewKeyOnAnExistingLogIsRefused()
    {
        if (TestServer::usesPostgres())
            QSKIP("starts the binary by hand on a SQLite data dir");
        TestServer server;
        QVERIFY(server.start());
        QCOMPARE(server.stop(), 0);
        QVERIFY(QFile::remove(server.dataDir() + QStringLiteral("/log-key.pem")));
        const QByteArray refusal = refusalOf(server.dataDir());
        QVERIFY2(refusal.contains("signed by another key"), refusal.constData());
    }

    // A store made by the version before the tree: its chain's events become the first leaves.
    void aStoreFromBeforeTheTreeUpgradesInPlace()
    {
        if (TestServer::usesPostgres())
            QSKIP("the fixture is a SQLite file");
        TestServer server(QStringList{});
        QVERIFY(QFile::copy(QFINDTESTDATA("fixtures/store-before-merkle.db"),
                            server.dataDir() + QStringLiteral("/mandate.db")));
        QVERIFY(QFile::setPermissions(server.dataDir() + QStringLiteral("/mandate.db"),
                                      QFile::ReadOwner | QFile::WriteOwner));
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        const auto sam = DemoFixtures::person(server.url(), QStringLiteral("sam"));
        QVERIFY(sam);
        const QList<QJsonObject> events = allEvents(*sam);
        QCOMPARE(events.size(), 28);
        // The old chain is untouched: the last event keeps the hash the old version gave it.
        QCOMPARE(events.last().value(QStringLiteral("hash")).toString(),
                 QStringLiteral("17e022b40770ea6d7fa9d07d289bb1a7fcfb41edd85ad7c6fb117568a27f2715"));
        const auto verify = sam->get(QStringLiteral("/v1/audit/verify")).json();
        QCOMPARE(verify.value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(verify.value(QStringLiteral("tree_size")).toInteger(), 28);
        MerkleFrontier frontier;
        for (const QJsonObject &event : events)
            frontier.append(AuditChain::leafHash(event));
        QCOMPARE(verify.value(QStringLiteral("root_hash")).toString(),
                 QString::fromLatin1(frontier.root().toBase64()));
    }

    // A store whose subtrees were kept by (level, index): they move to the keys a batch appends
    // to, every old event keeps its proof, and the tree grows on from them.
    void aStoreFromBeforeTheNodeKeysUpgradesInPlace()
    {
        if (TestServer::usesPostgres())
            QSKIP("the fixture is a SQLite file");
        // --demo seeds only an empty data dir; here it sets the trust domain the fixture's agents are in.
        TestServer server;
        for (const QString &file : {QStringLiteral("mandate.db"), QStringLiteral("log-key.pem")}) {
            const QString target = server.dataDir() + QLatin1Char('/') + file;
            QVERIFY(QFile::copy(QFINDTESTDATA(QStringLiteral("fixtures/store-before-node-keys/") + file),
                                target));
            QVERIFY(QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner));
        }
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        const auto sam = DemoFixtures::person(server.url(), QStringLiteral("sam"));
        const auto alice = DemoFixtures::person(server.url(), QStringLiteral("alice"));
        const auto payer = DemoFixtures::agentClient(server.url(), QStringLiteral("Bill payer"));
        QVERIFY(sam && alice && payer);
        // The fixture's 52 events (and whatever the sweeper adds on a later date) stay in the tree.
        QVERIFY(allEvents(*sam).size() >= 52);
        const QString delegation =
            alice
                ->post(QStringLiteral("/v1/delegations"), DemoFixtures::paymentGrant(DemoFixtures::agentId(
                                                              *alice, QStringLiteral("Bill payer"))))
                .json()
                .value(QStringLiteral("id"))
                .toString();
        for (int i = 0; i < 13; ++i)
            QCOMPARE(
                payer->post(QStringLiteral("/v1/authorize"), DemoFixtures::authorizeRequest(delegation, 1))
                    .status,
                200);

        const QList<QJsonObject> events = allEvents(*sam);
        QVERIFY(events.size() >= 52 + 14);
        QElapsedTimer clock;
        clock.start();
        Checkpoint signedTree = checkpointOf(server.url());
        while (signedTree.treeSize < events.size() && clock.elapsed() < 3000) {
            QTest::qWait(20);
            signedTree = checkpointOf(server.url());
        }
        QCOMPARE(signedTree.treeSize, events.size());
        for (qsizetype index = 0; index < events.size(); ++index) {
            const auto proof = sam->get(QStringLiteral("/v1/audit/proofs/inclusion?seq=%1&tree_size=%2")
                                            .arg(index + 1)
                                            .arg(signedTree.treeSize));
            QCOMPARE(proof.status, 200);
            QCOMPARE(MerkleTree::verifyInclusion(
                         index, signedTree.treeSize, AuditChain::leafHash(events.at(index)),
                         hashes(proof.json().value(QStringLiteral("audit_path"))), signedTree.rootHash),
                     LogError::None);
        }
        const auto verify = sam->get(QStringLiteral("/v1/audit/verify")).json();
        QCOMPARE(verify.value(QStringLiteral("ok")).toBool(), true);
    }
};

QTEST_GUILESS_MAIN(TstServerLog)
#include "tst_ServerLog.moc"
