#include "core/AuditReceipt.h"
#include "core/Checkpoint.h"
#include "tests/support/DemoFixtures.h"
#include "tests/support/NoteSigner.h"
#include "tests/support/TestClient.h"
#include "tests/support/TestServer.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace mandate;
using mandate::test::DemoFixtures;
using mandate::test::NoteSigner;
using mandate::test::TestClient;
using mandate::test::TestServer;

// `mandate-agent witness` and `verify-receipt`, the real binary against a real server: what they
// keep, what they refuse (a history rewritten and re-signed with the log's own key, a wrong key, an
// edited receipt) and that a refusal leaves the witness's state file as it was.
class TstAgentWitness : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    TestServer m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<TestClient> m_alice;
    std::unique_ptr<TestClient> m_public;
    QString m_verifierKey;

    Run agent(const QStringList &arguments)
    {
        QProcess process;
        process.start(QStringLiteral(MANDATE_AGENT_BINARY), arguments);
        Run run;
        if (process.waitForFinished(60'000) && process.exitStatus() == QProcess::NormalExit)
            run.exitCode = process.exitCode();
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        return run;
    }

    Run witness(const QString &state, const QString &key)
    {
        return agent({QStringLiteral("witness"), QStringLiteral("--server"), m_server.url(),
                      QStringLiteral("--state"), state, QStringLiteral("--verifier-key"), key});
    }

    QJsonObject checkpoint() { return m_public->get(QStringLiteral("/v1/audit/checkpoint")).json(); }

    // Grants one delegation and waits until its event is in a signed checkpoint (at most 1 s).
    QString grantAndWaitForCheckpoint()
    {
        const QString agentId = DemoFixtures::agentId(*m_alice, QStringLiteral("Bill payer"));
        const QString id =
            m_alice->post(QStringLiteral("/v1/delegations"), DemoFixtures::paymentGrant(agentId))
                .json()
                .value(QStringLiteral("id"))
                .toString();
        const bool sequenced = QTest::qWaitFor(
            [&] { return m_alice->get(QStringLiteral("/v1/delegations/%1/receipt").arg(id)).status == 200; },
            10000);
        return sequenced ? id : QString();
    }

    static QByteArray read(const QString &file)
    {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    static void write(const QString &file, const QByteArray &bytes)
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(bytes);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        m_alice = DemoFixtures::person(m_server.url(), QStringLiteral("alice"));
        m_public = std::make_unique<TestClient>(m_server.url());
        QVERIFY(m_alice);
        QVERIFY(!grantAndWaitForCheckpoint().isEmpty());
        m_verifierKey = checkpoint().value(QStringLiteral("verifier_key")).toString();
        QVERIFY(NoteVerifierKey::parse(m_verifierKey));
    }

    void firstContactKeepsTheCheckpointThenChecksConsistency()
    {
        const QString state = m_dir.filePath(QStringLiteral("witness-state"));
        const qint64 size = checkpoint().value(QStringLiteral("tree_size")).toInteger();
        const Run first = witness(state, m_verifierKey);
        QCOMPARE(first.exitCode, 0);
        const QString origin = NoteVerifierKey::parse(m_verifierKey)->name();
        QVERIFY2(
            first.out.startsWith(QStringLiteral("checkpoint verified: %1 events, first contact").arg(size)),
            qPrintable(first.out));
        QVERIFY(first.out.trimmed().endsWith(QStringLiteral("(%1)").arg(origin)));
        QCOMPARE(QFileInfo(state).permissions() & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QVERIFY(Checkpoint::open(read(state), *NoteVerifierKey::parse(m_verifierKey)));

        QVERIFY(!grantAndWaitForCheckpoint().isEmpty());
        const qint64 grown = checkpoint().value(QStringLiteral("tree_size")).toInteger();
        QVERIFY(grown > size);
        const Run second = witness(state, m_verifierKey);
        QCOMPARE(second.exitCode, 0);
        QCOMPARE(second.out.trimmed(),
                 QStringLiteral("checkpoint verified: %1 events, append-only since %2 (%3)")
                     .arg(grown)
                     .arg(size)
                     .arg(origin));
        QCOMPARE(Checkpoint::open(read(state), *NoteVerifierKey::parse(m_verifierKey))->treeSize, grown);
    }

    // A state file holding a checkpoint of another history at a smaller size, signed with the log's
    // own key (as someone holding the key file would after rewriting the database): refused.
    void aRewrittenHistorySignedWithTheLogKeyIsRefused()
    {
        const auto signer =
            NoteSigner::fromPem(m_server.dataDir() + QStringLiteral("/log-key.pem"), m_verifierKey);
        QVERIFY(signer);
        const qint64 size = checkpoint().value(QStringLiteral("tree_size")).toInteger();
        const QByteArray otherRoot = QCryptographicHash::hash("another history", QCryptographicHash::Sha256);
        const QByteArray forged = signer->note(Checkpoint{signer->name(), size - 1, otherRoot, {}}.text());
        QVERIFY(Checkpoint::open(forged, signer->verifier())); // a well-signed checkpoint, of another log
        const QString state = m_dir.filePath(QStringLiteral("rewritten-state"));
        write(state, forged);

        const Run run = witness(state, m_verifierKey);
        QCOMPARE(run.exitCode, 5);
        QVERIFY2(run.err.contains(describe(LogError::ConsistencyMismatch)), qPrintable(run.err));
        QVERIFY(run.err.contains(QStringLiteral("left as it was")));
        QCOMPARE(read(state), forged);

        // A kept checkpoint larger than the log now: the log shrank.
        write(state, signer->note(Checkpoint{signer->name(), size + 100, otherRoot, {}}.text()));
        const Run shrank = witness(state, m_verifierKey);
        QCOMPARE(shrank.exitCode, 5);
        QVERIFY2(shrank.err.contains(describe(LogError::TreeShrank)), qPrintable(shrank.err));
    }

    void aWrongKeyIsRefusedAndNothingIsKept()
    {
        const NoteSigner other(NoteVerifierKey::parse(m_verifierKey)->name(), QByteArray(32, '\x03'));
        const QString state = m_dir.filePath(QStringLiteral("wrong-key-state"));
        const Run run = witness(state, other.verifier().toString());
        QCOMPARE(run.exitCode, 5);
        QVERIFY2(run.err.contains(describe(LogError::NotSignedByKey)), qPrintable(run.err));
        QVERIFY(run.err.contains(QStringLiteral("the server names the key ") + m_verifierKey));
        QVERIFY(!QFileInfo::exists(state));

        const Run malformed = witness(state, QStringLiteral("not-a-key"));
        QCOMPARE(malformed.exitCode, 2);
        QVERIFY(malformed.err.contains(QStringLiteral("--verifier-key")));
        QCOMPARE(agent({QStringLiteral("witness"), QStringLiteral("--server"), m_server.url()}).exitCode, 2);
    }

    void receiptsVerifyOfflineAndEditsAreRefused()
    {
        const QString id = grantAndWaitForCheckpoint();
        QVERIFY(!id.isEmpty());
        const auto answer = m_alice->get(QStringLiteral("/v1/delegations/%1/receipt").arg(id));
        QCOMPARE(answer.status, 200);
        const QString file = m_dir.filePath(QStringLiteral("receipt.json"));
        write(file, answer.body);

        const Run pinned =
            agent({QStringLiteral("verify-receipt"), file, QStringLiteral("--verifier-key"), m_verifierKey});
        QCOMPARE(pinned.exitCode, 0);
        const AuditReceipt receipt = *AuditReceipt::fromJson(answer.json());
        QVERIFY2(pinned.out.startsWith(
                     QStringLiteral(
                         "receipt verified: delegation.granted (event %1) is leaf %2 of the %3-event log")
                         .arg(receipt.leafIndex + 1)
                         .arg(receipt.leafIndex)
                         .arg(receipt.treeSize)),
                 qPrintable(pinned.out));
        QVERIFY(pinned.out.contains(QStringLiteral("checked against the given verifier key")));

        const Run unpinned = agent({QStringLiteral("verify-receipt"), file});
        QCOMPARE(unpinned.exitCode, 0);
        QVERIFY2(unpinned.out.contains(QStringLiteral("checked against the key named in the receipt only")),
                 qPrintable(unpinned.out));

        // The purpose the customer granted, edited after the fact.
        QJsonObject edited = answer.json();
        QJsonObject event = edited.value(QStringLiteral("event")).toObject();
        QJsonObject data = event.value(QStringLiteral("data")).toObject();
        QJsonObject grant = data.value(QStringLiteral("grant")).toObject();
        grant.insert(QStringLiteral("purpose"), QStringLiteral("Pay anything to anyone"));
        data.insert(QStringLiteral("grant"), grant);
        event.insert(QStringLiteral("data"), data);
        edited.insert(QStringLiteral("event"), event);
        const QString editedFile = m_dir.filePath(QStringLiteral("edited.json"));
        write(editedFile, QJsonDocument(edited).toJson());
        const Run refused = agent({QStringLiteral("verify-receipt"), editedFile});
        QCOMPARE(refused.exitCode, 5);
        QVERIFY2(refused.err.contains(describe(LogError::LeafMismatch)), qPrintable(refused.err));

        const NoteSigner other(NoteVerifierKey::parse(m_verifierKey)->name(), QByteArray(32, '\x03'));
        const Run wrongKey = agent({QStringLiteral("verify-receipt"), file, QStringLiteral("--verifier-key"),
                                    other.verifier().toString()});
        QCOMPARE(wrongKey.exitCode, 5);
        QVERIFY2(wrongKey.err.contains(describe(LogError::NotSignedByKey)), qPrintable(wrongKey.err));

        write(editedFile, "{\"event\": {}}");
        QCOMPARE(agent({QStringLiteral("verify-receipt"), editedFile}).exitCode, 5);
        QCOMPARE(agent({QStringLiteral("verify-receipt"), m_dir.filePath(QStringLiteral("missing.json"))})
                     .exitCode,
                 2);
    }
};

QTEST_GUILESS_MAIN(TstAgentWitness)
#include "tst_AgentWitness.moc"
