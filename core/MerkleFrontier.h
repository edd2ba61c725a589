#pragma once

#include "core/MerkleTree.h"

#include <QList>

namespace mandate {

// The right edge of a growing Merkle tree: the perfect subtrees that make up its first n leaves,
// largest first (one per set bit of n). Appending a leaf says which perfect subtrees it completes,
// which is what a log stores; the root folds the edge. O(log n) memory for any number of leaves,
// so the sequencer and a whole-log verification both stream.
class MerkleFrontier
{
public:
    struct Subtree
    {
        int level = 0;
        qint64 index = 0;
        MerkleTree::Hash hash;
    };

    MerkleFrontier() = default;
    // The frontier of a tree of `size` leaves, read from its perfect subtrees; empty on a failed read.
    static std::optional<MerkleFrontier> load(qint64 size, const MerkleTree::PerfectSubtrees &subtrees);

    qint64 size() const { return m_size; }
    // Appends one leaf hash; returns the perfect subtrees it completed, the leaf itself first.
    QList<Subtree> append(const MerkleTree::Hash &leafHash);
    MerkleTree::Hash root() const;

private:
    QList<Subtree> m_edge; // largest (leftmost) first
    qint64 m_size = 0;
};

} // namespace mandate
