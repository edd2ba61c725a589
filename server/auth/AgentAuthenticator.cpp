#include "AgentAuthenticator.h"

#include "SessionAuthenticator.h"
#include "Store.h"

namespace mandate::server {

std::optional<Principal> AgentAuthenticator::authenticate(const QByteArray &authorizationHeader)
{
    const QString token = QString::fromLatin1(SessionAuthenticator::bearerToken(authorizationHeader));
    if (token.isEmpty())
        return std::nullopt;
    QString spiffeId;
    QString boundDelegation;
    if (const auto svid = m_credentials.verifySvid(token)) {
        spiffeId = svid->agent.toString();
    } else if (const auto jit = m_credentials.verifyJit(token)) {
        spiffeId = jit->agent.toString();
        boundDelegation = jit->delegationId;
    } else {
        return std::nullopt;
    }
    const auto agent = m_store.agents().findBySpiffeId(spiffeId);
    if (!agent)
        return std::nullopt;
    Principal principal;
    principal.kind = Principal::Kind::Agent;
    principal.id = agent->id;
    principal.name = agent->name;
    principal.spiffeId = agent->spiffeId;
    principal.boundDelegationId = boundDelegation;
    principal.agentSuspended = agent->status != QStringLiteral("active");
    return principal;
}

} // namespace mandate::server
