#include "models/DecisionRepeat.h"

#include "client/AuditFacts.h"

namespace mandate::models {

std::optional<DecisionRepeat> DecisionRepeat::of(const AuditEvent &event)
{
    if (event.type != QLatin1String("decision.made"))
        return std::nullopt;
    const client::AuditFacts facts = client::AuditFacts::of(event);
    DecisionRepeat repeat;
    repeat.m_delegationId = event.delegationId.value_or(QString());
    if (facts.request) {
        repeat.m_action = facts.request->action;
        repeat.m_resource = facts.request->resource;
        repeat.m_amount = facts.request->amount;
        repeat.m_destination = facts.request->destination;
    }
    repeat.m_decision = facts.decision;
    repeat.m_reason = facts.reason;
    return repeat;
}

} // namespace mandate::models
