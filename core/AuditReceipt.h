#pragma once

#include "core/Checkpoint.h"
#include "core/LogError.h"
#include "core/NoteVerifierKey.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

#include <optional>

namespace mandate {

// A receipt (API.md "Verifiable audit log"): one audit event, its inclusion proof, and the signed
// checkpoint the proof leads to. Anyone holding it and the log's verifier key can check offline that
// the event is in the log, exactly as written.
struct AuditReceipt
{
    QJsonObject event;
    qint64 leafIndex = 0;
    qint64 treeSize = 0;
    QByteArray leafHash;         // raw
    QList<QByteArray> auditPath; // raw
    QByteArray checkpoint;       // the signed note
    QString verifierKey;

    static std::optional<AuditReceipt> fromJson(const QJsonObject &json);
    QJsonObject toJson() const;

    // Checks against `trusted`, the log key the reader already knows; without one, against the key
    // the receipt names (which proves integrity and inclusion, not whose log it is).
    LogError verify(const std::optional<NoteVerifierKey> &trusted = std::nullopt) const;
    // The checkpoint of a receipt that verified.
    std::optional<Checkpoint> checkpointFor(const NoteVerifierKey &key) const;
};

} // namespace mandate
