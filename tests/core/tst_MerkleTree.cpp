#include "core/MerkleFrontier.h"
#include "core/MerkleTree.h"

#include <QCryptographicHash>
#include <QMap>
#include <QTest>

using namespace mandate;

namespace {

using Hash = MerkleTree::Hash;

Hash h(const char *hex)
{
    return QByteArray::fromHex(hex);
}

// The RFC 6962 / RFC 9162 test leaves used by Certificate Transparency's own tests.
QList<QByteArray> ctLeaves()
{
    return {h(""),
            h("00"),
            h("10"),
            h("2021"),
            h("3031"),
            h("40414243"),
            h("5051525354555657"),
            h("606162636465666768696a6b6c6d6e6f")};
}

// An independent reference: RFC 9162 §2.1.1 MTH, written straight from its definition.
Hash referenceRoot(const QList<QByteArray> &leaves)
{
    const auto n = leaves.size();
    if (n == 0)
        return QCryptographicHash::hash(QByteArray(), QCryptographicHash::Sha256);
    if (n == 1)
        return QCryptographicHash::hash(QByteArray(QByteArray(1, '\0') + leaves.first()),
                                        QCryptographicHash::Sha256);
    qsizetype k = 1;
    while (k * 2 < n)
        k *= 2;
    const QByteArray node =
        QByteArray(1, '\1') + referenceRoot(leaves.first(k)) + referenceRoot(leaves.mid(k));
    return QCryptographicHash::hash(node, QCryptographicHash::Sha256);
}

// A log's store: every perfect subtree the frontier completes, as the server keeps them. Counts
// reads, so a test can hold proofs to O(log n).
struct SubtreeStore
{
    QMap<QPair<int, qint64>, Hash> nodes;
    mutable int reads = 0;

    MerkleTree::PerfectSubtrees reader() const
    {
        return [this](int level, qint64 index) -> std::optional<Hash> {
            ++reads;
            const auto it = nodes.constFind({level, index});
            if (it == nodes.cend())
                return std::nullopt;
            return *it;
        };
    }
};

SubtreeStore storeOf(const QList<QByteArray> &leaves, MerkleFrontier *frontier = nullptr)
{
    SubtreeStore store;
    MerkleFrontier grown;
    for (const QByteArray &leaf : leaves) {
        for (const MerkleFrontier::Subtree &subtree : grown.append(MerkleTree::leafHash(leaf)))
            store.nodes.insert({subtree.level, subtree.index}, subtree.hash);
    }
    if (frontier)
        *frontier = grown;
    return store;
}

QList<QByteArray> numberedLeaves(int count)
{
    QList<QByteArray> leaves;
    for (int i = 0; i < count; ++i)
        leaves.append("leaf " + QByteArray::number(i));
    return leaves;
}

} // namespace

class tst_MerkleTree : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rootsMatchTheCertificateTransparencyVectors_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<QByteArray>("root");
        QTest::newRow("0") << 0 << h("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        QTest::newRow("1") << 1 << h("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
        QTest::newRow("2") << 2 << h("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");
        QTest::newRow("3") << 3 << h("aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77");
        QTest::newRow("4") << 4 << h("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        QTest::newRow("5") << 5 << h("4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4");
        QTest::newRow("6") << 6 << h("76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef");
        QTest::newRow("7") << 7 << h("ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c");
        QTest::newRow("8") << 8 << h("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
    }
    void rootsMatchTheCertificateTransparencyVectors()
    {
        QFETCH(int, size);
        QFETCH(QByteArray, root);
        MerkleFrontier frontier;
        const SubtreeStore store = storeOf(ctLeaves().first(size), &frontier);
        QCOMPARE(frontier.root().toHex(), root.toHex());
        QCOMPARE(MerkleTree::root(size, store.reader())->toHex(), root.toHex());
    }

    void proofsMatchTheCertificateTransparencyVectors()
    {
        const SubtreeStore store = storeOf(ctLeaves());
        const auto hex = [](const std::optional<QList<Hash>> &proof) {
            QByteArrayList out;
            for (const Hash &hash : proof.value_or(QList<Hash>{}))
                out.append(hash.toHex());
            return out;
        };
        QCOMPARE(hex(MerkleTree::inclusionProof(0, 8, store.reader())),
                 QByteArrayList({"96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                                 "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                                 "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"}));
        QCOMPARE(hex(MerkleTree::inclusionProof(5, 8, store.reader())),
                 QByteArrayList({"bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                                 "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                                 "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"}));
        QCOMPARE(hex(MerkleTree::inclusionProof(2, 3, store.reader())),
                 QByteArrayList({"fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"}));
        QCOMPARE(hex(MerkleTree::consistencyProof(6, 8, store.reader())),
                 QByteArrayList({"0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                                 "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                                 "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"}));
        QCOMPARE(hex(MerkleTree::consistencyProof(2, 5, store.reader())),
                 QByteArrayList({"5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                                 "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"}));
        QVERIFY(hex(MerkleTree::consistencyProof(8, 8, store.reader())).isEmpty());
    }

    // Every leaf of every size up to 40, and every pair of sizes: proofs built from stored subtrees
    // verify against the reference root, and a flipped bit anywhere is refused.
    void everyLeafAndEveryPairOfSizesVerifies()
    {
        const QList<QByteArray> leaves = numberedLeaves(40);
        const SubtreeStore store = storeOf(leaves);
        QList<Hash> roots{referenceRoot({})};
        for (qsizetype n = 1; n <= leaves.size(); ++n)
            roots.append(referenceRoot(leaves.first(n)));

        for (qint64 n = 1; n <= leaves.size(); ++n) {
            QCOMPARE(MerkleTree::root(n, store.reader()), roots.at(n));
            for (qint64 i = 0; i < n; ++i) {
                const QList<Hash> proof = *MerkleTree::inclusionProof(i, n, store.reader());
                const Hash leaf = MerkleTree::leafHash(leaves.at(i));
                QCOMPARE(MerkleTree::verifyInclusion(i, n, leaf, proof, roots.at(n)), LogError::None);
                if (!proof.isEmpty()) {
                    QList<Hash> tampered = proof;
                    tampered.last()[0] = char(tampered.last().at(0) ^ 1);
                    QCOMPARE(MerkleTree::verifyInclusion(i, n, leaf, tampered, roots.at(n)),
                             LogError::InclusionMismatch);
                }
                if (n > 1) // the same proof claimed for a neighbouring leaf or a larger tree
                    QCOMPARE(MerkleTree::verifyInclusion((i + 1) % n, n, leaf, proof, roots.at(n)),
                             LogError::InclusionMismatch);
            }
            for (qint64 m = 1; m <= n; ++m) {
                const QList<Hash> proof = *MerkleTree::consistencyProof(m, n, store.reader());
                QCOMPARE(MerkleTree::verifyConsistency(m, n, proof, roots.at(m), roots.at(n)),
                         LogError::None);
                if (m < n) {
                    QList<Hash> tampered = proof;
                    tampered.first()[3] = char(tampered.first().at(3) ^ 0x40);
                    QCOMPARE(MerkleTree::verifyConsistency(m, n, tampered, roots.at(m), roots.at(n)),
                             LogError::ConsistencyMismatch);
                    // A forked history: same sizes, another old root.
                    QCOMPARE(MerkleTree::verifyConsistency(m, n, proof, roots.at(m - 1), roots.at(n)),
                             LogError::ConsistencyMismatch);
                }
            }
        }
    }

    void wrongSizesAndMalformedProofsAreRefusedDistinctly()
    {
        const SubtreeStore store = storeOf(numberedLeaves(7));
        const Hash root = *MerkleTree::root(7, store.reader());
        const Hash leaf = MerkleTree::leafHash("leaf 3");
        const QList<Hash> proof = *MerkleTree::inclusionProof(3, 7, store.reader());
        QCOMPARE(MerkleTree::verifyInclusion(1, 2, leaf, proof, root), LogError::InclusionMismatch);
        QCOMPARE(MerkleTree::verifyInclusion(7, 7, leaf, proof, root), LogError::IndexBeyondTree);
        QCOMPARE(MerkleTree::verifyInclusion(3, 7, leaf, {QByteArray(31, 'x')}, root),
                 LogError::MalformedProof);
        QCOMPARE(MerkleTree::verifyInclusion(3, 7, leaf, QList<Hash>(65, QByteArray(32, 'x')), root),
                 LogError::MalformedProof);
        QCOMPARE(MerkleTree::verifyConsistency(7, 5, {}, root, root), LogError::TreeShrank);
        QCOMPARE(MerkleTree::verifyConsistency(3, 7, {}, root, root), LogError::ConsistencyMismatch);
        QVERIFY(!MerkleTree::inclusionProof(7, 7, store.reader()));
        QVERIFY(!MerkleTree::consistencyProof(0, 7, store.reader()));
        QVERIFY(!MerkleTree::consistencyProof(5, 4, store.reader()));
        QVERIFY(!MerkleTree::root(8, store.reader())); // beyond what is stored
    }

    // A stored log answers a proof from a handful of subtrees, not from its leaves.
    void proofsReadLogarithmicallyManySubtrees()
    {
        const SubtreeStore store = storeOf(numberedLeaves(5000));
        store.reads = 0;
        QVERIFY(MerkleTree::inclusionProof(1234, 4999, store.reader()));
        QVERIFY2(store.reads <= 2 * 13, qPrintable(QString::number(store.reads)));
        store.reads = 0;
        QVERIFY(MerkleTree::consistencyProof(3333, 4999, store.reader()));
        QVERIFY2(store.reads <= 2 * 13, qPrintable(QString::number(store.reads)));
    }

    void aFrontierReloadedFromStoredSubtreesGoesOnAsBefore()
    {
        const QList<QByteArray> leaves = numberedLeaves(77);
        MerkleFrontier grown;
        SubtreeStore store = storeOf(leaves.first(45), &grown);
        std::optional<MerkleFrontier> reloaded = MerkleFrontier::load(45, store.reader());
        QVERIFY(reloaded);
        QCOMPARE(reloaded->root(), grown.root());
        for (qsizetype i = 45; i < leaves.size(); ++i) {
            for (const MerkleFrontier::Subtree &s : reloaded->append(MerkleTree::leafHash(leaves.at(i))))
                store.nodes.insert({s.level, s.index}, s.hash);
        }
        QCOMPARE(reloaded->size(), 77);
        QCOMPARE(reloaded->root(), referenceRoot(leaves));
        QVERIFY(!MerkleFrontier::load(78, store.reader()));
    }
};

QTEST_APPLESS_MAIN(tst_MerkleTree)
#include "tst_MerkleTree.moc"
