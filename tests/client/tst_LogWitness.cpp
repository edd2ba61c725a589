#include "client/ApiClient.h"
#include "client/LocalCache.h"
#include "client/LogWitness.h"
#include "client/MandateApi.h"
#include "core/AuditChain.h"
#include "core/Checkpoint.h"
#include "core/MerkleFrontier.h"
#include "core/MerkleTree.h"
#include "tests/support/AuditEventSamples.h"
#include "tests/support/NoteSigner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace mandate;
using mandate::client::LocalCache;
using mandate::client::LogWitness;
using mandate::test::NoteSigner;
using State = LogWitness::Status::State;

namespace {

// A log of sample events kept as a server keeps it: every perfect subtree, so proofs cost O(log n).
struct Log
{
    QList<AuditEvent> events;
    QMap<QPair<int, qint64>, QByteArray> nodes;

    // `variant` changes every event's payload: the same number of events, another history.
    explicit Log(int size, int variant = 0)
    {
        MerkleFrontier frontier;
        for (AuditEvent event : test::AuditEventSamples::chain(size)) {
            if (variant)
                event.data.insert(QStringLiteral("variant"), variant);
            const QByteArray leaf = AuditChain::leafHash(event);
            event.leafHash = QString::fromLatin1(leaf.toHex());
            events.append(event);
            for (const MerkleFrontier::Subtree &s : frontier.append(leaf))
                nodes.insert({s.level, s.index}, s.hash);
        }
    }
    MerkleTree::PerfectSubtrees reader() const
    {
        return [this](int level, qint64 index) -> std::optional<QByteArray> {
            const auto it = nodes.constFind({level, index});
            return it == nodes.cend() ? std::nullopt : std::optional<QByteArray>(*it);
        };
    }
};

QJsonArray hex(const QList<QByteArray> &hashes)
{
    QJsonArray out;
    for (const QByteArray &hash : hashes)
        out.append(QString::fromLatin1(hash.toHex()));
    return out;
}

// Just enough of mandate-server's public log endpoints, over a real socket, to play an honest log, a
// rewritten one and one under a new key.
class StubLogServer : public QObject
{
public:
    StubLogServer()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { answer(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        m_server.listen(QHostAddress::LocalHost, 0);
    }

    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }
    void serve(const Log *log, qint64 size, const NoteSigner *signer)
    {
        m_log = log;
        m_size = size;
        m_signer = signer;
    }
    void goAway() { m_server.close(); }

private:
    void answer(QTcpSocket *socket)
    {
        const QByteArray request = socket->readAll();
        const QUrl target(QString::fromLatin1(request.split(' ').value(1)));
        const QUrlQuery query(target);
        const auto number = [&query](const char *name) {
            return query.queryItemValue(QString::fromLatin1(name)).toLongLong();
        };
        QJsonObject body;
        if (target.path() == u"/v1/audit/checkpoint") {
            const QByteArray root = *MerkleTree::root(m_size, m_log->reader());
            body = {
                {QStringLiteral("tree_size"), m_size},
                {QStringLiteral("root_hash"), QString::fromLatin1(root.toBase64())},
                {QStringLiteral("checkpoint"),
                 QString::fromUtf8(m_signer->note(Checkpoint{m_signer->name(), m_size, root, {}}.text()))},
                {QStringLiteral("verifier_key"), m_signer->verifier().toString()}};
        } else if (target.path() == u"/v1/audit/proofs/consistency") {
            body = {{QStringLiteral("from"), number("from")},
                    {QStringLiteral("to"), number("to")},
                    {QStringLiteral("proof"),
                     hex(*MerkleTree::consistencyProof(number("from"), number("to"), m_log->reader()))}};
        } else if (target.path() == u"/v1/audit/proofs/inclusion") {
            const qint64 leaf = number("seq") - 1;
            body = {{QStringLiteral("leaf_index"), leaf},
                    {QStringLiteral("tree_size"), number("tree_size")},
                    {QStringLiteral("leaf_hash"), m_log->events.at(leaf).leafHash},
                    {QStringLiteral("audit_path"),
                     hex(*MerkleTree::inclusionProof(leaf, number("tree_size"), m_log->reader()))}};
        }
        const QByteArray json = QJsonDocument(body).toJson(QJsonDocument::Compact);
        socket->write((body.isEmpty() ? "HTTP/1.1 404 Not Found\r\n" : "HTTP/1.1 200 OK\r\n") +
                      QByteArray("Content-Type: application/json\r\nConnection: close\r\nContent-Length: ") +
                      QByteArray::number(json.size()) + "\r\n\r\n" + json);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    const Log *m_log = nullptr;
    qint64 m_size = 0;
    const NoteSigner *m_signer = nullptr;
};

const NoteSigner LogKey(QStringLiteral("stub.mandate.test/log"), QByteArray(32, '\x05'));
const NoteSigner NewKey(QStringLiteral("stub.mandate.test/log"), QByteArray(32, '\x06'));

} // namespace

// The console's witness against a stub of the log endpoints: what it keeps, what it refuses, and
// that a refusal leaves the kept checkpoint alone. The real server's side is in tst_ConsoleUi.
class TstLogWitness : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    StubLogServer m_stub;
    client::ApiClient m_client;
    client::MandateApi m_api{m_client};
    std::unique_ptr<LocalCache> m_cache;
    Log m_log{40};
    Log m_rewritten{40, 1};

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
        if (!spy.wait(10000) && spy.isEmpty())
            return {};
        return spy.first().first().value<LogWitness::InclusionCheck>();
    }

private Q_SLOTS:
    void init()
    {
        m_cache = std::make_unique<LocalCache>(m_dir.filePath(QStringLiteral("cache-%1.sqlite"))
                                                   .arg(QString::fromLatin1(QTest::currentTestFunction())));
        m_cache->setScope(m_stub.url().toString(), QStringLiteral("alice"));
        m_client.setServer(m_stub.url());
        m_stub.serve(&m_log, 5, &LogKey);
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
            m_stub.serve(&m_log, size, &LogKey);
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
            m_stub.serve(&m_rewritten, size, &LogKey);
            const LogWitness::Status status = check(witness);
            QCOMPARE(status.state, State::Refused);
            QCOMPARE(status.error, LogError::ConsistencyMismatch);
            QVERIFY(!status.keyChanged);
            QCOMPARE(status.treeSize, 5);
            QCOMPARE(m_cache->loadCheckpoint()->note, keptNote);
        }
        // Going back to the honest log is fine again: the kept checkpoint was never replaced.
        m_stub.serve(&m_log, 9, &LogKey);
        QCOMPARE(check(witness).state, State::Verified);
    }

    void aShrunkenLogIsRefused()
    {
        m_stub.serve(&m_log, 9, &LogKey);
        LogWitness witness(m_api, *m_cache);
        check(witness);
        m_stub.serve(&m_log, 8, &LogKey);
        const LogWitness::Status status = check(witness);
        QCOMPARE(status.state, State::Refused);
        QCOMPARE(status.error, LogError::TreeShrank);
        QCOMPARE(m_cache->loadCheckpoint()->treeSize, 9);
    }

    void aNewKeyIsReportedNotTaken()
    {
        LogWitness witness(m_api, *m_cache);
        check(witness);
        m_stub.serve(&m_log, 9, &NewKey);
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
        m_stub.serve(&m_log, 17, &LogKey);
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
        m_stub.serve(&m_log, 30, &LogKey);
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
        m_stub.serve(&m_rewritten, 5, &LogKey);
        AuditEvent rewritten = m_rewritten.events.at(2);
        QCOMPARE(prove(witness, rewritten).error, LogError::InclusionMismatch);
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
