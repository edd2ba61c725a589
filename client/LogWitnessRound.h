#pragma once

#include "client/ApiError.h"
#include "core/Checkpoint.h"
#include "core/LogError.h"
#include "core/NoteVerifierKey.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <optional>

class QObject;

namespace mandate::client {

class MandateApi;

// One look at a log by a witness: fetch the server's checkpoint, open it with the pinned key, and
// when a checkpoint was kept from before, fetch the consistency proof between the two and decide
// through CheckpointWitness. `mandate-agent witness` and the console's Audit page both witness
// through this, so they cannot disagree about what counts as append-only.
class LogWitnessRound
{
public:
    struct Result
    {
        // The offered checkpoint, when it verified and extends the kept one: the one to keep now.
        std::optional<Checkpoint> accepted;
        QByteArray offeredNote;
        QString offeredKey; // the verifier key the server names (never trusted when a key is pinned)
        LogError error = LogError::None;   // why the offered checkpoint was refused
        std::optional<ApiError> transport; // no usable answer: nothing was decided
        std::optional<Checkpoint> kept;    // the kept checkpoint, opened
        bool keptDoesNotOpen = false;      // `error` is about the kept note, not the offered one
    };

    // `pinned` is the log's key as the witness knows it; without one (first contact) the key the
    // server names is taken, which proves nothing about whose log it is, only what later rounds
    // must extend. `kept` is the last accepted signed note. `done` runs once, on `context`'s thread,
    // and not at all when `context` is gone.
    static void run(MandateApi &api, const std::optional<NoteVerifierKey> &pinned,
                    const std::optional<QByteArray> &kept, const QObject *context,
                    std::function<void(const Result &)> done);
};

} // namespace mandate::client
