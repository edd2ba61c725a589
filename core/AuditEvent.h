#pragma once

#include "core/Delegation.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace mandate {

// One event of the audit log. It is leaf seq - 1 of the log's Merkle tree (see AuditChain::leafHash)
// and a link of the older hash chain:
// hash = SHA-256(prev_hash ‖ canonical JSON of the event without "hash" and "leaf_hash"), lowercase hex.
struct AuditEvent
{
    enum class ActorKind
    {
        User,
        Agent,
        System
    };

    qint64 seq = 0;
    QDateTime at;
    QString type; // "delegation.granted", "decision.made", ...
    ActorKind actorKind = ActorKind::System;
    QString actorId;
    QString actorName; // as at the time of the event; empty for the system and older events
    std::optional<QString> delegationId;
    QList<ChainLink> chain;
    QJsonObject data;
    // `data` already written as canonical JSON, recorded in its place when set: decisions write
    // theirs straight into bytes (CanonicalJsonWriter) instead of building `data` to serialise it.
    QByteArray canonicalData;
    QString prevHash;
    QString hash;
    QString leafHash; // hex; empty until the event is sequenced into the tree

    friend bool operator==(const AuditEvent &, const AuditEvent &) = default;
};

} // namespace mandate
