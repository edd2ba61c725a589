#pragma once

#include <QString>

namespace mandate {

// Why a checkpoint, a proof or a receipt was refused: each failure its own value, so a witness and
// a test can tell an edited note from a wrong key from a rewritten history.
enum class LogError
{
    None,
    MalformedNote,
    MalformedVerifierKey,
    NotSignedByKey,
    BadSignature,
    MalformedCheckpoint,
    OriginMismatch,
    MalformedProof,
    IndexBeyondTree,
    WrongTreeSize,
    InclusionMismatch,
    ConsistencyMismatch,
    TreeShrank,
    LeafMismatch,
    MalformedReceipt,
};

// One sentence for a person reading a witness's or verifier's output.
QString describe(LogError error);

} // namespace mandate
