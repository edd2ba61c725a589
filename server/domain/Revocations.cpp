#include "server/domain/Revocations.h"

#include "server/domain/ApprovalLedger.h"
#include "server/domain/AuditTrail.h"
#include "server/events/LiveEvents.h"
#include "server/ssf/SignalOutbox.h"
#include "server/store/Store.h"

namespace mandate::server {

std::optional<QStringList> Revocations::revoke(Store &store, const Clock &clock,
                                               DelegationRepository::Roots roots, const QString &key,
                                               const Principal &actor, const QString &reason,
                                               const QString &cause)
{
    const auto revoked = store.delegations().revokeTrees(roots, key, actor.id, reason, clock.now());
    if (!revoked)
        return std::nullopt;
    AuditTrail audit(store, clock);
    for (const QString &id : *revoked) {
        const auto delegation = store.delegations().find(id);
        if (!delegation ||
            !audit.record(QStringLiteral("delegation.revoked"), actor, *delegation,
                          {{QStringLiteral("reason"), reason}, {QStringLiteral("cause"), cause}}) ||
            !LiveEvents::delegation(store, QStringLiteral("delegation.revoked"), *delegation))
            return std::nullopt;
    }
    if (!ApprovalLedger::cancelPendingOn(store, clock, *revoked, cause))
        return std::nullopt;
    // Resource servers that accepted the agent's credentials hear of it in the same transaction.
    if (!SignalOutbox(store, clock)
             .sessionsEnded(*revoked, SignalCause::delegationEnded(actor, cause, reason, clock.now()), false))
        return std::nullopt;
    return revoked;
}

} // namespace mandate::server
