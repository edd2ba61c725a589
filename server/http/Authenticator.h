#pragma once

#include "server/http/Principal.h"

#include <QByteArray>

#include <optional>

namespace mandate::server {

// Turns a bearer token into a principal. Humans present session tokens; agents present
// JWT-SVIDs or JIT credentials. Implementations must compare secrets in constant time or by hash
// lookup, and never log them.
class Authenticator
{
public:
    virtual ~Authenticator() = default;
    // The token of an Authorization header's "Bearer <token>", or empty. Read once per request.
    static QByteArray bearerToken(const QByteArray &authorizationHeader);
    // nullopt when the token is missing, unknown, expired or revoked.
    virtual std::optional<Principal> authenticate(const QByteArray &bearerToken) = 0;
};

} // namespace mandate::server
