// libFuzzer target for what a witness, the console and `mandate-agent verify-receipt` read from a
// server they need not trust: signed notes, checkpoints, verifier keys, receipts and proofs.
// Beyond "never crash": whatever a reader accepts must be written back to exactly the same bytes,
// because signatures cover bytes, not meanings.

#include "core/AuditReceipt.h"
#include "core/Checkpoint.h"
#include "core/MerkleTree.h"
#include "core/NoteVerifierKey.h"
#include "core/SignedNote.h"
#include "core/StrictJson.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace mandate;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(data, qsizetype(size));

    if (const auto note = SignedNote::parse(input)) {
        QByteArray rebuilt = note->text() + '\n';
        for (const SignedNote::Signature &signature : note->signatures())
            rebuilt += SignedNote::signatureLine(signature.keyName, signature.keyId, signature.signature);
        if (rebuilt != input)
            std::abort();
        if (const auto checkpoint = Checkpoint::parse(note->text());
            checkpoint && checkpoint->text() != note->text())
            std::abort();
    }
    if (const auto checkpoint = Checkpoint::parse(input); checkpoint && checkpoint->text() != input)
        std::abort();
    const QString text = QString::fromUtf8(input);
    if (const auto key = NoteVerifierKey::parse(text); key && key->toString() != text)
        std::abort();

    if (const auto json = StrictJson::parseObject(input)) {
        if (const auto receipt = AuditReceipt::fromJson(*json)) {
            // What verified must name a checkpoint its own key opens.
            if (receipt->verify() == LogError::None &&
                !receipt->checkpointFor(*NoteVerifierKey::parse(receipt->verifierKey)))
                std::abort();
            MerkleTree::verifyInclusion(receipt->leafIndex, receipt->treeSize, receipt->leafHash,
                                        receipt->auditPath, receipt->leafHash);
            MerkleTree::verifyConsistency(receipt->leafIndex, receipt->treeSize, receipt->auditPath,
                                          receipt->leafHash, receipt->leafHash);
        }
    }
    return 0;
}
