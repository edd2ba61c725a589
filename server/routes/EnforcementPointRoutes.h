#pragma once

#include "core/Clock.h"
#include "server/http/ApiRequest.h"
#include "server/http/ApiResponse.h"

namespace mandate::server {

class IdempotentWrites;
class Router;
class Store;

// /v1/enforcement-points (admin): register a gateway or MCP server (its token is shown once),
// list them with when each last asked, revoke one (its token fails at once).
class EnforcementPointRoutes
{
public:
    EnforcementPointRoutes(Store &store, const Clock &clock, IdempotentWrites &writes)
        : m_store(store)
        , m_clock(clock)
        , m_writes(writes)
    {}

    void registerRoutes(Router &router);

private:
    void list(ApiRequest &request, const Responder &respond);
    void registerPoint(ApiRequest &request, const Responder &respond);
    void revoke(ApiRequest &request, const Responder &respond);

    Store &m_store;
    const Clock &m_clock;
    IdempotentWrites &m_writes;
};

} // namespace mandate::server
