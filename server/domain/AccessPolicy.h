#pragma once

#include "core/Delegation.h"
#include "server/http/Principal.h"
#include "server/store/AgentRepository.h"

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
    static bool canRevokeDelegation(const Principal &principal, const Delegation &delegation);
    static Visibility delegationList(const Principal &principal);
    static bool canGrant(const Principal &principal) { return principal.hasRole(u"customer"); }
    static bool canRegisterAgents(const Principal &principal) { return principal.hasRole(u"admin"); }
    static bool canSuspendAgents(const Principal &principal) { return principal.isStaff(); }
    static bool canRevokeAllOfCustomer(const Principal &principal) { return principal.isStaff(); }
    static Visibility auditTrail(const Principal &principal);
    static bool canVerifyAudit(const Principal &principal) { return principal.isStaff(); }
};

} // namespace mandate::server
