#include "core/AuditChain.h"
#include "core/AuditEventCodec.h"
#include "core/AuditReceipt.h"
#include "core/Checkpoint.h"
#include "core/CheckpointWitness.h"
#include "core/MerkleFrontier.h"
#include "core/SignedNote.h"
#include "tests/support/AuditEventSamples.h"
#include "tests/support/NoteSigner.h"

#include <QMap>
#include <QTest>

using namespace mandate;
using mandate::test::NoteSigner;

namespace {

// golang.org/x/mod/sumdb/note's published example, signed by an implementation no one here wrote.
const QString PeterKey = QStringLiteral("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
const QByteArray PeterSeedB64 = "AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"; // 0x01 ‖ seed
const QByteArray PeterText = "If you think cryptography is the answer to your problem,\n"
                             "then you don't know what your problem is.\n";
const QByteArray PeterNote =
    PeterText +
    "\n\xE2\x80\x94 PeterNeumann "
    "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

const QByteArray LogSeed(32, '\x07');
const NoteSigner LogSigner(QStringLiteral("mandate.test/log"), LogSeed);
const NoteSigner OtherSigner(QStringLiteral("witness.test/w1"), QByteArray(32, '\x09'));

// A log of `size` sample events, as the server keeps it.
struct Log
{
    QList<QJsonObject> events;
    QMap<QPair<int, qint64>, QByteArray> nodes;
    MerkleFrontier frontier;

    explicit Log(int size)
    {
        for (AuditEvent event : test::AuditEventSamples::chain(size)) {
            const QByteArray leaf = AuditChain::leafHash(event);
            event.leafHash = QString::fromLatin1(leaf.toHex());
            events.append(AuditEventCodec::toJson(event));
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
    QByteArray checkpoint(qint64 size, const NoteSigner &signer = LogSigner) const
    {
        return signer.note(Checkpoint{signer.name(), size, *MerkleTree::root(size, reader()), {}}.text());
    }
    AuditReceipt receipt(qint64 leaf, qint64 size) const
    {
        AuditReceipt receipt;
        receipt.event = events.at(leaf);
        receipt.leafIndex = leaf;
        receipt.treeSize = size;
        receipt.leafHash = AuditChain::leafHash(events.at(leaf));
        receipt.auditPath = *MerkleTree::inclusionProof(leaf, size, reader());
        receipt.checkpoint = checkpoint(size);
        receipt.verifierKey = LogSigner.verifier().toString();
        return receipt;
    }
};

} // namespace

class tst_SignedNote : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theGoReferenceNoteVerifiesAndIsReproducedByteForByte()
    {
        const std::optional<NoteVerifierKey> key = NoteVerifierKey::parse(PeterKey);
        QVERIFY(key);
        QCOMPARE(key->name(), QStringLiteral("PeterNeumann"));
        QCOMPARE(key->keyId(), 0xc74f20a3U);
        QCOMPARE(key->toString(), PeterKey);
        const Expected<QByteArray, LogError> text = SignedNote::open(PeterNote, *key);
        QVERIFY(text);
        QCOMPARE(*text, PeterText);

        const NoteSigner peter(QStringLiteral("PeterNeumann"), QByteArray::fromBase64(PeterSeedB64).mid(1));
        QCOMPARE(peter.verifier().toString(), PeterKey);
        QCOMPARE(peter.note(PeterText), PeterNote);
    }

    // transparency-dev/formats' test key, whose base64 holds a '+' of its own.
    void aVerifierKeyWhoseKeyDataContainsAPlusIsRead()
    {
        const QString plusKey = QStringLiteral("TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6");
        const std::optional<NoteVerifierKey> key = NoteVerifierKey::parse(plusKey);
        QVERIFY(key);
        QCOMPARE(key->name(), QStringLiteral("TEST"));
        QCOMPARE(key->toString(), plusKey);
    }

    void verifierKeysThatAreNotExactlyRightAreRefused_data()
    {
        QTest::addColumn<QString>("key");
        QTest::newRow("wrong id") << QStringLiteral(
            "PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
        QTest::newRow("upper-case id")
            << QStringLiteral("PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
        QTest::newRow("other name") << QStringLiteral(
            "PeterNeuman+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
        QTest::newRow("short key") << QStringLiteral(
            "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10");
        QTest::newRow("not ed25519") << QStringLiteral(
            "PeterNeumann+c74f20a3+Alpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
        QTest::newRow("missing part")
            << QStringLiteral("PeterNeumann+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
        QTest::newRow("space in name")
            << QStringLiteral("Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
    }
    void verifierKeysThatAreNotExactlyRightAreRefused()
    {
        QFETCH(QString, key);
        QVERIFY(!NoteVerifierKey::parse(key));
    }

    void eachWayOfBreakingACheckpointHasItsOwnError()
    {
        const Log log(5);
        const NoteVerifierKey key = LogSigner.verifier();
        const QByteArray good = log.checkpoint(5);
        QVERIFY(Checkpoint::open(good, key));
        QCOMPARE(Checkpoint::open(good, key)->treeSize, 5);

        QByteArray edited = good;
        edited.replace("\n5\n", "\n6\n");
        QCOMPARE(Checkpoint::open(edited, key).error(), LogError::BadSignature);
        QCOMPARE(Checkpoint::open(good, OtherSigner.verifier()).error(), LogError::NotSignedByKey);
        QCOMPARE(Checkpoint::open(log.checkpoint(5, OtherSigner), key).error(), LogError::NotSignedByKey);
        QByteArray noBlank = good;
        noBlank.replace("=\n\n", "=\n");
        QCOMPARE(Checkpoint::open(noBlank, key).error(), LogError::MalformedNote);
        QCOMPARE(Checkpoint::open(QByteArray(good).replace('\n', "\r\n"), key).error(),
                 LogError::MalformedNote);
        const QByteArray notACheckpoint = LogSigner.note("mandate.test/log\nfive\n");
        QCOMPARE(Checkpoint::open(notACheckpoint, key).error(), LogError::MalformedCheckpoint);
        const NoteSigner renamed(QStringLiteral("mandate.test/other"), LogSeed);
        QCOMPARE(Checkpoint::open(renamed.note(Checkpoint{
                                      QStringLiteral("mandate.test/log"),
                                      5,
                                      *MerkleTree::root(5, log.reader()),
                                      {}}.text()),
                                  renamed.verifier())
                     .error(),
                 LogError::OriginMismatch);

        // A second line that claims the log's key but carries another key's signature: refused.
        const QByteArray forged =
            good + SignedNote::signatureLine(key.name(), key.keyId(),
                                             OtherSigner.sign(*SignedNote::open(good, key)));
        QCOMPARE(Checkpoint::open(forged, key).error(), LogError::BadSignature);
        // A witness's cosignature from another key is not the log's business (C2SP: ignore unknown keys).
        const QByteArray text = *SignedNote::open(good, key);
        const QByteArray cosigned =
            good + SignedNote::signatureLine(OtherSigner.name(), OtherSigner.verifier().keyId(),
                                             OtherSigner.sign(text));
        QVERIFY(Checkpoint::open(cosigned, key));
    }

    void checkpointTextFollowsTheTlogCheckpointFormat()
    {
        const Checkpoint checkpoint{QStringLiteral("example.com/behind-the-sofa"),
                                    20852163,
                                    QByteArray::fromBase64("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I="),
                                    {}};
        QCOMPARE(
            checkpoint.text(),
            QByteArray(
                "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n"));
        QCOMPARE(Checkpoint::parse(checkpoint.text()), checkpoint);
        QVERIFY(!Checkpoint::parse("o\n020852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n"));
        QVERIFY(!Checkpoint::parse("o\n-1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n"));
        QVERIFY(!Checkpoint::parse("o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I\n"));
        QVERIFY(!Checkpoint::parse("o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n"));
        QCOMPARE(Checkpoint::parse("o\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\next\n")->extensions,
                 QStringList{QStringLiteral("ext")});
    }

    void aWitnessAcceptsOnlyAnAppendOnlyHistory()
    {
        const Log log(12);
        const CheckpointWitness witness(LogSigner.verifier());
        QVERIFY(witness.accept(std::nullopt, log.checkpoint(4), {}));
        const QList<QByteArray> proof = *MerkleTree::consistencyProof(4, 12, log.reader());
        QCOMPARE(witness.accept(log.checkpoint(4), log.checkpoint(12), proof)->treeSize, 12);
        QCOMPARE(witness.accept(log.checkpoint(12), log.checkpoint(4), {}).error(), LogError::TreeShrank);

        // The same history rewritten from event 3 on and re-signed with the same key.
        Log rewritten(12);
        rewritten.nodes.clear();
        rewritten.frontier = MerkleFrontier();
        for (int i = 0; i < 12; ++i) {
            const QByteArray leaf =
                MerkleTree::leafHash(i == 2 ? QByteArray("edited") : QByteArray::number(i));
            for (const MerkleFrontier::Subtree &s : rewritten.frontier.append(leaf))
                rewritten.nodes.insert({s.level, s.index}, s.hash);
        }
        const QList<QByteArray> forkProof = *MerkleTree::consistencyProof(4, 12, rewritten.reader());
        QCOMPARE(witness.accept(log.checkpoint(4), rewritten.checkpoint(12), forkProof).error(),
                 LogError::ConsistencyMismatch);
        QCOMPARE(witness.accept(log.checkpoint(4), log.checkpoint(12, OtherSigner), proof).error(),
                 LogError::NotSignedByKey);
    }

    void aReceiptProvesItsEventOfflineAndNothingElse()
    {
        const Log log(9);
        for (qint64 leaf : {0, 4, 8}) {
            const AuditReceipt receipt = log.receipt(leaf, 9);
            QCOMPARE(receipt.verify(LogSigner.verifier()), LogError::None);
            const std::optional<AuditReceipt> reread = AuditReceipt::fromJson(receipt.toJson());
            QVERIFY(reread);
            QCOMPARE(reread->verify(), LogError::None);
        }
        AuditReceipt edited = log.receipt(4, 9);
        QJsonObject data = edited.event.value(QStringLiteral("data")).toObject();
        data.insert(QStringLiteral("n"), 400);
        edited.event.insert(QStringLiteral("data"), data);
        QCOMPARE(edited.verify(LogSigner.verifier()), LogError::LeafMismatch);

        AuditReceipt wrongKey = log.receipt(4, 9);
        QCOMPARE(wrongKey.verify(OtherSigner.verifier()), LogError::NotSignedByKey);

        AuditReceipt otherSize = log.receipt(4, 9);
        otherSize.checkpoint = log.checkpoint(8);
        QCOMPARE(otherSize.verify(), LogError::WrongTreeSize);

        AuditReceipt tamperedPath = log.receipt(4, 9);
        tamperedPath.auditPath[1][0] = char(tamperedPath.auditPath[1][0] ^ 1);
        QCOMPARE(tamperedPath.verify(), LogError::InclusionMismatch);

        QJsonObject missing = log.receipt(4, 9).toJson();
        missing.remove(QStringLiteral("checkpoint"));
        QVERIFY(!AuditReceipt::fromJson(missing));
    }
};

QTEST_APPLESS_MAIN(tst_SignedNote)
#include "tst_SignedNote.moc"
