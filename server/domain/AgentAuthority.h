#pragma once

#include "core/Clock.h"
#include "core/Expected.h"
#include "server/http/Principal.h"

#include <QJsonObject>
#include <QString>

namespace mandate::server {

class Store;

// GET /v1/agents/{id}/authority: everything an agent can still do right now. Every active, usable
// delegation and sub-delegation reaching the agent (the caller's own only, for a customer), each
// scope with what remains of it through its whole chain (DecisionForecast, the rule simulate uses),
// the most it can move per action and resource through all of them together (AuthorityReach), how
// the authority grew: grants in the last 30 days, sub-delegations the agent made, and how many
// delegations were active a month ago; and its history per day (AuthorityHistory).
class AgentAuthority
{
public:
    static constexpr int GrowthWindowDays = 30;

    AgentAuthority(Store &store, const Clock &clock)
        : m_store(store)
        , m_clock(clock)
    {}

    enum class Failure
    {
        NoSuchAgent,
        StorageFailed
    };

    Expected<QJsonObject, Failure> of(const QString &agentId, const Principal &caller);

private:
    Store &m_store;
    const Clock &m_clock;
};

} // namespace mandate::server
