#pragma once

#include "core/Expected.h"
#include "core/LogError.h"
#include "core/NoteVerifierKey.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace mandate {

// A C2SP tlog-checkpoint: the note text "<origin>\n<tree size>\n<base64 root hash>\n[extension lines]".
struct Checkpoint
{
    QString origin;
    qint64 treeSize = 0;
    QByteArray rootHash; // 32 raw bytes
    QStringList extensions;

    QByteArray text() const;
    static std::optional<Checkpoint> parse(QByteArrayView text);

    // The checkpoint in a signed note, if the log key signed it and names itself as its origin.
    static Expected<Checkpoint, LogError> open(QByteArrayView signedNote, const NoteVerifierKey &logKey);

    friend bool operator==(const Checkpoint &, const Checkpoint &) = default;
};

} // namespace mandate
