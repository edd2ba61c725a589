#include "server/policy/OrgPolicyGate.h"

#include "server/auth/SecureRandom.h"
#include "server/domain/AccessPolicy.h"
#include "server/domain/AuthorizeTransaction.h"
#include "server/domain/DelegationTree.h"
#include "server/store/Store.h"

namespace mandate::server {

void OrgPolicyGate::screen(const AuthorizeRequest &request, const Principal &agent,
                           std::shared_ptr<const ActionCatalog> actions, bool force, Then then)
{
    Screening screening{SecureRandom::orderedId(u"dec_", m_clock.now()), std::nullopt};
    if (!m_engine) {
        then(std::move(screening));
        return;
    }
    const std::optional<DelegationTree> tree = DelegationTree::load(m_reader, request.delegationId);
    if (!tree || !AccessPolicy::agentHolds(agent, tree->delegation)) {
        then(std::move(screening));
        return;
    }
    if (!force) {
        AuthorizeTransaction reading(m_reader, m_clock, 0);
        reading.setActions(actions.get());
        if (reading.evaluate(*tree, request, agent).outcome == DecisionOutcome::Deny) {
            then(std::move(screening));
            return;
        }
    }
    OrgPolicyQuestion question = OrgPolicyQuestion::about(request, tree->delegation, tree->depth(),
                                                          agent.spiffeId, agent.name, m_clock.now());
    question.decisionId = screening.decisionId;
    m_engine->consult(question, [screening, then](PolicyDecisionPoint::Consultation consultation) mutable {
        screening.consultation = std::move(consultation);
        then(std::move(screening));
    });
}

void OrgPolicyGate::apply(AuthorizeTransaction &transaction, const Screening &screening) const
{
    transaction.setDecisionId(screening.decisionId);
    if (!screening.consultation) {
        transaction.setOrgPolicy(enabled(), std::nullopt, {});
        return;
    }
    transaction.setOrgPolicy(true, screening.consultation->verdict, screening.consultation->audit);
}

} // namespace mandate::server
