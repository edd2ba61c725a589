#include "server/domain/ApprovalLedger.h"

#include "core/ApprovalCodec.h"
#include "core/ApprovalStateMachine.h"
#include "server/auth/SecureRandom.h"
#include "server/domain/AuditTrail.h"
#include "server/events/LiveEvents.h"
#include "server/store/Store.h"

namespace mandate::server {

namespace {

Principal systemActor()
{
    return Principal{};
}

} // namespace

StepUpApprover ApprovalLedger::stepUpRouting(const Delegation &delegation)
{
    return delegation.stepUp ? delegation.stepUp->approver : StepUpApprover::Customer;
}

ApprovalRepository::Route ApprovalLedger::routeFor(const Delegation &delegation, ApprovalKind kind)
{
    if (kind == ApprovalKind::DualControl || stepUpRouting(delegation) == StepUpApprover::Approver)
        return ApprovalRepository::Route::Approvers;
    return ApprovalRepository::Route::Customer;
}

std::optional<Approval> ApprovalLedger::requestFor(const Delegation &delegation,
                                                   const AuthorizeRequest &request,
                                                   const EngineResult &result)
{
    const QDateTime now = m_clock.now();
    const ApprovalRequestDetails details = ApprovalRequestDetails::of(request);
    const QString key = ApprovalRepository::requestKey(delegation.id, details);
    if (auto pending = m_store.approvals().findPending(delegation.id, key)) {
        if (pending->expiresAt > now && pending->kind == *result.approvalNeeded)
            return pending;
        if (pending->expiresAt <= now && !expire(*pending))
            return std::nullopt;
    }

    const ChainLink agentLink = delegation.chain.isEmpty() ? ChainLink{} : delegation.chain.last();
    const ChainLink customerLink = delegation.chain.isEmpty() ? ChainLink{} : delegation.chain.first();
    Approval approval;
    approval.id = SecureRandom::id(u"apr_");
    approval.kind = *result.approvalNeeded;
    approval.status = ApprovalStatus::Pending;
    approval.delegationId = delegation.id;
    approval.purpose = delegation.purpose;
    approval.agent = PartyRef{delegation.agentId, agentLink.name, agentLink.spiffeId};
    approval.customer = PartyRef{delegation.customerId, customerLink.name, QString()};
    approval.request = details;
    approval.reason = result.reason;
    approval.summary = result.approvalSummary;
    approval.requiredApprovals = approval.kind == ApprovalKind::DualControl ? 2 : 1;
    approval.createdAt = now;
    approval.expiresAt = now.addSecs(m_ttlSeconds);

    const ApprovalRepository::Route route = routeFor(delegation, approval.kind);
    Principal agent;
    agent.kind = Principal::Kind::Agent;
    agent.id = delegation.agentId;
    if (!m_store.approvals().insert(approval, route, key) ||
        !AuditTrail(m_store, m_clock)
             .record(QStringLiteral("approval.requested"), agent, delegation,
                     {{QStringLiteral("approval"), ApprovalCodec::toJson(approval)},
                      {QStringLiteral("routed_to"), route == ApprovalRepository::Route::Customer
                                                        ? QStringLiteral("customer")
                                                        : QStringLiteral("approvers")}}) ||
        !LiveEvents::approval(m_store, QStringLiteral("approval.created"), approval, route))
        return std::nullopt;
    return approval;
}

bool ApprovalLedger::expire(Approval approval)
{
    if (!ApprovalStateMachine::expireIfDue(approval, m_clock.now()))
        return true;
    const auto delegation = m_store.delegations().find(approval.delegationId);
    const auto route = m_store.approvals().routeOf(approval.id);
    return delegation && route && m_store.approvals().update(approval) &&
           AuditTrail(m_store, m_clock)
               .record(QStringLiteral("approval.expired"), systemActor(), *delegation,
                       {{QStringLiteral("approval_id"), approval.id}}) &&
           LiveEvents::approval(m_store, QStringLiteral("approval.updated"), approval, *route);
}

bool ApprovalLedger::cancelPendingOn(Store &store, const Clock &clock, const QStringList &delegationIds,
                                     const QString &cause)
{
    AuditTrail audit(store, clock);
    for (const QString &id : delegationIds) {
        const QList<Approval> pending = store.approvals().pendingOn(id);
        if (pending.isEmpty())
            continue;
        const auto delegation = store.delegations().find(id);
        if (!delegation)
            return false;
        for (Approval approval : pending) {
            approval.status = ApprovalStatus::Cancelled;
            approval.resolvedAt = clock.now();
            const auto route = store.approvals().routeOf(approval.id);
            if (!route || !store.approvals().update(approval) ||
                !audit.record(
                    QStringLiteral("approval.cancelled"), systemActor(), *delegation,
                    {{QStringLiteral("approval_id"), approval.id}, {QStringLiteral("cause"), cause}}) ||
                !LiveEvents::approval(store, QStringLiteral("approval.updated"), approval, *route))
                return false;
        }
    }
    return true;
}

bool ApprovalLedger::cancelPendingUnder(Store &store, const Clock &clock, const QString &delegationId,
                                        const QString &cause)
{
    const auto descendants = store.delegations().activeDescendantsOf(delegationId);
    return descendants && cancelPendingOn(store, clock, QStringList{delegationId} + *descendants, cause);
}

} // namespace mandate::server
