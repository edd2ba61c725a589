#pragma once

#include "server/http/Principal.h"

#include <QByteArray>

#include <optional>

namespace mandate::server {

// Turns an Authorization header into a principal. Humans present session tokens; agents
// present JWT-SVIDs or JIT credentials. Implementations must compare secrets in constant time
// or by hash lookup, and never log them.
class Authenticator
{
public:
    virtual ~Authenticator() = default;
    // nullopt when the credentials are missing, unknown, expired or revoked.
    virtual std::optional<Principal> authenticate(const QByteArray &authorizationHeader) = 0;
};

} // namespace mandate::server
