#include "core/MerkleFrontier.h"

#include <bit>

namespace mandate {

std::optional<MerkleFrontier> MerkleFrontier::load(qint64 size, const MerkleTree::PerfectSubtrees &subtrees)
{
    if (size < 0)
        return std::nullopt;
    MerkleFrontier frontier;
    qint64 begin = 0;
    for (int level = 62; level >= 0; --level) {
        const qint64 width = qint64{1} << level;
        if ((size & width) == 0)
            continue;
        std::optional<MerkleTree::Hash> hash = subtrees(level, begin >> level);
        if (!hash || hash->size() != MerkleTree::HashSize)
            return std::nullopt;
        frontier.m_edge.append({level, begin >> level, std::move(*hash)});
        begin += width;
    }
    frontier.m_size = size;
    return frontier;
}

QList<MerkleFrontier::Subtree> MerkleFrontier::append(const MerkleTree::Hash &leafHash)
{
    QList<Subtree> completed{{0, m_size, leafHash}};
    Subtree current = completed.first();
    // Two neighbours of one size merge into their parent, as binary addition carries.
    while (!m_edge.isEmpty() && m_edge.last().level == current.level) {
        const Subtree left = m_edge.takeLast();
        current = {current.level + 1, left.index >> 1, MerkleTree::nodeHash(left.hash, current.hash)};
        completed.append(current);
    }
    m_edge.append(current);
    ++m_size;
    return completed;
}

MerkleTree::Hash MerkleFrontier::root() const
{
    if (m_edge.isEmpty())
        return MerkleTree::emptyRoot();
    MerkleTree::Hash hash = m_edge.last().hash;
    for (qsizetype i = m_edge.size() - 2; i >= 0; --i)
        hash = MerkleTree::nodeHash(m_edge.at(i).hash, hash);
    return hash;
}

} // namespace mandate
