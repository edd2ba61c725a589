#include "ui/DraftSimulator.h"

#include "core/DecisionEngine.h"
#include "core/DecisionForecast.h"

namespace mandate::ui {

Delegation DraftSimulator::draftOf(const DelegationGrant &grant, const QString &agentName,
                                   const QDateTime &now)
{
    Delegation draft;
    draft.id = QStringLiteral("draft");
    draft.agentId = grant.agentId;
    draft.purpose = grant.purpose;
    draft.status = DelegationStatus::Active;
    draft.createdAt = now;
    draft.expiresAt = grant.expiresAt;
    draft.notBefore = grant.notBefore;
    draft.scopes = grant.scopes;
    draft.scopeUsage = QList<ScopeUsage>(grant.scopes.size());
    draft.stepUp = grant.stepUp;
    draft.dualControl = grant.dualControl;
    draft.revokeOn = grant.revokeOn;
    draft.chain = {ChainLink{ChainLink::Kind::Agent, grant.agentId, agentName, QString()}};
    return draft;
}

SimulatedDecision DraftSimulator::simulate(const Delegation &draft, const AuthorizeRequest &request,
                                           const QDateTime &now)
{
    AuthorizeRequest asked = request;
    asked.delegationId = draft.id;
    DecisionInput input;
    input.delegation = &draft;
    input.callerAgentId = draft.agentId;
    input.request = &asked;
    input.now = now;
    const EngineResult result = DecisionEngine::decide(input);
    return SimulatedDecision::of(result, DecisionForecast::of({&draft}, asked, result));
}

} // namespace mandate::ui
