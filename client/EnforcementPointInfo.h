#pragma once

#include <QDateTime>
#include <QString>

namespace mandate::client {

// A gateway or MCP server registered to ask Mandate's AuthZEN endpoints (GET /v1/enforcement-points).
// Its token is not here: the server shows it once, at registration, and keeps only a hash.
struct EnforcementPointInfo
{
    QString id;
    QString name;
    QDateTime createdAt;
    QDateTime lastUsedAt; // null: it never asked
    QDateTime revokedAt;  // null: active

    bool isRevoked() const { return revokedAt.isValid(); }
};

} // namespace mandate::client
