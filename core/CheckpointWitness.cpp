#include "core/CheckpointWitness.h"

#include "core/MerkleTree.h"

namespace mandate {

Expected<Checkpoint, LogError> CheckpointWitness::accept(const std::optional<QByteArray> &kept,
                                                         QByteArrayView offered,
                                                         const QList<QByteArray> &proof) const
{
    Expected<Checkpoint, LogError> next = Checkpoint::open(offered, m_logKey);
    if (!next || !kept)
        return next;
    Expected<Checkpoint, LogError> previous = Checkpoint::open(*kept, m_logKey);
    if (!previous)
        return unexpected(previous.error());
    if (next->treeSize < previous->treeSize)
        return unexpected(LogError::TreeShrank);
    const LogError consistent = MerkleTree::verifyConsistency(previous->treeSize, next->treeSize, proof,
                                                              previous->rootHash, next->rootHash);
    if (consistent != LogError::None)
        return unexpected(consistent == LogError::MalformedProof ? consistent
                                                                 : LogError::ConsistencyMismatch);
    return next;
}

} // namespace mandate
