#pragma once

#include "core/Approval.h"
#include "core/Clock.h"
#include "server/http/ApiRequest.h"
#include "server/http/ApiResponse.h"
#include "server/store/ApprovalRepository.h"

namespace mandate::server {

class Router;
class Store;
class IdempotentWrites;

// The approvals inbox: list and read what the caller may see (customers their own step-ups,
// approvers what is routed to approvers, support and admins everything, read-only) and decide.
class ApprovalRoutes
{
public:
    ApprovalRoutes(Store &store, const Clock &clock, IdempotentWrites &writes)
        : m_store(store)
        , m_clock(clock)
        , m_writes(writes)
    {}

    void registerRoutes(Router &router);

private:
    void list(ApiRequest &request, const Responder &respond);
    void get(ApiRequest &request, const Responder &respond);
    void decide(ApiRequest &request, const Responder &respond);

    Store &m_store;
    const Clock &m_clock;
    IdempotentWrites &m_writes;
};

} // namespace mandate::server
