#pragma once

#include "server/http/Authenticator.h"

namespace mandate::server {

// One Authorization header, two kinds of bearer: people's session tokens ("mst_…") and agents'
// JWTs. The token's shape picks the authenticator, so neither ever sees the other's secrets.
class BearerAuthenticator final : public Authenticator
{
public:
    BearerAuthenticator(Authenticator &sessions, Authenticator &agents)
        : m_sessions(sessions)
        , m_agents(agents)
    {}

    std::optional<Principal> authenticate(const QByteArray &authorizationHeader) override;

private:
    Authenticator &m_sessions;
    Authenticator &m_agents;
};

} // namespace mandate::server
