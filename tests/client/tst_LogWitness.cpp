#include "client/ApiClient.h"
#include "client/LocalCache.h"
#include "client/LogWitness.h"
#include "client/MandateApi.h"
#include "tests/support/NoteSigner.h"
#include "tests/support/ScriptedLogServer.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mandate;
using mandate::client::LocalCache;
using mandate::client::LogWitness;
using mandate::test::NoteSigner;
using mandate::test::SampleLog;
using mandate::test::ScriptedLogServer;
using State = LogWitness::Status::State;

namespace {

const NoteSigner LogKey(QStringLiteral("scripted.mandate.test/log"), QByteArray(32, '\x05'));
const NoteSigner NewKey(QStringLiteral("scripted.mandate.test/log"), QByteArray(32, '\x06'));

} // namespace

// The console's witness against a scripted stand-in for the log endpoints: what it keeps, what it refuses,
// and that a refusal leaves the kept checkpoint alone. The real server's side is in tst_ConsoleUi.
class TstLogWitness : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    ScriptedLogServer m_logServer;
    client::ApiClient m_client;
    client::MandateApi m_api{m_client};
    std::unique_ptr<LocalCache> m_cache;
    SampleLog m_log{40};
    SampleLog m_rewritten{40, 1};

    LogWitness::Status check(LogWitness &witness)
    {
        witness.check();
        if (!QTest::qWaitFor([&witness] { return witness.status().state != State::Checking; }, 10000))
            qWarning("the witness did not finish within 10 s");
        return witness.status();
    }

    LogWitness::InclusionCheck prove(LogWitness &witness, const AuditEvent &event)
    {
        QSignalSpy spy(&witness, &LogWitness::inclusionChecked);
        witness.proveInclusion(event);
        // An answer decided without the server (an edited event) arrives before waiting starts.
        if (spy.isEmpty() && !spy.wait(10000))
            return {};
        return spy.first().first().value<LogWitness::InclusionCheck>();
    }

private Q_SLOTS:
    void init()
    {
        m_cache = std::make_unique<LocalCache>(m_dir.filePath(QStringLiteral("cache-%1.sqlite"))
                                                   .arg(QString::fromLatin1(QTest::currentTestFunction())));
        m_cache->setScope(m_logServer.url().toString(), QStringLiteral("alice"));
        m_client.setServer(m_logServer.url());
        m_logServer.serve(&m_log, 5, &LogKey);
    }

    void firstContactKeepsTheCheckpointAndPinsTheKey()
    {
        LogWitness witness(m_api, *m_cache);
        const LogWitness::Status status = check(witness);
        QCOMPARE(status.state, State::Verified);
        QVERIFY(status.firstContact);
        QCOMPARE(status.treeSize, 5);
        QCOMPARE(status.origin, LogKey.name());
        const auto kept = m_cache->loadCheckpoint();
        QVERIFY(kept);
        QCOMPARE(kept->verifierKey, LogKey.verifier().toString());
        QCOMPARE(kept->treeSize, 5);
        QCOMPARE(status.since, kept->firstKeptAt);
    }

    void aGrowingLogIsCheckedForConsistency()
    {
        LogWitness witness(m_api, *m_cache);
        const QDateTime since = check(witness).since;
        for (qint64 size : {5, 6, 8, 17, 40}) {
            m_logServer.serve(&m_log, size, &LogKey);
            const LogWitness::Status status = check(witness);
            QCOMPARE(status.state, State::Verified);
            QVERIFY(!status.firstContact);
            QCOMPARE(status.treeSize, size);
            QCOMPARE(status.since, since); // append-only since the first look, not the last
            QCOMPARE(m_cache->loadCheckpoint()->treeSize, size);
        }
    }

    // The same number of events and more, signed by the same key, but not the history kept.
    void aRewrittenHistoryIsRefusedAndTheKeptCheckpointStays()
    {
        LogWitness witness(m_api, *m_cache);
        check(witness);
        const QByteArray keptNote = m_cache->loadCheckpoint()->note;
        for (qint64 size : {5, 9}) {
            m_logServer.serve(&m_rewritten, size, &LogKey);
            const LogWitness::Status status = check(witness);
            QCOMPARE(status.state, State::Refused);
            QCOMPARE(status.error, LogError::ConsistencyMismatch);
            QVERIFY(!status.keyChanged);
            QCOMPARE(status.treeSize, 5);
            QCOMPARE(m_cache->loadCheckpoint()->note, keptNote);
        }
        // Going back to the honest log is fine again: the kept checkpoint was never replaced.
        m_logServer.serve(&m_log, 9, &LogKey);
        QCOMPARE(check(witness).state, State::Verified);
    }

    void aShrunkenLogIsRefused()
    {
        m_logServer.serve(&m_log, 9, &LogKey);
        LogWitness witness(m_api, *m_cache);
        check(witness);
        m_logServer.serve(&m_log, 8, &LogKey);
        const LogWitness::Status status = check(witness);
        QCOMPARE(status.state, State::Refused);
        QCOMPARE(status.error, LogError::TreeShrank);
        QCOMPARE(m_cache->loadCheckpoint()->treeSize, 9);
    }

    void aNewKeyIsReportedNotTaken()
    {
        LogWitness witness(m_api, *m_cache);
        check(witness);
        m_logServer.serve(&m_log, 9, &NewKey);
        const LogWitness::Status status = check(witness);
        QCOMPARE(status.state, State::Refused);
        QVERIFY(status.keyChanged);
        QCOMPARE(status.error, LogError::NotSignedByKey);
        QCOMPARE(status.pinnedKey, LogKey.verifier().toString());
        QCOMPARE(status.offeredKey, NewKey.verifier().toString());
        QCOMPARE(m_cache->loadCheckpoint()->verifierKey, LogKey.verifier().toString());
    }

    void eventsAreProvenAgainstTheKeptCheckpoint()
    {
        m_logServer.serve(&m_log, 17, &LogKey);
        LogWitness witness(m_api, *m_cache);
        check(witness);
        // Leaves 0 and 8 sit in the perfect subtree of 16 (4 hashes) beside leaf 16 (1 more); leaf 16's
        // path is that subtree's root alone.
        for (auto [seq, pathLength] : {std::pair{1, 5}, {9, 5}, {17, 1}}) {
            const LogWitness::InclusionCheck proof = prove(witness, m_log.events.at(seq - 1));
            QVERIFY2(proof.verified(), qPrintable(describe(proof.error)));
            QCOMPARE(proof.seq, seq);
            QCOMPARE(proof.leafIndex, seq - 1);
            QCOMPARE(proof.treeSize, 17);
            QCOMPARE(proof.pathLength, pathLength);
        }
        // An event newer than the kept checkpoint: the witness looks at the newest one first.
        m_logServer.serve(&m_log, 30, &LogKey);
        const LogWitness::InclusionCheck newer = prove(witness, m_log.events.at(24));
        QVERIFY(newer.verified());
        QCOMPARE(newer.treeSize, 30);
        QCOMPARE(m_cache->loadCheckpoint()->treeSize, 30);
        // Newer than every checkpoint so far.
        const LogWitness::InclusionCheck pending = prove(witness, m_log.events.at(35));
        QVERIFY(pending.notYetInCheckpoint);
    }

    // The event as the console shows it must be the leaf: an edited one is not proven, whatever
    // hashes the server sends with it.
    void anEditedEventIsNotProven()
    {
        LogWitness witness(m_api, *m_cache);
        check(witness);
        AuditEvent edited = m_log.events.at(2);
        edited.data.insert(QStringLiteral("n"), 99);
        QCOMPARE(prove(witness, edited).error, LogError::LeafMismatch);
        edited.leafHash.clear(); // the served leaf hash does not save it either
        QCOMPARE(prove(witness, edited).error, LogError::LeafMismatch);
        // Proven against a rewritten log's proof, the honest kept root refuses it.
        m_logServer.serve(&m_rewritten, 5, &LogKey);
        AuditEvent rewritten = m_rewritten.events.at(2);
        QCOMPARE(prove(witness, rewritten).error, LogError::InclusionMismatch);
    }

    // MandateApi reads a receipt, or that it is pending (202): the wait of a second is no failure.
    void receiptsArePendingOrReadAndChecked()
    {
        const auto receipt = [this] {
            std::optional<client::MandateApi::ReceiptDocument> read;
            m_api.decisionReceipt(QStringLiteral("dec_1")).onSucceeded(this, [&read](const auto &document) {
                read = document;
            });
            if (!QTest::qWaitFor([&read] { return read.has_value(); }, 10000))
                qWarning("no receipt within 10 s");
            return read;
        };
        m_logServer.setReceiptsPending(true);
        QVERIFY(receipt()->pending);
        m_logServer.setReceiptsPending(false);
        const auto good = receipt();
        QVERIFY(good && !good->pending);
        QCOMPARE(good->verification, LogError::None);
        QCOMPARE(good->seq, 1);
        QCOMPARE(good->treeSize, 5);
        QCOMPARE(good->verifierKey, LogKey.verifier().toString());
        QVERIFY(good->json.contains("\"audit_path\""));
        m_logServer.setReceiptsEdited(true);
        QCOMPARE(receipt()->verification, LogError::LeafMismatch);
        m_logServer.setReceiptsEdited(false);
    }

    void anUnreachableServerDecidesNothing()
    {
        LogWitness witness(m_api, *m_cache);
        check(witness);
        m_client.setServer(QUrl(QStringLiteral("http://127.0.0.1:1")));
        const LogWitness::Status status = check(witness);
        QCOMPARE(status.state, State::Unreachable);
        QVERIFY(!status.problem.isEmpty());
        QCOMPARE(status.treeSize, 5);
        QCOMPARE(m_cache->loadCheckpoint()->treeSize, 5);
    }
};

QTEST_GUILESS_MAIN(TstLogWitness)
#include "tst_LogWitness.moc"
