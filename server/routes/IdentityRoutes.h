#pragma once

#include "core/Clock.h"
#include "server/http/ApiRequest.h"
#include "server/http/ApiResponse.h"

namespace mandate::server {

class AgentCredentials;
class Router;
class Store;
class IdempotentWrites;

// Agent identity and just-in-time credentials: SVIDs from the embedded trust domain, the JWKS that
// verifies them, JIT credentials bound to one delegation, and RFC 7662 introspection.
class IdentityRoutes
{
public:
    IdentityRoutes(Store &store, const Clock &clock, IdempotentWrites &writes,
                   const AgentCredentials &credentials, bool embeddedTrustDomain)
        : m_store(store)
        , m_clock(clock)
        , m_writes(writes)
        , m_credentials(credentials)
        , m_embeddedTrustDomain(embeddedTrustDomain)
    {}

    void registerRoutes(Router &router);

private:
    void mintSvid(ApiRequest &request, const Responder &respond);
    void issueCredential(ApiRequest &request, const Responder &respond);
    void introspect(ApiRequest &request, const Responder &respond);

    Store &m_store;
    const Clock &m_clock;
    IdempotentWrites &m_writes;
    const AgentCredentials &m_credentials;
    bool m_embeddedTrustDomain;
};

} // namespace mandate::server
