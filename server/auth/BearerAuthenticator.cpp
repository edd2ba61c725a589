#include "server/auth/BearerAuthenticator.h"

#include "server/auth/EnforcementPointAuthenticator.h"
#include "server/auth/ReceiverAuthenticator.h"
#include "server/auth/SessionAuthenticator.h"

namespace mandate::server {

std::optional<Principal> BearerAuthenticator::authenticate(const QByteArray &token)
{
    if (token.isEmpty())
        return std::nullopt;
    if (SessionAuthenticator::hasPrefix(token, SessionAuthenticator::TokenPrefix))
        return m_sessions.authenticate(token);
    if (SessionAuthenticator::hasPrefix(token, EnforcementPointAuthenticator::TokenPrefix))
        return m_enforcementPoints.authenticate(token);
    if (SessionAuthenticator::hasPrefix(token, ReceiverAuthenticator::TokenPrefix))
        return m_receivers.authenticate(token);
    return m_agents.authenticate(token);
}

} // namespace mandate::server
