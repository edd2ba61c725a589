#pragma once

#include "core/ActionCatalog.h"
#include "core/Approval.h"
#include "core/AuthorizeRequest.h"
#include "core/Decision.h"
#include "core/Delegation.h"
#include "core/OrgPolicyVerdict.h"

#include <QDateTime>
#include <QList>

#include <optional>

namespace mandate {

// Everything a decision depends on. The engine reads nothing else: no store, no clock of its own.
struct DecisionInput
{
    const Delegation *delegation = nullptr;
    QList<const Delegation *> ancestors; // nearest parent first, root customer grant last
    QString callerAgentId;
    bool agentSuspended = false;
    const AuthorizeRequest *request = nullptr;
    // The approval named by request.approvalId, when the store found one for this delegation.
    const Approval *approval = nullptr;
    QDateTime now;
    // Which actions move value; the built-in catalog when not given.
    const ActionCatalog *actions = nullptr;
    // The organisation's policy engine must be asked about whatever the delegation would allow
    // or send to people, and `orgPolicy` is its answer when it was asked.
    bool orgPolicyRequired = false;
    std::optional<OrgPolicyVerdict> orgPolicy;
};

// What an allow reserves: one use and the amount on the governing scope of the delegation and of
// every ancestor, so caps hold across a whole delegation tree.
struct ScopeCharge
{
    QString delegationId;
    int scopeIndex = 0;
    std::optional<Money> amount;

    friend bool operator==(const ScopeCharge &, const ScopeCharge &) = default;
};

struct EngineResult
{
    DecisionOutcome outcome = DecisionOutcome::Deny;
    ReasonCode reason = ReasonCode::DelegationNotActive;
    QString message; // one plain sentence for the agent's logs and the audit trail

    // Set with StepUpRequired/DualControlRequired and no usable approval: the server creates one
    // (or returns the pending one for the same request) with this kind and summary.
    std::optional<ApprovalKind> approvalNeeded;
    QString approvalSummary;
    // The request's approval when the decision rests on it: the one an allow consumes, or the
    // pending one the agent must keep waiting for (echoed so no second approval is created).
    std::optional<QString> approvalId;
    bool consumeApproval = false; // allow via an approval: mark it consumed in the same transaction

    QList<ScopeCharge> charges; // only on Allow

    // Side effects the server must persist with the decision.
    bool bindContext = false;                   // first request under revoke_on.context_change
    bool revokeForContextChange = false;        // a bound key differs
    std::optional<DelegationStatus> markStatus; // Expired when expiry or idle timeout passed
    QString expiredDelegationId;                // which delegation of the chain expired

    // The organisation's policy engine had to be asked and was not: nothing may be written; ask
    // it, then decide again.
    bool orgPolicyNeeded = false;
};

// The request-time decision: a pure function of its input. Checks run in this order: the agent
// holds the delegation (first, so another agent learns nothing) → status and expiry of every link
// → suspension → context change → for every link of the chain: action → resource → destination →
// sensitivity → per-action limit → then every link's cumulative limits and uses → the
// organisation's policy (only for what the delegation would allow or send to people) → dual
// control → step-up → allow.
class DecisionEngine
{
public:
    static EngineResult decide(const DecisionInput &input);
};

} // namespace mandate
