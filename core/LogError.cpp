#include "core/LogError.h"

namespace mandate {

QString describe(LogError error)
{
    switch (error) {
    case LogError::None:
        return QStringLiteral("verified");
    case LogError::MalformedNote:
        return QStringLiteral("the checkpoint is not a well-formed signed note");
    case LogError::MalformedVerifierKey:
        return QStringLiteral("the verifier key is not a well-formed Ed25519 note verifier key");
    case LogError::NotSignedByKey:
        return QStringLiteral("the checkpoint carries no signature by the log's key");
    case LogError::BadSignature:
        return QStringLiteral("a signature that claims to be the log key's does not verify");
    case LogError::MalformedCheckpoint:
        return QStringLiteral("the note text is not a checkpoint (origin, tree size, root hash)");
    case LogError::OriginMismatch:
        return QStringLiteral("the checkpoint names a different log than its key");
    case LogError::MalformedProof:
        return QStringLiteral("the proof is malformed (hashes must be 32 bytes, and not too many)");
    case LogError::IndexBeyondTree:
        return QStringLiteral("the leaf index is not inside the tree");
    case LogError::WrongTreeSize:
        return QStringLiteral("the proof is for a different tree size than the checkpoint");
    case LogError::InclusionMismatch:
        return QStringLiteral("the inclusion proof does not lead to the checkpoint's root");
    case LogError::ConsistencyMismatch:
        return QStringLiteral("the log's history changed: the new checkpoint does not extend the old one");
    case LogError::TreeShrank:
        return QStringLiteral(
            "the log's history changed: the new checkpoint has fewer events than the old one");
    case LogError::LeafMismatch:
        return QStringLiteral("the event does not hash to the leaf the proof is about");
    case LogError::MalformedReceipt:
        return QStringLiteral(
            "the receipt is not a Mandate receipt (event, leaf_index, inclusion, checkpoint, "
            "verifier_key)");
    }
    Q_UNREACHABLE();
    return {};
}

} // namespace mandate
