#include "server/routes/AuthorizeRoutes.h"

#include "core/AuthorizeCodec.h"
#include "server/domain/AuthorizeTransaction.h"
#include "server/domain/DecisionSimulation.h"
#include "server/http/IdempotentWrites.h"
#include "server/http/Problem.h"
#include "server/http/Router.h"
#include "server/ops/Metrics.h"
#include "server/routes/RequestParsing.h"
#include "server/store/Store.h"

#include <memory>

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

    // Set by the job on the store thread; read by the responder on the event loop after the commit.
    auto outcome = std::make_shared<std::optional<DecisionOutcome>>();
    m_writes.submit(
        RequestParsing::idempotency(request),
        [this, req = *parsed, actor = request.principal, outcome](Store &store) -> WriteAnswer {
            AuthorizeTransaction transaction(store, m_clock, m_approvalTtlSeconds);
            const Expected<Decision, AuthorizeTransaction::Refusal> decided = transaction.run(req, actor);
            if (decided) {
                *outcome = decided->outcome;
                return ApiResponse::json(200, AuthorizeCodec::decisionToJson(*decided));
            }
            if (decided.error() == AuthorizeTransaction::Refusal::Failed)
                return Problem::internal();
            // Answered as for an unknown id; the attempt itself is kept in the agent's own trail.
            if (!transaction.recordRefusal(req, actor))
                return Problem::internal();
            return WriteAnswer::keeping(Problem::noSuch(u"delegation", req.delegationId));
        },
        [this, outcome, respond](ApiResponse response) {
            // Metrics belong to the event loop; only a committed decision counts.
            if (*outcome && response.status == 200)
                m_metrics.countDecision(decisionOutcomeToString(**outcome));
            respond(std::move(response));
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
    const std::optional<QJsonObject> answer =
        DecisionSimulation(m_store, m_clock, m_approvalTtlSeconds).run(*parsed, request.principal);
    if (!answer) {
        respond(Problem::noSuch(u"delegation", parsed->delegationId));
        return;
    }
    respond(ApiResponse::json(200, *answer));
}

} // namespace mandate::server
