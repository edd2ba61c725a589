#pragma once

#include "core/ActionCatalog.h"
#include "core/AuthorizeRequest.h"
#include "core/Clock.h"
#include "server/http/ApiRequest.h"
#include "server/http/ApiResponse.h"
#include "server/http/IdempotentWrites.h"

#include <memory>

namespace mandate::server {

class ActionDirectory;
class Metrics;
class OrgPolicyGate;
class Router;
class Store;

// POST /v1/authorize: the request-time decision. The organisation's policy engine, when there is
// one, is asked first, outside the write; then the decision, its reservation of amount and use on
// the delegation and every ancestor, any approval it opens or consumes, and its audit event commit
// together in the group-commit transaction, and the answer leaves only after the commit.
class AuthorizeRoutes
{
public:
    struct Services
    {
        Store &reader;
        IdempotentWrites &writes;
        Metrics &metrics;
        ActionDirectory &actions;
        OrgPolicyGate &orgPolicy;
    };

    AuthorizeRoutes(const Clock &clock, Services services, qint64 approvalTtlSeconds)
        : m_clock(clock)
        , m_services(services)
        , m_approvalTtlSeconds(approvalTtlSeconds)
    {}

    void registerRoutes(Router &router);

private:
    void authorize(ApiRequest &request, const Responder &respond);
    // `force`: the engine must be asked even where the delegation's verdict read before said deny
    // (the write job found otherwise).
    void decide(const AuthorizeRequest &request, const Principal &agent,
                IdempotentWrites::Idempotency idempotency, std::shared_ptr<const ActionCatalog> actions,
                bool force, const Responder &respond);
    void simulate(ApiRequest &request, const Responder &respond);

    const Clock &m_clock;
    Services m_services;
    qint64 m_approvalTtlSeconds;
};

} // namespace mandate::server
