#pragma once

#include "core/Delegation.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace mandate {

// One link of the tamper-evident audit chain:
// hash = SHA-256(prev_hash ‖ canonical JSON of the event without "hash"), lowercase hex.
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
    std::optional<QString> delegationId;
    QList<ChainLink> chain;
    QJsonObject data;
    QString prevHash;
    QString hash;

    friend bool operator==(const AuditEvent &, const AuditEvent &) = default;
};

} // namespace mandate
