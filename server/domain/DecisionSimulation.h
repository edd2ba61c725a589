#pragma once

#include "core/ActionCatalog.h"
#include "core/AuthorizeRequest.h"
#include "core/Clock.h"
#include "core/OrgPolicyVerdict.h"
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
    // The agent the simulation decides for: the caller when it is the agent, else the delegation's
    // own (with its SPIFFE ID and name, as the organisation's policy engine is told them).
    std::optional<Principal> agentFor(const AuthorizeRequest &request, const Principal &caller);
    void setActions(const ActionCatalog *actions) { m_actions = actions; }
    // The organisation's policy engine's answer, when it was asked (see AuthorizeTransaction).
    void setOrgPolicy(bool required, std::optional<OrgPolicyVerdict> verdict)
    {
        m_orgPolicyRequired = required;
        m_orgPolicy = std::move(verdict);
    }

private:
    Store &m_store;
    const Clock &m_clock;
    qint64 m_approvalTtlSeconds;
    const ActionCatalog *m_actions = nullptr;
    bool m_orgPolicyRequired = false;
    std::optional<OrgPolicyVerdict> m_orgPolicy;
};

} // namespace mandate::server
