#include "core/MerkleTree.h"

#include "core/Sha256.h"

#include <QHash>

#include <algorithm>
#include <bit>

namespace mandate {

namespace {

// A log of 2^63 leaves has paths of 63 hashes; a longer proof is an attack on the verifier.
constexpr qsizetype MaxProofLength = 64;

qint64 largestPowerOfTwoBelow(qint64 n)
{
    return qint64{1} << (std::bit_width(static_cast<quint64>(n - 1)) - 1);
}

// Hashes of leaf ranges [begin, end) from perfect subtrees, each read at most once per proof: the
// ranges a proof needs along the tree's right edge share their perfect parts.
class RangeHasher
{
public:
    explicit RangeHasher(const MerkleTree::PerfectSubtrees &subtrees)
        : m_subtrees(subtrees)
    {}

    std::optional<MerkleTree::Hash> hash(qint64 begin, qint64 end)
    {
        const qint64 size = end - begin;
        if (std::has_single_bit(static_cast<quint64>(size)) && begin % size == 0) {
            const int level = std::countr_zero(static_cast<quint64>(size));
            const auto key = qMakePair(level, begin >> level);
            if (const auto kept = m_read.constFind(key); kept != m_read.cend())
                return *kept;
            std::optional<MerkleTree::Hash> read = m_subtrees(level, begin >> level);
            if (!read || read->size() != MerkleTree::HashSize)
                return std::nullopt;
            m_read.insert(key, *read);
            return read;
        }
        const qint64 split = begin + largestPowerOfTwoBelow(size);
        const std::optional<MerkleTree::Hash> left = hash(begin, split);
        const std::optional<MerkleTree::Hash> right = left ? hash(split, end) : std::nullopt;
        if (!right)
            return std::nullopt;
        return MerkleTree::nodeHash(*left, *right);
    }

    // PATH(leaf, D[begin:end]) of RFC 9162 §2.1.3.1, appended to `proof`.
    bool path(qint64 leaf, qint64 begin, qint64 end, QList<MerkleTree::Hash> &proof)
    {
        if (end - begin == 1)
            return true;
        const qint64 split = begin + largestPowerOfTwoBelow(end - begin);
        const bool inLeft = leaf < split;
        if (!(inLeft ? path(leaf, begin, split, proof) : path(leaf, split, end, proof)))
            return false;
        std::optional<MerkleTree::Hash> sibling = inLeft ? hash(split, end) : hash(begin, split);
        if (!sibling)
            return false;
        proof.append(std::move(*sibling));
        return true;
    }

    // SUBPROOF(oldEnd, D[begin:end], whole) of RFC 9162 §2.1.4.1, with oldEnd absolute.
    bool subproof(qint64 oldEnd, qint64 begin, qint64 end, bool whole, QList<MerkleTree::Hash> &proof)
    {
        if (oldEnd == end) {
            if (whole)
                return true;
            std::optional<MerkleTree::Hash> same = hash(begin, end);
            if (!same)
                return false;
            proof.append(std::move(*same));
            return true;
        }
        const qint64 split = begin + largestPowerOfTwoBelow(end - begin);
        const bool inLeft = oldEnd <= split;
        if (!(inLeft ? subproof(oldEnd, begin, split, whole, proof)
                     : subproof(oldEnd, split, end, false, proof)))
            return false;
        std::optional<MerkleTree::Hash> other = inLeft ? hash(split, end) : hash(begin, split);
        if (!other)
            return false;
        proof.append(std::move(*other));
        return true;
    }

private:
    const MerkleTree::PerfectSubtrees &m_subtrees;
    QHash<QPair<int, qint64>, MerkleTree::Hash> m_read;
};

bool wellFormed(const QList<MerkleTree::Hash> &proof)
{
    if (proof.size() > MaxProofLength)
        return false;
    return std::all_of(proof.cbegin(), proof.cend(),
                       [](const MerkleTree::Hash &h) { return h.size() == MerkleTree::HashSize; });
}

} // namespace

MerkleTree::Hash MerkleTree::emptyRoot()
{
    return Sha256::of({});
}

MerkleTree::Hash MerkleTree::leafHash(QByteArrayView leaf)
{
    return Sha256::of({QByteArrayView("\x00", 1), leaf});
}

MerkleTree::Hash MerkleTree::nodeHash(const Hash &left, const Hash &right)
{
    return Sha256::of({QByteArrayView("\x01", 1), left, right});
}

std::optional<MerkleTree::Hash> MerkleTree::root(qint64 treeSize, const PerfectSubtrees &subtrees)
{
    if (treeSize < 0)
        return std::nullopt;
    if (treeSize == 0)
        return emptyRoot();
    return RangeHasher(subtrees).hash(0, treeSize);
}

std::optional<QList<MerkleTree::Hash>> MerkleTree::inclusionProof(qint64 leafIndex, qint64 treeSize,
                                                                  const PerfectSubtrees &subtrees)
{
    if (leafIndex < 0 || leafIndex >= treeSize)
        return std::nullopt;
    QList<Hash> proof;
    if (!RangeHasher(subtrees).path(leafIndex, 0, treeSize, proof))
        return std::nullopt;
    return proof;
}

std::optional<QList<MerkleTree::Hash>> MerkleTree::consistencyProof(qint64 from, qint64 to,
                                                                    const PerfectSubtrees &subtrees)
{
    if (from <= 0 || from > to)
        return std::nullopt;
    QList<Hash> proof;
    if (!RangeHasher(subtrees).subproof(from, 0, to, true, proof))
        return std::nullopt;
    return proof;
}

LogError MerkleTree::verifyInclusion(qint64 leafIndex, qint64 treeSize, const Hash &leafHash,
                                     const QList<Hash> &proof, const Hash &root)
{
    if (!wellFormed(proof) || leafHash.size() != HashSize || root.size() != HashSize)
        return LogError::MalformedProof;
    if (leafIndex < 0 || leafIndex >= treeSize)
        return LogError::IndexBeyondTree;
    quint64 fn = static_cast<quint64>(leafIndex);
    quint64 sn = static_cast<quint64>(treeSize - 1);
    Hash r = leafHash;
    for (const Hash &p : proof) {
        if (sn == 0)
            return LogError::InclusionMismatch;
        if ((fn & 1U) != 0 || fn == sn) {
            r = nodeHash(p, r);
            while ((fn & 1U) == 0 && fn != 0) {
                fn >>= 1U;
                sn >>= 1U;
            }
        } else {
            r = nodeHash(r, p);
        }
        fn >>= 1U;
        sn >>= 1U;
    }
    return sn == 0 && r == root ? LogError::None : LogError::InclusionMismatch;
}

LogError MerkleTree::verifyConsistency(qint64 from, qint64 to, const QList<Hash> &proof, const Hash &fromRoot,
                                       const Hash &toRoot)
{
    if (!wellFormed(proof) || fromRoot.size() != HashSize || toRoot.size() != HashSize)
        return LogError::MalformedProof;
    if (to < from)
        return LogError::TreeShrank;
    if (from < 0)
        return LogError::MalformedProof;
    if (from == to)
        return proof.isEmpty() && fromRoot == toRoot ? LogError::None : LogError::ConsistencyMismatch;
    if (from == 0) // the empty tree is a prefix of every tree
        return proof.isEmpty() ? LogError::None : LogError::MalformedProof;
    if (proof.isEmpty())
        return LogError::ConsistencyMismatch;

    QList<Hash> path = proof;
    if (std::has_single_bit(static_cast<quint64>(from)))
        path.prepend(fromRoot);
    quint64 fn = static_cast<quint64>(from - 1);
    quint64 sn = static_cast<quint64>(to - 1);
    while ((fn & 1U) != 0) {
        fn >>= 1U;
        sn >>= 1U;
    }
    Hash fr = path.first();
    Hash sr = path.first();
    for (qsizetype i = 1; i < path.size(); ++i) {
        const Hash &c = path.at(i);
        if (sn == 0)
            return LogError::ConsistencyMismatch;
        if ((fn & 1U) != 0 || fn == sn) {
            fr = nodeHash(c, fr);
            sr = nodeHash(c, sr);
            while ((fn & 1U) == 0 && fn != 0) {
                fn >>= 1U;
                sn >>= 1U;
            }
        } else {
            sr = nodeHash(sr, c);
        }
        fn >>= 1U;
        sn >>= 1U;
    }
    return fr == fromRoot && sr == toRoot && sn == 0 ? LogError::None : LogError::ConsistencyMismatch;
}

} // namespace mandate
