#pragma once

#include "core/LogError.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <functional>
#include <optional>

namespace mandate {

// RFC 9162 §2.1 Merkle tree hashing and proofs. A hash is 32 raw bytes (SHA-256).
//
// Proofs are built from the hashes of *perfect* subtrees (2^level leaves starting at leaf
// index·2^level), which is what a log keeps: with every perfect subtree stored, a proof for any
// leaf or any pair of sizes reads O(log n) of them and never a leaf it does not need.
class MerkleTree
{
public:
    using Hash = QByteArray;
    // The hash of the perfect subtree (level, index), or nothing if it cannot be read.
    using PerfectSubtrees = std::function<std::optional<Hash>(int level, qint64 index)>;

    static Hash emptyRoot();                                   // SHA-256 of nothing
    static Hash leafHash(QByteArrayView leaf);                 // SHA-256(0x00 ‖ leaf)
    static Hash nodeHash(const Hash &left, const Hash &right); // SHA-256(0x01 ‖ left ‖ right)

    // The root of the first `treeSize` leaves.
    static std::optional<Hash> root(qint64 treeSize, const PerfectSubtrees &subtrees);
    // RFC 9162 §2.1.3.1 PATH(leafIndex, D[treeSize]); needs leafIndex < treeSize.
    static std::optional<QList<Hash>> inclusionProof(qint64 leafIndex, qint64 treeSize,
                                                     const PerfectSubtrees &subtrees);
    // RFC 9162 §2.1.4.1 PROOF(from, D[to]); needs 0 < from <= to.
    static std::optional<QList<Hash>> consistencyProof(qint64 from, qint64 to,
                                                       const PerfectSubtrees &subtrees);

    // RFC 9162 §2.1.3.2.
    static LogError verifyInclusion(qint64 leafIndex, qint64 treeSize, const Hash &leafHash,
                                    const QList<Hash> &proof, const Hash &root);
    // RFC 9162 §2.1.4.2, and for from == to: an empty proof and equal roots.
    static LogError verifyConsistency(qint64 from, qint64 to, const QList<Hash> &proof, const Hash &fromRoot,
                                      const Hash &toRoot);

    static constexpr qsizetype HashSize = 32;
};

} // namespace mandate
