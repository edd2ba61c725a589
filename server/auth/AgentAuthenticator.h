#pragma once

#include "AgentCredentials.h"
#include "Authenticator.h"

namespace mandate::server {

class Store;

// Authenticates agents by JWT-SVID (any agent endpoint) or JIT credential (bound to one
// delegation). The token's subject must be a registered agent; a suspended agent still
// authenticates, so its requests can be answered with the reason they are refused.
class AgentAuthenticator final : public Authenticator
{
public:
    AgentAuthenticator(Store &store, const AgentCredentials &credentials)
        : m_store(store)
        , m_credentials(credentials)
    {}

    std::optional<Principal> authenticate(const QByteArray &authorizationHeader) override;

private:
    Store &m_store;
    const AgentCredentials &m_credentials;
};

} // namespace mandate::server
