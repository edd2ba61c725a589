#pragma once

#include "core/Clock.h"
#include "server/http/ApiRequest.h"
#include "server/http/ApiResponse.h"

namespace mandate::server {

class Router;
class Store;

// GET /v1/agents/{id}/authority: an agent's whole authority at a glance (AgentAuthority).
class AuthorityRoutes
{
public:
    AuthorityRoutes(Store &store, const Clock &clock)
        : m_store(store)
        , m_clock(clock)
    {}

    void registerRoutes(Router &router);

private:
    void authority(ApiRequest &request, const Responder &respond);

    Store &m_store;
    const Clock &m_clock;
};

} // namespace mandate::server
