#pragma once

#include "core/AuditEvent.h"
#include "core/Expected.h"
#include "core/FieldError.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace mandate {

// JSON codec for audit events (API.md "Audit"). The reader is strict like every other codec: an
// exported event read back and written again must give the same bytes, or its hash breaks.
class AuditEventCodec
{
public:
    // With includeHash false "hash" and "leaf_hash" are left out: the form the chain hash covers.
    static QJsonObject toJson(const AuditEvent &event, bool includeHash = true);
    static Expected<AuditEvent, FieldErrors> fromJson(const QJsonObject &json);
    // The RFC 8785 canonical bytes of toJson(event, false) without "seq" and "prev_hash", written
    // directly, as every decision records one (tst_AuditEventCodec holds the two forms equal).
    static QByteArray recordedCanonical(const AuditEvent &event);

    // "user", "agent", "system".
    static QString actorKindToString(AuditEvent::ActorKind kind);
    static std::optional<AuditEvent::ActorKind> actorKindFromString(QStringView text);
};

} // namespace mandate
