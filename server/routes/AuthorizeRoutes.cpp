#include "server/routes/AuthorizeRoutes.h"

#include "core/AuthorizeCodec.h"
#include "core/DecisionEngine.h"
#include "server/auth/SecureRandom.h"
#include "server/domain/AccessPolicy.h"
#include "server/domain/ApprovalLedger.h"
#include "server/domain/AuditTrail.h"
#include "server/domain/DelegationTree.h"
#include "server/domain/Revocations.h"
#include "server/events/LiveEvents.h"
#include "server/http/IdempotentWrites.h"
#include "server/http/Problem.h"
#include "server/http/Router.h"
#include "server/ops/Metrics.h"
#include "server/routes/RequestParsing.h"
#include "server/store/Store.h"

#include <memory>

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

QJsonObject requestForAudit(const AuthorizeRequest &request)
{
    QJsonObject json = AuthorizeCodec::requestToJson(request);
    json.remove(QStringLiteral("delegation_id"));
    return json;
}

} // namespace

void AuthorizeRoutes::registerRoutes(Router &router)
{
    router.add("POST", QStringLiteral("/v1/authorize"), Router::Access::Agent, this,
               &AuthorizeRoutes::authorize);
}

void AuthorizeRoutes::authorize(ApiRequest &request, const Responder &respond)
{
    auto body = RequestParsing::jsonObject(request);
    if (!body) {
        respond(body.error());
        return;
    }
    auto parsed = AuthorizeCodec::requestFromJson(*body);
    if (!parsed) {
        respond(Problem::validation(parsed.error()));
        return;
    }
    if (!request.principal.mayUseDelegation(parsed->delegationId)) {
        respond(Problem::forbidden(QStringLiteral("This credential is bound to another delegation.")));
        return;
    }

    // Set by the job on the store thread; read by the responder on the event loop after the commit.
    auto outcome = std::make_shared<std::optional<DecisionOutcome>>();
    auto probed = std::make_shared<bool>(false);
    m_writes.submit(
        RequestParsing::idempotency(request),
        [this, req = *parsed, actor = request.principal, outcome, probed](Store &store) {
            auto tree = DelegationTree::load(store, req.delegationId);
            // Before any other check, so the answer says nothing of another's delegation.
            if (!tree || !AccessPolicy::agentHolds(actor, tree->delegation)) {
                *probed = true;
                return Problem::noSuch(u"delegation", req.delegationId);
            }
            const QDateTime now = m_clock.now();
            const auto agent = store.agents().find(actor.id);

            std::optional<Approval> approval;
            if (req.approvalId) {
                approval = store.approvals().find(*req.approvalId);
                if (approval && approval->delegationId != tree->delegation.id)
                    approval.reset();
            }
            const QList<const Delegation *> ancestors = tree->ancestorPointers();
            DecisionInput input;
            input.delegation = &tree->delegation;
            input.ancestors = ancestors;
            input.callerAgentId = actor.id;
            input.agentSuspended = !agent || agent->status != QStringLiteral("active");
            input.request = &req;
            input.approval = approval ? &*approval : nullptr;
            input.now = now;
            const EngineResult result = DecisionEngine::decide(input);

            Decision decision{result.outcome, result.reason, result.message, result.approvalId,
                              SecureRandom::id(u"dec_")};
            AuditTrail audit(store, m_clock);
            if (result.bindContext && !store.delegations().saveBoundContext(tree->delegation.id, req.context))
                return Problem::internal();
            if (result.revokeForContextChange &&
                !Revocations::revoke(
                    store, m_clock, DelegationRepository::Roots::Delegation, tree->delegation.id, actor,
                    QStringLiteral("The agent's context changed."), QStringLiteral("context_changed")))
                return Problem::internal();
            if (result.markStatus) {
                auto lapsed = store.delegations().find(result.expiredDelegationId);
                if (lapsed && lapsed->status == DelegationStatus::Active) {
                    lapsed->status = *result.markStatus;
                    if (!store.delegations().setStatus(lapsed->id, *result.markStatus) ||
                        !audit.record(QStringLiteral("delegation.expired"), Principal{}, *lapsed, {}) ||
                        !LiveEvents::delegation(store, QStringLiteral("delegation.updated"), *lapsed))
                        return Problem::internal();
                }
            }
            if (result.approvalNeeded) {
                const auto opened = ApprovalLedger(store, m_clock, m_approvalTtlSeconds)
                                        .requestFor(tree->delegation, req, result);
                if (!opened)
                    return Problem::internal();
                decision.approvalId = opened->id;
            }
            if (result.consumeApproval && approval) {
                approval->consumed = true;
                const auto route = store.approvals().routeOf(approval->id);
                if (!route || !store.approvals().update(*approval) ||
                    !LiveEvents::approval(store, QStringLiteral("approval.updated"), *approval, *route))
                    return Problem::internal();
            }
            if (result.outcome == DecisionOutcome::Allow && !applyCharges(store, *tree, result.charges, now))
                return Problem::internal();

            QJsonObject data{
                {QStringLiteral("decision_id"), decision.decisionId},
                {QStringLiteral("decision"), decisionOutcomeToString(decision.outcome)},
                {QStringLiteral("reason"), reasonCodeToString(decision.reason)},
                {QStringLiteral("request"), requestForAudit(req)},
            };
            if (decision.approvalId)
                data.insert(QStringLiteral("approval_id"), *decision.approvalId);
            if (!audit.record(QStringLiteral("decision.made"), actor, tree->delegation, data))
                return Problem::internal();
            if (result.outcome == DecisionOutcome::Allow &&
                !LiveEvents::delegation(store, QStringLiteral("delegation.updated"), tree->delegation))
                return Problem::internal();
            *outcome = decision.outcome;
            return ApiResponse::json(200, AuthorizeCodec::decisionToJson(decision));
        },
        [this, outcome, probed, req = *parsed, actor = request.principal, respond](ApiResponse response) {
            if (*probed && response.status == 404) {
                recordRefusal(actor, req, respond);
                return;
            }
            // Metrics belong to the event loop; only a committed decision counts.
            if (*outcome && response.status == 200)
                m_metrics.countDecision(decisionOutcomeToString(**outcome));
            respond(std::move(response));
        });
}

void AuthorizeRoutes::recordRefusal(const Principal &actor, const AuthorizeRequest &request,
                                    const Responder &respond)
{
    // The refused request is the asking agent's story, not the delegation owner's: it is recorded
    // under the agent only, in a job of its own because the refusal itself rolled back.
    m_writes.submit(
        {},
        [this, actor, request](Store &store) {
            QJsonObject data{{QStringLiteral("reason"), QStringLiteral("delegation_not_held")},
                             {QStringLiteral("requested_delegation_id"), request.delegationId},
                             {QStringLiteral("request"), requestForAudit(request)}};
            if (!AuditTrail(store, m_clock).record(QStringLiteral("access.refused"), actor, actor.id, data))
                return Problem::internal();
            return ApiResponse::noContent();
        },
        [delegationId = request.delegationId, respond](const ApiResponse &recorded) {
            respond(recorded.status < 400 ? Problem::noSuch(u"delegation", delegationId) : recorded);
        });
}

} // namespace mandate::server
