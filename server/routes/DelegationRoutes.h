#pragma once

#include "core/Clock.h"
#include "core/Delegation.h"
#include "server/http/ApiRequest.h"
#include "server/http/ApiResponse.h"

namespace mandate::server {

class ActionDirectory;
class Router;
class Store;
class IdempotentWrites;

// Granting, reading and revoking delegations, and revoking all of one customer's.
class DelegationRoutes
{
public:
    DelegationRoutes(Store &store, const Clock &clock, IdempotentWrites &writes, ActionDirectory &actions)
        : m_store(store)
        , m_clock(clock)
        , m_writes(writes)
        , m_actions(actions)
    {}

    void registerRoutes(Router &router);

private:
    void grant(ApiRequest &request, const Responder &respond);
    void list(ApiRequest &request, const Responder &respond);
    void get(ApiRequest &request, const Responder &respond);
    void revoke(ApiRequest &request, const Responder &respond);
    void revokeAllOfCustomer(ApiRequest &request, const Responder &respond);

    Store &m_store;
    const Clock &m_clock;
    IdempotentWrites &m_writes;
    ActionDirectory &m_actions;
};

} // namespace mandate::server
