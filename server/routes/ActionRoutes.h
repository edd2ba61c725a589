#pragma once

#include "core/Clock.h"
#include "server/http/ApiRequest.h"
#include "server/http/ApiResponse.h"

namespace mandate::server {

class ActionDirectory;
class IdempotentWrites;
class Router;
class Store;

// /v1/actions: the action catalog for anyone signed in (people and agents), and an admin's way
// to register an action of the organisation's own.
class ActionRoutes
{
public:
    ActionRoutes(Store &store, const Clock &clock, IdempotentWrites &writes, ActionDirectory &actions)
        : m_store(store)
        , m_clock(clock)
        , m_writes(writes)
        , m_actions(actions)
    {}

    void registerRoutes(Router &router);

private:
    void list(ApiRequest &request, const Responder &respond);
    void registerAction(ApiRequest &request, const Responder &respond);

    Store &m_store;
    const Clock &m_clock;
    IdempotentWrites &m_writes;
    ActionDirectory &m_actions;
};

} // namespace mandate::server
