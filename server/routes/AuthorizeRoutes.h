#pragma once

#include "core/Clock.h"
#include "server/http/ApiRequest.h"
#include "server/http/ApiResponse.h"

namespace mandate::server {

class Metrics;
class Router;
class Store;
class IdempotentWrites;

// POST /v1/authorize: the request-time decision. The decision, its reservation of amount and use
// on the delegation and every ancestor, any approval it opens or consumes, and its audit event
// commit together in the group-commit transaction, and the answer leaves only after the commit.
class AuthorizeRoutes
{
public:
    AuthorizeRoutes(Store &store, const Clock &clock, IdempotentWrites &writes, Metrics &metrics,
                    qint64 approvalTtlSeconds)
        : m_store(store)
        , m_clock(clock)
        , m_writes(writes)
        , m_metrics(metrics)
        , m_approvalTtlSeconds(approvalTtlSeconds)
    {}

    void registerRoutes(Router &router);

private:
    void authorize(ApiRequest &request, const Responder &respond);
    void simulate(ApiRequest &request, const Responder &respond);

    Store &m_store;
    const Clock &m_clock;
    IdempotentWrites &m_writes;
    Metrics &m_metrics;
    qint64 m_approvalTtlSeconds;
};

} // namespace mandate::server
