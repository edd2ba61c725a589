#pragma once

#include "server/http/Authenticator.h"

namespace mandate::server {

// One Authorization header, three kinds of bearer: people's session tokens ("mst_…"), enforcement
// points' tokens ("mep_…") and agents' JWTs. The token's shape picks the authenticator, so none
// ever sees another's secrets.
class BearerAuthenticator final : public Authenticator
{
public:
    BearerAuthenticator(Authenticator &sessions, Authenticator &agents, Authenticator &enforcementPoints)
        : m_sessions(sessions)
        , m_agents(agents)
        , m_enforcementPoints(enforcementPoints)
    {}

    std::optional<Principal> authenticate(const QByteArray &authorizationHeader) override;

private:
    Authenticator &m_sessions;
    Authenticator &m_agents;
    Authenticator &m_enforcementPoints;
};

} // namespace mandate::server
