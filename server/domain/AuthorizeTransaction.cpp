#include "server/domain/AuthorizeTransaction.h"

#include "core/AuthorizeCodec.h"
#include "core/CanonicalJsonWriter.h"
#include "server/auth/SecureRandom.h"
#include "server/domain/AccessPolicy.h"
#include "server/domain/ApprovalLedger.h"
#include "server/domain/AuditTrail.h"
#include "server/domain/Revocations.h"
#include "server/events/LiveEvents.h"
#include "server/ssf/SignalOutbox.h"
#include "server/store/Store.h"

namespace mandate::server {

namespace {

// Adds `amount` to the per-currency totals; false on overflow.
bool addSpent(QList<Money> &spent, const Money &amount)
{
    for (Money &total : spent) {
        if (total.currency() == amount.currency()) {
            auto sum = total.plus(amount);
            if (!sum)
                return false;
            total = *sum;
            return true;
        }
    }
    spent.append(amount);
    return true;
}

// Reserves one use and the amount on each charged scope, in the same transaction as the decision.
bool applyCharges(Store &store, DelegationTree &tree, const QList<ScopeCharge> &charges, const QDateTime &now)
{
    for (const ScopeCharge &charge : charges) {
        Delegation *target = tree.delegation.id == charge.delegationId ? &tree.delegation : nullptr;
        for (Delegation &ancestor : tree.ancestors) {
            if (ancestor.id == charge.delegationId)
                target = &ancestor;
        }
        if (!target || charge.scopeIndex < 0 || charge.scopeIndex >= target->scopeUsage.size())
            return false;
        ScopeUsage &scope = target->scopeUsage[charge.scopeIndex];
        ++scope.uses;
        ++target->usage.uses;
        target->usage.lastUsedAt = now;
        if (charge.amount &&
            (!addSpent(scope.spent, *charge.amount) || !addSpent(target->usage.spent, *charge.amount)))
            return false;
        if (!store.delegations().saveUsage(*target))
            return false;
    }
    return true;
}

} // namespace

Expected<Decision, AuthorizeTransaction::Refusal> AuthorizeTransaction::run(const AuthorizeRequest &request,
                                                                            const Principal &agent)
{
    std::optional<DelegationTree> tree = DelegationTree::lockAndLoad(m_store, request.delegationId);
    // Before any other check, so the answer says nothing of another's delegation.
    if (!tree || !AccessPolicy::agentHolds(agent, tree->delegation))
        return unexpected(Refusal::NotHeld);
    const QDateTime now = m_clock.now();
    std::optional<Approval> approval;
    if (request.approvalId) {
        // After the tree's rows: every writer locks in that order.
        approval = m_store.approvals().findForUpdate(*request.approvalId);
        if (approval && approval->delegationId != tree->delegation.id)
            approval.reset();
    }
    const EngineResult result = decide(*tree, request, agent, approval, now);
    if (result.orgPolicyNeeded)
        return unexpected(Refusal::NeedsOrgPolicy);
    Decision decision{result.outcome, result.reason, result.message, result.approvalId,
                      m_decisionId.isEmpty() ? SecureRandom::orderedId(u"dec_", now)
                                             : std::exchange(m_decisionId, QString())};
    if (!applyEffects(*tree, request, agent, result, approval, decision, now) ||
        !record(*tree, request, agent, decision))
        return unexpected(Refusal::Failed);
    return decision;
}

EngineResult AuthorizeTransaction::decide(const DelegationTree &tree, const AuthorizeRequest &request,
                                          const Principal &agent, const std::optional<Approval> &approval,
                                          const QDateTime &now)
{
    DecisionInput input;
    input.delegation = &tree.delegation;
    input.ancestors = tree.ancestorPointers();
    input.callerAgentId = agent.id;
    // Read in this transaction: a suspension committed by any earlier batch is seen.
    input.agentSuspended = !AccessPolicy::agentMayAct(m_store.agents().find(agent.id));
    input.request = &request;
    input.approval = approval ? &*approval : nullptr;
    input.now = now;
    input.actions = m_actions;
    input.orgPolicyRequired = m_orgPolicyRequired;
    input.orgPolicy = m_orgPolicy;
    return DecisionEngine::decide(input);
}

bool AuthorizeTransaction::applyEffects(DelegationTree &tree, const AuthorizeRequest &request,
                                        const Principal &agent, const EngineResult &result,
                                        std::optional<Approval> &approval, Decision &decision,
                                        const QDateTime &now)
{
    if (result.bindContext && !m_store.delegations().saveBoundContext(tree.delegation.id, request.context))
        return false;
    if (result.revokeForContextChange &&
        !Revocations::revoke(m_store, m_clock, DelegationRepository::Roots::Delegation, tree.delegation.id,
                             agent, QStringLiteral("The agent's context changed."),
                             QStringLiteral("context_changed")))
        return false;
    if (result.markStatus && !expire(result.expiredDelegationId, *result.markStatus))
        return false;
    if (result.approvalNeeded) {
        const auto opened = ApprovalLedger(m_store, m_clock, m_approvalTtlSeconds)
                                .requestFor(tree.delegation, request, result);
        if (!opened)
            return false;
        decision.approvalId = opened->id;
    }
    if (result.consumeApproval && approval) {
        approval->consumed = true;
        const auto route = m_store.approvals().routeOf(approval->id);
        if (!route || !m_store.approvals().update(*approval) ||
            !LiveEvents::approval(m_store, QStringLiteral("approval.updated"), *approval, *route))
            return false;
    }
    return result.outcome != DecisionOutcome::Allow || applyCharges(m_store, tree, result.charges, now);
}

bool AuthorizeTransaction::expire(const QString &delegationId, DelegationStatus status)
{
    auto lapsed = m_store.delegations().find(delegationId);
    if (!lapsed || lapsed->status != DelegationStatus::Active)
        return true;
    lapsed->status = status;
    return ApprovalLedger::cancelPendingUnder(m_store, m_clock, lapsed->id, QStringLiteral("expired")) &&
           m_store.delegations().setStatus(lapsed->id, status) &&
           AuditTrail(m_store, m_clock)
               .record(QStringLiteral("delegation.expired"), Principal{}, *lapsed, {}) &&
           LiveEvents::delegation(m_store, QStringLiteral("delegation.updated"), *lapsed) &&
           SignalOutbox(m_store, m_clock)
               .sessionsEnded({lapsed->id},
                              SignalCause::delegationEnded(Principal{}, QStringLiteral("expired"), QString(),
                                                           m_clock.now()),
                              true);
}

bool AuthorizeTransaction::record(const DelegationTree &tree, const AuthorizeRequest &request,
                                  const Principal &agent, const Decision &decision)
{
    CanonicalJsonWriter data;
    data.beginObject();
    if (decision.approvalId) {
        data.key(u"approval_id");
        data.string(*decision.approvalId);
    }
    data.key(u"decision");
    data.string(decisionOutcomeToString(decision.outcome));
    data.key(u"decision_id");
    data.string(decision.decisionId);
    if (!m_askedBy.isEmpty()) {
        data.key(u"enforcement_point");
        data.value(m_askedBy);
    }
    if (!m_orgPolicyAudit.isEmpty()) {
        data.key(u"org_policy");
        data.value(m_orgPolicyAudit);
    }
    data.key(u"reason");
    data.string(reasonCodeToString(decision.reason));
    data.key(u"request");
    AuthorizeCodec::writeAudited(data, request);
    data.endObject();
    if (!AuditTrail(m_store, m_clock)
             .recordCanonical(QStringLiteral("decision.made"), agent, tree.delegation, data.take(),
                              decision.decisionId))
        return false;
    return decision.outcome != DecisionOutcome::Allow ||
           LiveEvents::delegation(m_store, QStringLiteral("delegation.updated"), tree.delegation);
}

bool AuthorizeTransaction::recordRefusal(const AuthorizeRequest &request, const Principal &agent)
{
    CanonicalJsonWriter data;
    data.beginObject();
    data.key(u"reason");
    data.string(u"delegation_not_held");
    data.key(u"request");
    AuthorizeCodec::writeAudited(data, request);
    data.key(u"requested_delegation_id");
    data.string(request.delegationId);
    data.endObject();
    return AuditTrail(m_store, m_clock)
        .recordCanonical(QStringLiteral("access.refused"), agent, agent.id, data.take());
}

EngineResult AuthorizeTransaction::evaluate(const DelegationTree &tree, const AuthorizeRequest &request,
                                            const Principal &agent)
{
    std::optional<Approval> approval;
    if (request.approvalId) {
        approval = m_store.approvals().find(*request.approvalId);
        if (approval && approval->delegationId != tree.delegation.id)
            approval.reset();
    }
    return decide(tree, request, agent, approval, m_clock.now());
}

} // namespace mandate::server
