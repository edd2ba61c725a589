#pragma once

#include "core/Clock.h"
#include "server/http/ApiRequest.h"
#include "server/http/ApiResponse.h"

namespace mandate::server {

class ActionDirectory;
class Router;
class Store;
class IdempotentWrites;

// What an agent holding a delegation may do with it besides acting: delegate onwards to another
// agent (only an attenuation, at most three deep) and declare its task complete.
class SubDelegationRoutes
{
public:
    SubDelegationRoutes(Store &reader, const Clock &clock, IdempotentWrites &writes, ActionDirectory &actions)
        : m_reader(reader)
        , m_clock(clock)
        , m_writes(writes)
        , m_actions(actions)
    {}

    void registerRoutes(Router &router);

private:
    void subdelegate(ApiRequest &request, const Responder &respond);
    void complete(ApiRequest &request, const Responder &respond);

    Store &m_reader;
    const Clock &m_clock;
    IdempotentWrites &m_writes;
    ActionDirectory &m_actions;
};

} // namespace mandate::server
