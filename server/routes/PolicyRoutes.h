#pragma once

#include "server/http/ApiRequest.h"
#include "server/http/ApiResponse.h"

namespace mandate::server {

class PolicyDecisionPoint;
class Router;

// GET /v1/policy: which policy engine the organisation's rules come from, how this instance
// treats it failing, and whether it answers now (the console's status bar shows when it does not).
class PolicyRoutes
{
public:
    explicit PolicyRoutes(const PolicyDecisionPoint *engine)
        : m_engine(engine)
    {}

    void registerRoutes(Router &router);

private:
    void describe(ApiRequest &request, const Responder &respond);

    const PolicyDecisionPoint *m_engine;
};

} // namespace mandate::server
