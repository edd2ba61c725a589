#pragma once

#include "core/Approval.h"
#include "core/AuthorizeRequest.h"
#include "core/Clock.h"
#include "core/DecisionEngine.h"
#include "core/Delegation.h"
#include "server/store/ApprovalRepository.h"

#include <optional>

namespace mandate::server {

class Store;

// Creating, finding and expiring approvals, with their audit events and live events, inside the
// caller's write transaction. Shared by authorize, the approvals routes and the sweeper.
class ApprovalLedger
{
public:
    ApprovalLedger(Store &store, const Clock &clock, qint64 ttlSeconds)
        : m_store(store)
        , m_clock(clock)
        , m_ttlSeconds(ttlSeconds)
    {}

    // Who decides: dual control always goes to approvers; step-up as the delegation says.
    static ApprovalRepository::Route routeFor(const Delegation &delegation, ApprovalKind kind);
    static StepUpApprover stepUpRouting(const Delegation &delegation);

    // The pending approval for exactly this request, or a new one (API.md: a retry returns the
    // existing pending one). nullopt on a store error.
    std::optional<Approval> requestFor(const Delegation &delegation, const AuthorizeRequest &request,
                                       const EngineResult &result);
    // Pending → expired, recorded and announced. false on a store error.
    bool expire(Approval approval);
    // Pending → cancelled on every delegation named (they stopped being active), recorded and
    // announced in the caller's transaction, so nobody approves what can no longer happen.
    static bool cancelPendingOn(Store &store, const Clock &clock, const QStringList &delegationIds,
                                const QString &cause);
    // The same for a delegation that ended without a revocation (expired, completed) and
    // everything delegated onwards from it.
    static bool cancelPendingUnder(Store &store, const Clock &clock, const QString &delegationId,
                                   const QString &cause);

private:
    Store &m_store;
    const Clock &m_clock;
    qint64 m_ttlSeconds;
};

} // namespace mandate::server
