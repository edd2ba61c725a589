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
    if (token.startsWith(SessionAuthenticator::TokenPrefix.toLatin1()))
        return m_sessions.authenticate(authorizationHeader);
    if (token.startsWith(EnforcementPointAuthenticator::TokenPrefix.toLatin1()))
        return m_enforcementPoints.authenticate(authorizationHeader);
    if (token.startsWith(ReceiverAuthenticator::TokenPrefix.toLatin1()))
        return m_receivers.authenticate(authorizationHeader);
    return m_agents.authenticate(authorizationHeader);
}

} // namespace mandate::server
