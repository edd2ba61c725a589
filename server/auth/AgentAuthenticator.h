#pragma once

#include "core/Clock.h"
#include "server/http/Authenticator.h"
#include "server/identity/AgentCredentials.h"

#include <QHash>

#include <functional>

namespace mandate::server {

class Store;

// Authenticates agents by JWT-SVID (any agent endpoint) or JIT credential (bound to one
// delegation). The token's subject must be a registered agent; a suspended agent still
// authenticates, so its requests can be answered with the reason they are refused.
class AgentAuthenticator final : public Authenticator
{
public:
    static constexpr qsizetype MaxCachedTokens = 10'000;

    AgentAuthenticator(Store &store, const AgentCredentials &credentials, const Clock &clock)
        : m_store(store)
        , m_credentials(credentials)
        , m_clock(clock)
    {}

    std::optional<Principal> authenticate(const QByteArray &token) override;
    // Called when a token names a key not trusted yet (an instance that started since may have
    // published it); true when the keys were read again, and the token is checked once more.
    void setKeyRefresher(std::function<bool()> refresh) { m_refreshKeys = std::move(refresh); }

private:
    // A token's signature is checked once; later presentations of the same bytes are looked up
    // by their SHA-256 until the token expires. Agent status is read by whatever decides.
    struct VerifiedToken
    {
        QString spiffeId;
        QString boundDelegationId;
        QDateTime expiresAt;
    };
    std::optional<VerifiedToken> verify(const QByteArray &token);
    // Agents are never deleted or renamed and their SPIFFE IDs never change (AgentRepository
    // only inserts them and sets their status), so a found agent's identity is kept: looking it
    // up was a fifth of the event loop's work per authorize.
    struct AgentIdentity
    {
        QString id;
        QString name;
    };
    std::optional<AgentIdentity> identify(const QString &spiffeId);

    Store &m_store;
    const AgentCredentials &m_credentials;
    const Clock &m_clock;
    QHash<QByteArray, VerifiedToken> m_verified;
    QHash<QString, AgentIdentity> m_agents;
    std::function<bool()> m_refreshKeys;
};

} // namespace mandate::server
