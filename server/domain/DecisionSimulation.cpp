#include "server/domain/DecisionSimulation.h"

#include "core/SimulatedDecision.h"
#include "server/domain/AccessPolicy.h"
#include "server/domain/AuthorizeTransaction.h"
#include "server/domain/DelegationTree.h"
#include "server/store/Store.h"

namespace mandate::server {

std::optional<QJsonObject> DecisionSimulation::run(const AuthorizeRequest &request, const Principal &caller)
{
    const std::optional<DelegationTree> tree = DelegationTree::load(m_store, request.delegationId);
    if (!tree || !AccessPolicy::canSimulate(caller, tree->delegation))
        return std::nullopt;
    const std::optional<Principal> agent = agentFor(request, caller);
    if (!agent)
        return std::nullopt;
    AuthorizeTransaction transaction(m_store, m_clock, m_approvalTtlSeconds);
    transaction.setActions(m_actions);
    transaction.setOrgPolicy(m_orgPolicyRequired, m_orgPolicy, {});
    const EngineResult result = transaction.evaluate(*tree, request, *agent);
    QList<const Delegation *> lineage{&tree->delegation};
    lineage.append(tree->ancestorPointers());
    return SimulatedDecision::of(result, DecisionForecast::of(lineage, request, result)).toJson();
}

std::optional<Principal> DecisionSimulation::agentFor(const AuthorizeRequest &request,
                                                      const Principal &caller)
{
    // A person asks what the delegation's agent would be told; the agent asks for itself.
    if (caller.isAgent())
        return caller;
    const std::optional<DelegationTree> tree = DelegationTree::load(m_store, request.delegationId);
    if (!tree)
        return std::nullopt;
    Principal agent;
    agent.kind = Principal::Kind::Agent;
    agent.id = tree->delegation.agentId;
    if (const std::optional<AgentRecord> record = m_store.agents().find(agent.id)) {
        agent.name = record->name;
        agent.spiffeId = record->spiffeId;
    }
    return agent;
}

} // namespace mandate::server
