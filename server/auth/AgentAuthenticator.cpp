#include "server/auth/AgentAuthenticator.h"

#include "core/Sha256.h"
#include "server/store/Store.h"

namespace mandate::server {

std::optional<AgentAuthenticator::VerifiedToken> AgentAuthenticator::verify(const QByteArray &token)
{
    const QByteArray key = Sha256::of({token});
    const QDateTime now = m_clock.now();
    if (const auto it = m_verified.constFind(key); it != m_verified.cend()) {
        if (it->expiresAt > now)
            return *it;
        m_verified.remove(key);
    }
    VerifiedToken verified;
    const QString text = QString::fromLatin1(token);
    for (int attempt = 0;; ++attempt) {
        const auto svid = m_credentials.verifySvid(text);
        if (svid) {
            verified = {svid->agent.toString(), QString(), svid->expiresAt};
            break;
        }
        const auto jit = m_credentials.verifyJit(text);
        if (jit) {
            verified = {jit->agent.toString(), jit->delegationId, jit->expiresAt};
            break;
        }
        const bool unknownKey = svid.error() == JwtError::UnknownKey && jit.error() == JwtError::UnknownKey;
        if (attempt > 0 || !unknownKey || !m_refreshKeys || !m_refreshKeys())
            return std::nullopt;
    }
    if (m_verified.size() >= MaxCachedTokens)
        m_verified.clear();
    m_verified.insert(key, verified);
    return verified;
}

std::optional<AgentAuthenticator::AgentIdentity> AgentAuthenticator::identify(const QString &spiffeId)
{
    if (const auto it = m_agents.constFind(spiffeId); it != m_agents.cend())
        return *it;
    const auto agent = m_store.agents().findBySpiffeId(spiffeId);
    if (!agent)
        return std::nullopt;
    if (m_agents.size() >= MaxCachedTokens)
        m_agents.clear();
    return *m_agents.insert(spiffeId, {agent->id, agent->name});
}

std::optional<Principal> AgentAuthenticator::authenticate(const QByteArray &token)
{
    if (token.isEmpty())
        return std::nullopt;
    const std::optional<VerifiedToken> verified = verify(token);
    if (!verified)
        return std::nullopt;
    const std::optional<AgentIdentity> agent = identify(verified->spiffeId);
    if (!agent)
        return std::nullopt;
    Principal principal;
    principal.kind = Principal::Kind::Agent;
    principal.id = agent->id;
    principal.name = agent->name;
    principal.spiffeId = verified->spiffeId;
    principal.boundDelegationId = verified->boundDelegationId;
    return principal;
}

} // namespace mandate::server
