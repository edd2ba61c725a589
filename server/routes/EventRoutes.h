#pragma once

#include "core/Clock.h"
#include "server/http/ApiRequest.h"
#include "server/http/ApiResponse.h"

#include <QTimer>

#include <chrono>

namespace mandate::server {

class EventHub;
class Router;
class Store;

// GET /v1/events: Server-Sent Events of what the caller may see, resumable with Last-Event-ID
// from the retained tail of events. A stream lives no longer than the session that opened it.
class EventRoutes
{
public:
    EventRoutes(Store &store, const Clock &clock, EventHub &hub, std::chrono::milliseconds heartbeat);

    void registerRoutes(Router &router);

private:
    void stream(ApiRequest &request, const Responder &respond);
    // Sign-out on another instance, or a session removed from the store, ends this one's streams.
    void closeStreamsOfEndedSessions();

    Store &m_store;
    const Clock &m_clock;
    EventHub &m_hub;
    std::chrono::milliseconds m_heartbeat;
    QTimer m_sessionCheck;
};

} // namespace mandate::server
