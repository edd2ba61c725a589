#pragma once

#include "core/Clock.h"
#include "server/http/ApiRequest.h"
#include "server/http/ApiResponse.h"

namespace mandate::server {

class Router;
class Store;
class IdempotentWrites;

// The agent registry: list and read (every signed-in person), register (admin),
// suspend (support, admin) — the kill switch that revokes every active delegation of the agent.
class AgentRoutes
{
public:
    AgentRoutes(Store &store, const Clock &clock, IdempotentWrites &writes)
        : m_store(store)
        , m_clock(clock)
        , m_writes(writes)
    {}

    void registerRoutes(Router &router);

private:
    void list(ApiRequest &request, const Responder &respond);
    void get(ApiRequest &request, const Responder &respond);
    void registerAgent(ApiRequest &request, const Responder &respond);
    void suspend(ApiRequest &request, const Responder &respond);
    void reinstate(ApiRequest &request, const Responder &respond);

    Store &m_store;
    const Clock &m_clock;
    IdempotentWrites &m_writes;
};

} // namespace mandate::server
