#pragma once

#include "core/AuthorizeRequest.h"
#include "core/Clock.h"
#include "server/http/Principal.h"

#include <QJsonObject>

#include <optional>

namespace mandate::server {

class Store;

// POST /v1/authorize/simulate: the decision a request would get now, through the same
// AuthorizeTransaction code that decides for real, and what it would leave — with no effect at
// all: nothing reserved, no approval opened, no audit event, no live event, no expiry written.
class DecisionSimulation
{
public:
    DecisionSimulation(Store &store, const Clock &clock, qint64 approvalTtlSeconds)
        : m_store(store)
        , m_clock(clock)
        , m_approvalTtlSeconds(approvalTtlSeconds)
    {}

    // Nothing when the caller may not see the delegation (answered as unknown). A person asks on
    // behalf of the delegation's own agent; an agent only for a delegation it holds.
    std::optional<QJsonObject> run(const AuthorizeRequest &request, const Principal &caller);

private:
    Store &m_store;
    const Clock &m_clock;
    qint64 m_approvalTtlSeconds;
};

} // namespace mandate::server
