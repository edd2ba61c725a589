#include "client/LogWitnessRound.h"

#include "client/MandateApi.h"
#include "core/CheckpointWitness.h"

#include <memory>

namespace mandate::client {

namespace {

using Result = LogWitnessRound::Result;
using Done = std::function<void(const Result &)>;

void decide(const CheckpointWitness &witness, const std::optional<QByteArray> &kept, Result result,
            const QList<QByteArray> &proof, const Done &done)
{
    Expected<Checkpoint, LogError> accepted = witness.accept(kept, result.offeredNote, proof);
    if (accepted)
        result.accepted = std::move(*accepted);
    else
        result.error = accepted.error();
    done(result);
}

void onCheckpoint(MandateApi &api, const std::optional<NoteVerifierKey> &pinned,
                  const std::optional<QByteArray> &kept, const QObject *context, const Done &done,
                  const MandateApi::LogCheckpoint &offered)
{
    Result result;
    result.offeredNote = offered.note;
    result.offeredKey = offered.verifierKey;
    const std::optional<NoteVerifierKey> key = pinned ? pinned : NoteVerifierKey::parse(offered.verifierKey);
    if (!key) {
        result.error = LogError::MalformedVerifierKey;
        done(result);
        return;
    }
    const CheckpointWitness witness(*key);
    Expected<Checkpoint, LogError> next = Checkpoint::open(offered.note, *key);
    if (!next) {
        result.error = next.error();
        done(result);
        return;
    }
    if (!kept) {
        decide(witness, kept, std::move(result), {}, done);
        return;
    }
    Expected<Checkpoint, LogError> previous = Checkpoint::open(*kept, *key);
    if (!previous) {
        // What was kept no longer opens with the key: the witness's own state is not this log's.
        result.error = previous.error();
        result.keptDoesNotOpen = true;
        done(result);
        return;
    }
    result.kept = *previous;
    // Nothing to prove between equal sizes, from the empty tree, or towards a smaller tree (which
    // the witness refuses as it stands); only a growing tree needs the server's proof.
    if (previous->treeSize == 0 || previous->treeSize >= next->treeSize) {
        decide(witness, kept, std::move(result), {}, done);
        return;
    }
    const auto shared = std::make_shared<Result>(std::move(result));
    const auto reply = api.consistencyProof(previous->treeSize, next->treeSize);
    reply.onSucceeded(context, [witness, kept, shared, done](const QList<QByteArray> &proof) {
        decide(witness, kept, *shared, proof, done);
    });
    reply.onFailed(context, [shared, done](const ApiError &error) {
        shared->transport = error;
        done(*shared);
    });
}

} // namespace

void LogWitnessRound::run(MandateApi &api, const std::optional<NoteVerifierKey> &pinned,
                          const std::optional<QByteArray> &kept, const QObject *context, Done done)
{
    const auto reply = api.auditCheckpoint();
    reply.onSucceeded(context, [&api, pinned, kept, context, done](const MandateApi::LogCheckpoint &offered) {
        onCheckpoint(api, pinned, kept, context, done, offered);
    });
    reply.onFailed(context, [done](const ApiError &error) {
        Result result;
        result.transport = error;
        done(result);
    });
}

} // namespace mandate::client
