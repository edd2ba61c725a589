#include "server/routes/AuthorizeRoutes.h"

#include "core/AuthorizeCodec.h"
#include "server/domain/ActionDirectory.h"
#include "server/domain/AuthorizeTransaction.h"
#include "server/domain/DecisionSimulation.h"
#include "server/http/IdempotentWrites.h"
#include "server/http/Problem.h"
#include "server/http/Router.h"
#include "server/ops/Metrics.h"
#include "server/policy/OrgPolicyGate.h"
#include "server/routes/RequestParsing.h"
#include "server/store/Store.h"

namespace mandate::server {

void AuthorizeRoutes::registerRoutes(Router &router)
{
    router.add("POST", QStringLiteral("/v1/authorize"), Router::Access::Agent, this,
               &AuthorizeRoutes::authorize);
    router.add("POST", QStringLiteral("/v1/authorize/simulate"), Router::Access::UserOrAgent, this,
               &AuthorizeRoutes::simulate);
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
    std::shared_ptr<const ActionCatalog> actions =
        m_services.actions.knowing(m_services.reader, {parsed->action});
    if (const QString unknown = actions->unknownMessage(parsed->action); !unknown.isEmpty()) {
        respond(Problem::notInCatalog({{QStringLiteral("action"), unknown}}));
        return;
    }
    decide(*parsed, request.principal, RequestParsing::idempotency(request), std::move(actions), false,
           respond);
}

void AuthorizeRoutes::decide(const AuthorizeRequest &request, const Principal &agent,
                             IdempotentWrites::Idempotency idempotency,
                             std::shared_ptr<const ActionCatalog> actions, bool force,
                             const Responder &respond)
{
    m_services.orgPolicy.screen(
        request, agent, actions, force,
        [this, request, agent, idempotency, actions, force, respond](OrgPolicyGate::Screening screening) {
            // Set by the job on the store thread; read by the responder on the event loop after the commit.
            auto outcome = std::make_shared<std::optional<DecisionOutcome>>();
            auto needsOrgPolicy = std::make_shared<bool>(false);
            m_services.writes.submit(
                idempotency,
                [this, request, agent, outcome, needsOrgPolicy, actions,
                 screening](Store &store) -> WriteAnswer {
                    AuthorizeTransaction transaction(store, m_clock, m_approvalTtlSeconds);
                    transaction.setActions(actions.get());
                    m_services.orgPolicy.apply(transaction, screening);
                    const Expected<Decision, AuthorizeTransaction::Refusal> decided =
                        transaction.run(request, agent);
                    if (decided) {
                        *outcome = decided->outcome;
                        return ApiResponse::text(200, "application/json",
                                                 AuthorizeCodec::decisionBytes(*decided));
                    }
                    if (decided.error() == AuthorizeTransaction::Refusal::NeedsOrgPolicy) {
                        *needsOrgPolicy = true;
                        return Problem::unavailable(
                            QStringLiteral("The organisation's policy must be asked first."));
                    }
                    if (decided.error() == AuthorizeTransaction::Refusal::Failed)
                        return Problem::internal();
                    // Answered as for an unknown id; the attempt itself is kept in the agent's own trail.
                    if (!transaction.recordRefusal(request, agent))
                        return Problem::internal();
                    return WriteAnswer::keeping(Problem::noSuch(u"delegation", request.delegationId));
                },
                [this, request, agent, idempotency, actions, force, outcome, needsOrgPolicy,
                 respond](ApiResponse response) {
                    // The delegation changed between the read and the write: ask the engine, then decide
                    // again.
                    if (*needsOrgPolicy && !force) {
                        decide(request, agent, idempotency, actions, true, respond);
                        return;
                    }
                    // Metrics belong to the event loop; only a committed decision counts.
                    if (*outcome && response.status == 200)
                        m_services.metrics.countDecision(decisionOutcomeToString(**outcome));
                    respond(std::move(response));
                });
        });
}

// Read-only, so it runs on the event loop against the store like every other read, outside the
// write queue: nothing it does needs a transaction, an idempotency record or a commit.
void AuthorizeRoutes::simulate(ApiRequest &request, const Responder &respond)
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
    std::shared_ptr<const ActionCatalog> actions =
        m_services.actions.knowing(m_services.reader, {parsed->action});
    if (const QString unknown = actions->unknownMessage(parsed->action); !unknown.isEmpty()) {
        respond(Problem::notInCatalog({{QStringLiteral("action"), unknown}}));
        return;
    }
    DecisionSimulation simulation(m_services.reader, m_clock, m_approvalTtlSeconds);
    simulation.setActions(actions.get());
    const std::optional<QJsonObject> own = simulation.run(*parsed, request.principal);
    const std::optional<Principal> agent = simulation.agentFor(*parsed, request.principal);
    if (!own || !agent) {
        respond(Problem::noSuch(u"delegation", parsed->delegationId));
        return;
    }
    // The organisation's engine has its say on what the delegation would not refuse itself, as in
    // a real decision; asking it changes nothing here either.
    if (!m_services.orgPolicy.enabled() || own->value(QStringLiteral("decision")).toString() == u"deny") {
        respond(ApiResponse::json(200, *own));
        return;
    }
    m_services.orgPolicy.screen(
        *parsed, *agent, actions, true,
        [this, request = *parsed, caller = request.principal, actions,
         respond](OrgPolicyGate::Screening screening) {
            DecisionSimulation withOrg(m_services.reader, m_clock, m_approvalTtlSeconds);
            withOrg.setActions(actions.get());
            withOrg.setOrgPolicy(true, screening.consultation ? std::optional(screening.consultation->verdict)
                                                              : std::nullopt);
            const std::optional<QJsonObject> answer = withOrg.run(request, caller);
            if (!answer) {
                respond(Problem::noSuch(u"delegation", request.delegationId));
                return;
            }
            respond(ApiResponse::json(200, *answer));
        });
}

} // namespace mandate::server
