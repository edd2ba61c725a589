#pragma once

#include "core/Checkpoint.h"
#include "core/LogError.h"
#include "core/NoteVerifierKey.h"

#include <QByteArray>
#include <QList>

#include <optional>

namespace mandate {

// What a witness does with each checkpoint it is shown: the signature must be the log key's, and
// the tree must extend the one it kept (a consistency proof), never shrink or fork. The console and
// `mandate-agent witness` both decide through this one class.
class CheckpointWitness
{
public:
    explicit CheckpointWitness(NoteVerifierKey logKey)
        : m_logKey(std::move(logKey))
    {}

    // `kept` is the last checkpoint accepted (a signed note), or none on first contact; `proof` the
    // consistency proof from its size to the new one's. On success returns the new checkpoint.
    Expected<Checkpoint, LogError> accept(const std::optional<QByteArray> &kept, QByteArrayView offered,
                                          const QList<QByteArray> &proof) const;

    const NoteVerifierKey &logKey() const { return m_logKey; }

private:
    NoteVerifierKey m_logKey;
};

} // namespace mandate
