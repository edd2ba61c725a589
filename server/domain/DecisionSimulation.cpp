#include "server/domain/DecisionSimulation.h"

#include "core/SimulatedDecision.h"
#include "server/domain/AccessPolicy.h"
#include "server/domain/AuthorizeTransaction.h"
#include "server/domain/DelegationTree.h"

namespace mandate::server {

std::optional<QJsonObject> DecisionSimulation::run(const AuthorizeRequest &request, const Principal &caller)
{
    const std::optional<DelegationTree> tree = DelegationTree::load(m_store, request.delegationId);
    if (!tree || !AccessPolicy::canSimulate(caller, tree->delegation))
        return std::nullopt;
    // A person asks what the delegation's agent would be told; the agent asks for itself.
    Principal agent = caller;
    if (!caller.isAgent()) {
        agent = Principal();
        agent.kind = Principal::Kind::Agent;
        agent.id = tree->delegation.agentId;
    }
    AuthorizeTransaction transaction(m_store, m_clock, m_approvalTtlSeconds);
    const EngineResult result = transaction.evaluate(*tree, request, agent);
    QList<const Delegation *> lineage{&tree->delegation};
    lineage.append(tree->ancestorPointers());
    return SimulatedDecision::of(result, DecisionForecast::of(lineage, request, result)).toJson();
}

} // namespace mandate::server
