#pragma once

#include "core/Delegation.h"
#include "server/events/LiveEvent.h"
#include "server/http/Principal.h"
#include "server/store/AgentRepository.h"
#include "server/store/ApprovalRepository.h"

namespace mandate::server {

// Object-level authorization, in one place so it can be read and tested as a whole (the
// role × route × own/other matrix). An object the caller may not see answers 404, never 403;
// an action on an object they may see but not do answers 403.
class AccessPolicy
{
public:
    enum class Visibility
    {
        All,
        OwnAsCustomer,
        None
    };

    static bool canSeeDelegation(const Principal &principal, const Delegation &delegation);
    // Only the agent a delegation was granted to may use it (with a JIT credential: only the one
    // delegation it names); to every other agent it does not exist.
    static bool agentHolds(const Principal &agent, const Delegation &delegation)
    {
        return agent.mayUseDelegation(delegation.id) && delegation.agentId == agent.id;
    }
    // May the calling agent act at all? Read from the store inside the write transaction, so a
    // suspension committed in an earlier batch is always seen: the one source of truth.
    static bool agentMayAct(const std::optional<AgentRecord> &agent)
    {
        return agent && agent->status == AgentStatus::Active;
    }
    // Approvers read the delegations behind the approvals routed to them (pending or decided).
    static bool readsBehindApprovals(const Principal &principal) { return principal.hasRole(u"approver"); }
    // POST /v1/authorize/simulate: whoever may see the delegation, and the agent holding it.
    static bool canSimulate(const Principal &principal, const Delegation &delegation)
    {
        return principal.isAgent() ? agentHolds(principal, delegation)
                                   : principal.isUser() && canSeeDelegation(principal, delegation);
    }
    // GET /v1/agents/{id}/authority: staff see every delegation reaching the agent, a customer
    // their own (AgentAuthority narrows the list the same way the delegation list does).
    static bool canSeeAgentAuthority(const Principal &principal)
    {
        return principal.isStaff() || principal.hasRole(u"customer");
    }
    static bool canRevokeDelegation(const Principal &principal, const Delegation &delegation);
    static Visibility delegationList(const Principal &principal);
    static bool canGrant(const Principal &principal) { return principal.hasRole(u"customer"); }
    static bool canRegisterAgents(const Principal &principal) { return principal.hasRole(u"admin"); }
    static bool canManageUsers(const Principal &principal) { return principal.hasRole(u"admin"); }
    static bool canManageEnforcementPoints(const Principal &principal) { return principal.hasRole(u"admin"); }
    static bool canRegisterActions(const Principal &principal) { return principal.hasRole(u"admin"); }
    static bool canSuspendAgents(const Principal &principal) { return principal.isStaff(); }
    static bool canRevokeAllOfCustomer(const Principal &principal) { return principal.isStaff(); }
    static Visibility auditTrail(const Principal &principal);

    // Who sees what is routed where: staff everything; approvers what is routed to approvers; a
    // customer what is routed to them on their own delegations (their step-ups, their delegations'
    // live events); everyone signed in what is meant for everyone. A person with several roles
    // sees the union. Approvals, their list and the live event stream all ask this one rule.
    static bool sees(const Principal &principal, LiveEvent::Audience audience, const QString &customerId);
    static bool canSeeApproval(const Principal &principal, const Approval &approval,
                               ApprovalRepository::Route route);
    static bool canSeeLiveEvent(const Principal &principal, const LiveEvent &event)
    {
        return sees(principal, event.audience, event.customerId);
    }
    // The same rule as a list filter.
    static void restrictApprovals(const Principal &principal, ApprovalRepository::Query &query);
    static bool canVerifyAudit(const Principal &principal) { return principal.isStaff(); }
    // Shared Signals: admins register, see, pause and revoke receivers.
    static bool canManageReceivers(const Principal &principal) { return principal.hasRole(u"admin"); }
    // A receiver sees and manages its own streams only; to it every other stream does not exist.
    static bool receiverOwns(const Principal &principal, const QString &streamReceiverId)
    {
        return principal.isReceiver() && principal.id == streamReceiverId;
    }
};

} // namespace mandate::server
