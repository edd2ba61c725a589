#pragma once

#include "ApiRequest.h"
#include "ApiResponse.h"

#include <chrono>

namespace mandate::server {

class EventHub;
class Router;
class Store;

// GET /v1/events: Server-Sent Events of what the caller may see, resumable with Last-Event-ID
// from the retained tail of events.
class EventRoutes
{
public:
    EventRoutes(Store &store, EventHub &hub, std::chrono::milliseconds heartbeat)
        : m_store(store)
        , m_hub(hub)
        , m_heartbeat(heartbeat)
    {}

    void registerRoutes(Router &router);

private:
    void stream(ApiRequest &request, const Responder &respond);

    Store &m_store;
    EventHub &m_hub;
    std::chrono::milliseconds m_heartbeat;
};

} // namespace mandate::server
