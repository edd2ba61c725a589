#include "server/auth/BearerAuthenticator.h"

#include "server/auth/EnforcementPointAuthenticator.h"
#include "server/auth/ReceiverAuthenticator.h"
#include "server/auth/SessionAuthenticator.h"

namespace mandate::server {

std::optional<Principal> BearerAuthenticator::authenticate(const QByteArray &authorizationHeader)
{
    const QByteArray token = SessionAuthenticator::bearerToken(authorizationHeader);
    if (token.isEmpty())
        return std::nullopt;
    if (SessionAuthenticator::hasPrefix(token, SessionAuthenticator::TokenPrefix))
        return m_sessions.authenticate(authorizationHeader);
    if (SessionAuthenticator::hasPrefix(token, EnforcementPointAuthenticator::TokenPrefix))
        return m_enforcementPoints.authenticate(authorizationHeader);
    if (SessionAuthenticator::hasPrefix(token, ReceiverAuthenticator::TokenPrefix))
        return m_receivers.authenticate(authorizationHeader);
    return m_agents.authenticate(authorizationHeader);
}

} // namespace mandate::server
