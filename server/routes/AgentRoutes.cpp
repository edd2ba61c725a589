#include "server/routes/AgentRoutes.h"

#include "core/JsonReader.h"
#include "core/SpiffeId.h"
#include "core/Timestamp.h"
#include "server/auth/SecureRandom.h"
#include "server/domain/AccessPolicy.h"
#include "server/domain/AuditTrail.h"
#include "server/domain/Revocations.h"
#include "server/events/LiveEvents.h"
#include "server/http/IdempotentWrites.h"
#include "server/http/Problem.h"
#include "server/http/Router.h"
#include "server/routes/RequestParsing.h"
#include "server/routes/ResourceJson.h"
#include "server/store/Store.h"

namespace mandate::server {

void AgentRoutes::registerRoutes(Router &router)
{
    router.add("GET", QStringLiteral("/v1/agents"), Router::Access::User, this, &AgentRoutes::list);
    router.add("POST", QStringLiteral("/v1/agents"), Router::Access::User, this, &AgentRoutes::registerAgent);
    router.add("GET", QStringLiteral("/v1/agents/{id}"), Router::Access::User, this, &AgentRoutes::get);
    router.add("POST", QStringLiteral("/v1/agents/{id}/suspend"), Router::Access::User, this,
               &AgentRoutes::suspend);
    router.add("POST", QStringLiteral("/v1/agents/{id}/reinstate"), Router::Access::User, this,
               &AgentRoutes::reinstate);
}

void AgentRoutes::list(ApiRequest &request, const Responder &respond)
{
    const auto page = RequestParsing::page(request);
    if (!page) {
        respond(page.error());
        return;
    }
    const QList<AgentRecord> agents = m_store.agents().list(page->limit + 1, page->after);
    QJsonArray items;
    for (qsizetype i = 0; i < qMin<qsizetype>(agents.size(), page->limit); ++i)
        items.append(ResourceJson::agent(agents[i]));
    QJsonValue next = QJsonValue::Null;
    if (agents.size() > page->limit) {
        const AgentRecord &last = agents[page->limit - 1];
        next = PageCursor{formatTimestamp(last.createdAt), last.id}.encode();
    }
    respond(
        ApiResponse::json(200, {{QStringLiteral("items"), items}, {QStringLiteral("next_cursor"), next}}));
}

void AgentRoutes::get(ApiRequest &request, const Responder &respond)
{
    const auto agent = m_store.agents().find(request.param(0));
    respond(agent ? ApiResponse::json(200, ResourceJson::agent(*agent))
                  : Problem::noSuch(u"agent", request.param(0)));
}

void AgentRoutes::registerAgent(ApiRequest &request, const Responder &respond)
{
    if (!AccessPolicy::canRegisterAgents(request.principal)) {
        respond(Problem::forbidden(QStringLiteral("Only administrators register agents.")));
        return;
    }
    auto body = RequestParsing::jsonObject(request);
    if (!body) {
        respond(body.error());
        return;
    }
    FieldErrors errors;
    JsonReader reader(*body, QString(), &errors);
    const auto spiffeText = reader.requiredString(u"spiffe_id", 2048);
    const auto name = reader.requiredString(u"name", 200);
    const auto description = reader.requiredString(u"description", 1000);
    reader.finish();
    if (name && name->trimmed().isEmpty())
        errors.append({QStringLiteral("name"), QStringLiteral("must not be empty")});
    std::optional<SpiffeId> spiffe;
    if (spiffeText) {
        auto parsed = SpiffeId::parse(*spiffeText);
        if (parsed)
            spiffe = *parsed;
        else
            errors.append({QStringLiteral("spiffe_id"), parsed.error()});
    }
    if (!errors.isEmpty()) {
        respond(Problem::validation(errors));
        return;
    }

    AgentRecord agent{SecureRandom::id(u"agt_"), spiffe->toString(), name->trimmed(), *description,
                      AgentStatus::Active,       m_clock.now()};
    m_writes.submit(
        RequestParsing::idempotency(request),
        [this, agent, actor = request.principal](Store &store) {
            if (store.agents().findBySpiffeId(agent.spiffeId))
                return Problem::conflict(
                    QStringLiteral("An agent with SPIFFE ID %1 is already registered.").arg(agent.spiffeId));
            const QJsonObject json = ResourceJson::agent(agent);
            if (!store.agents().insert(agent) ||
                !AuditTrail(store, m_clock)
                     .record(QStringLiteral("agent.registered"), actor, agent.id,
                             {{QStringLiteral("agent"), json}}) ||
                !LiveEvents::agent(store, agent))
                return Problem::internal();
            return ApiResponse::json(201, json);
        },
        respond);
}

void AgentRoutes::suspend(ApiRequest &request, const Responder &respond)
{
    const QString agentId = request.param(0);
    if (!m_store.agents().find(agentId)) {
        respond(Problem::noSuch(u"agent", agentId));
        return;
    }
    if (!AccessPolicy::canSuspendAgents(request.principal)) {
        respond(Problem::forbidden(QStringLiteral("Only support staff and administrators suspend agents.")));
        return;
    }
    const auto reason = RequestParsing::reason(request);
    if (!reason) {
        respond(reason.error());
        return;
    }
    m_writes.submit(
        RequestParsing::idempotency(request),
        [this, agentId, reason = *reason, actor = request.principal](Store &store) {
            if (!store.agents().lock(agentId))
                return Problem::internal();
            std::optional<AgentRecord> agent = store.agents().find(agentId);
            if (!agent)
                return Problem::noSuch(u"agent", agentId);
            // The agent is suspended and every active delegation it holds (with everything
            // delegated onwards from them) is revoked in this one transaction.
            const auto revoked =
                Revocations::revoke(store, m_clock, DelegationRepository::Roots::Agent, agentId, actor,
                                    reason, QStringLiteral("agent_suspended"));
            if (!revoked || !store.agents().setStatus(agentId, AgentStatus::Suspended))
                return Problem::internal();
            AuditTrail audit(store, m_clock);
            if (!audit.record(
                    QStringLiteral("agent.suspended"), actor, agentId,
                    {{QStringLiteral("reason"), reason},
                     {QStringLiteral("revoked_delegations"), static_cast<qint64>(revoked->size())}}))
                return Problem::internal();
            agent->status = AgentStatus::Suspended;
            if (!LiveEvents::agent(store, *agent))
                return Problem::internal();
            return ApiResponse::json(
                200, {{QStringLiteral("agent"), ResourceJson::agent(*agent)},
                      {QStringLiteral("revoked_delegations"), static_cast<qint64>(revoked->size())}});
        },
        respond);
}

void AgentRoutes::reinstate(ApiRequest &request, const Responder &respond)
{
    const QString agentId = request.param(0);
    if (!m_store.agents().find(agentId)) {
        respond(Problem::noSuch(u"agent", agentId));
        return;
    }
    if (!AccessPolicy::canSuspendAgents(request.principal)) {
        respond(
            Problem::forbidden(QStringLiteral("Only support staff and administrators reinstate agents.")));
        return;
    }
    const auto reason = RequestParsing::reason(request);
    if (!reason) {
        respond(reason.error());
        return;
    }
    m_writes.submit(
        RequestParsing::idempotency(request),
        [this, agentId, reason = *reason, actor = request.principal](Store &store) {
            if (!store.agents().lock(agentId))
                return Problem::internal();
            std::optional<AgentRecord> agent = store.agents().find(agentId);
            if (!agent)
                return Problem::noSuch(u"agent", agentId);
            // Only the agent comes back: what the kill switch revoked stays revoked, and the
            // customer grants again if they still want it.
            if (agent->status == AgentStatus::Active)
                return ApiResponse::json(200, ResourceJson::agent(*agent));
            if (!store.agents().setStatus(agentId, AgentStatus::Active) ||
                !AuditTrail(store, m_clock)
                     .record(QStringLiteral("agent.reinstated"), actor, agentId,
                             {{QStringLiteral("reason"), reason}}))
                return Problem::internal();
            agent->status = AgentStatus::Active;
            if (!LiveEvents::agent(store, *agent))
                return Problem::internal();
            return ApiResponse::json(200, ResourceJson::agent(*agent));
        },
        respond);
}

} // namespace mandate::server
