#include "server/routes/SubDelegationRoutes.h"

#include "core/Attenuation.h"
#include "core/DelegationCodec.h"
#include "server/auth/SecureRandom.h"
#include "server/domain/AccessPolicy.h"
#include "server/domain/ActionDirectory.h"
#include "server/domain/ApprovalLedger.h"
#include "server/domain/AuditTrail.h"
#include "server/domain/DelegationTree.h"
#include "server/domain/Revocations.h"
#include "server/events/LiveEvents.h"
#include "server/http/IdempotentWrites.h"
#include "server/http/Problem.h"
#include "server/http/Router.h"
#include "server/routes/RequestParsing.h"
#include "server/ssf/SignalOutbox.h"
#include "server/store/Store.h"

namespace mandate::server {

void SubDelegationRoutes::registerRoutes(Router &router)
{
    router.add("POST", QStringLiteral("/v1/delegations/{id}/subdelegations"), Router::Access::Agent, this,
               &SubDelegationRoutes::subdelegate);
    router.add("POST", QStringLiteral("/v1/delegations/{id}/complete"), Router::Access::Agent, this,
               &SubDelegationRoutes::complete);
}

void SubDelegationRoutes::subdelegate(ApiRequest &request, const Responder &respond)
{
    m_actions.reload(m_reader);
    const auto grant = RequestParsing::grant(request, DelegationCodec::GrantKind::SubDelegation,
                                             m_clock.now(), *m_actions.current());
    if (!grant) {
        respond(grant.error());
        return;
    }
    m_writes.submit(
        RequestParsing::idempotency(request),
        [this, parentId = request.param(0), grant = *grant, actor = request.principal](Store &store) {
            // Locked: a revocation of the parent's tree on another instance either comes first and
            // is seen here, or waits for this child and revokes it too.
            const auto tree = DelegationTree::lockAndLoad(store, parentId);
            if (!tree || !AccessPolicy::agentHolds(actor, tree->delegation))
                return Problem::noSuch(u"delegation", parentId);
            if (!AccessPolicy::agentMayAct(store.agents().find(actor.id)))
                return Problem::forbidden(QStringLiteral("The agent is suspended."));
            const QDateTime now = m_clock.now();
            if (!tree->isUsable(now))
                return Problem::conflict(
                    QStringLiteral("The delegation (or one it derives from) is no longer active."));
            std::optional<AgentRecord> child = store.agents().findBySpiffeId(grant.agentSpiffeId);
            if (child) {
                if (!store.agents().lock(child->id))
                    return Problem::internal();
                child = store.agents().find(child->id);
            }
            if (!child)
                return Problem::validation(
                    {{QStringLiteral("agent_spiffe_id"), QStringLiteral("is not a registered agent")}});
            if (child->status != AgentStatus::Active)
                return Problem::validation(
                    {{QStringLiteral("agent_spiffe_id"), QStringLiteral("is suspended")}});
            if (const FieldErrors widenings = Attenuation::check(tree->delegation, tree->depth(), grant);
                !widenings.isEmpty()) {
                return Problem::make(
                    422, QStringLiteral("validation"), QStringLiteral("Not an attenuation"),
                    QStringLiteral("A sub-delegation may only narrow what its parent allows."), widenings);
            }

            const Delegation &parent = tree->delegation;
            Delegation d;
            d.id = SecureRandom::id(u"dlg_");
            d.customerId = parent.customerId;
            d.agentId = child->id;
            d.parentId = parent.id;
            d.purpose = grant.purpose.trimmed();
            d.createdAt = now;
            d.expiresAt = grant.expiresAt;
            d.notBefore = grant.notBefore;
            d.scopes = grant.scopes;
            d.stepUp = grant.stepUp;
            d.dualControl = grant.dualControl;
            d.revokeOn = grant.revokeOn;
            d.scopeUsage = QList<ScopeUsage>(d.scopes.size());
            d.chain = parent.chain;
            d.chain.append(ChainLink{ChainLink::Kind::Agent, child->id, child->name, child->spiffeId});
            const QString customerName = parent.chain.isEmpty() ? QString() : parent.chain.first().name;
            const QString search =
                QStringList{d.id, d.purpose, child->name, child->spiffeId, customerName}.join(u' ');
            if (!store.delegations().insert(d, tree->depth() + 1, search) ||
                !AuditTrail(store, m_clock)
                     .record(QStringLiteral("delegation.granted"), actor, d,
                             {{QStringLiteral("parent_id"), parent.id},
                              {QStringLiteral("grant"),
                               DelegationCodec::grantToJson(grant,
                                                            DelegationCodec::GrantKind::SubDelegation)}}) ||
                !LiveEvents::delegation(store, QStringLiteral("delegation.created"), d))
                return Problem::internal();
            return ApiResponse::json(201, DelegationCodec::toJson(d));
        },
        respond);
}

void SubDelegationRoutes::complete(ApiRequest &request, const Responder &respond)
{
    m_writes.submit(
        RequestParsing::idempotency(request),
        [this, id = request.param(0), actor = request.principal](Store &store) {
            const auto tree = DelegationTree::lockAndLoad(store, id);
            if (!tree || !AccessPolicy::agentHolds(actor, tree->delegation))
                return Problem::noSuch(u"delegation", id);
            if (!AccessPolicy::agentMayAct(store.agents().find(actor.id)))
                return Problem::forbidden(QStringLiteral("The agent is suspended."));
            Delegation delegation = tree->delegation;
            // Completing twice is harmless; completing what was revoked or has lapsed is not a
            // task ending, and would put a false event in the customer's trail.
            if (delegation.status == DelegationStatus::Completed)
                return ApiResponse::json(200, DelegationCodec::toJson(delegation));
            if (!tree->isUsable(m_clock.now()))
                return Problem::conflict(
                    QStringLiteral("The delegation (or one it derives from) is no longer active."));
            if (delegation.revokeOn.taskComplete) {
                // Completion ends this delegation for use, and with it everything delegated onwards.
                for (const QString &childId : delegation.children) {
                    if (!Revocations::revoke(store, m_clock, DelegationRepository::Roots::Delegation, childId,
                                             actor,
                                             QStringLiteral("The parent delegation's task is complete."),
                                             QStringLiteral("parent_completed")))
                        return Problem::internal();
                }
                if (!ApprovalLedger::cancelPendingOn(store, m_clock, {id}, QStringLiteral("completed")) ||
                    !store.delegations().setStatus(id, DelegationStatus::Completed) ||
                    !SignalOutbox(store, m_clock)
                         .sessionsEnded({id},
                                        SignalCause::delegationEnded(actor, QStringLiteral("completed"),
                                                                     QString(), m_clock.now()),
                                        true))
                    return Problem::internal();
                delegation.status = DelegationStatus::Completed;
            }
            if (!AuditTrail(store, m_clock)
                     .record(QStringLiteral("delegation.completed"), actor, delegation,
                             {{QStringLiteral("ends_delegation"),
                               delegation.status == DelegationStatus::Completed}}) ||
                !LiveEvents::delegation(store, QStringLiteral("delegation.updated"), delegation))
                return Problem::internal();
            return ApiResponse::json(200, DelegationCodec::toJson(delegation));
        },
        respond);
}

} // namespace mandate::server
