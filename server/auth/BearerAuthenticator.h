#pragma once

#include "server/http/Authenticator.h"

namespace mandate::server {

// One Authorization header, four kinds of bearer: people's session tokens ("mst_…"), enforcement
// points' tokens ("mep_…"), Shared Signals receivers' tokens ("msr_…") and agents' JWTs. The
// token's shape picks the authenticator, so none ever sees another's secrets.
class BearerAuthenticator final : public Authenticator
{
public:
    BearerAuthenticator(Authenticator &sessions, Authenticator &agents, Authenticator &enforcementPoints,
                        Authenticator &receivers)
        : m_sessions(sessions)
        , m_agents(agents)
        , m_enforcementPoints(enforcementPoints)
        , m_receivers(receivers)
    {}

    std::optional<Principal> authenticate(const QByteArray &token) override;

private:
    Authenticator &m_sessions;
    Authenticator &m_agents;
    Authenticator &m_enforcementPoints;
    Authenticator &m_receivers;
};

} // namespace mandate::server
