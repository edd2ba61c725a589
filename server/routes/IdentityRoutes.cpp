#include "server/routes/IdentityRoutes.h"

#include "core/JsonReader.h"
#include "core/Timestamp.h"
#include "server/domain/AccessPolicy.h"
#include "server/domain/AuditTrail.h"
#include "server/domain/DelegationTree.h"
#include "server/http/IdempotentWrites.h"
#include "server/http/Problem.h"
#include "server/http/Router.h"
#include "server/identity/AgentCredentials.h"
#include "server/routes/RequestParsing.h"
#include "server/store/Store.h"

#include <QUrlQuery>

namespace mandate::server {

void IdentityRoutes::registerRoutes(Router &router)
{
    router.add("POST", QStringLiteral("/v1/agents/{id}/svid"), Router::Access::User, this,
               &IdentityRoutes::mintSvid);
    router.add(
        "GET", QStringLiteral("/v1/jwks"), Router::Access::Public,
        [this](ApiRequest &, Responder respond) { respond(ApiResponse::json(200, m_credentials.jwks())); });
    router.add("POST", QStringLiteral("/v1/credentials"), Router::Access::Agent, this,
               &IdentityRoutes::issueCredential);
    router.add("POST", QStringLiteral("/v1/introspect"), Router::Access::UserOrAgent, this,
               &IdentityRoutes::introspect);
    router.acceptForm(QStringLiteral("/v1/introspect"));
}

void IdentityRoutes::mintSvid(ApiRequest &request, const Responder &respond)
{
    const QString agentId = request.param(0);
    const auto agent = m_store.agents().find(agentId);
    if (!agent) {
        respond(Problem::noSuch(u"agent", agentId));
        return;
    }
    if (!request.principal.hasRole(u"admin")) {
        respond(Problem::forbidden(QStringLiteral("Only administrators mint agent SVIDs.")));
        return;
    }
    if (!m_embeddedTrustDomain) {
        respond(Problem::conflict(
            QStringLiteral("This server verifies SVIDs from an external issuer; it mints none.")));
        return;
    }
    if (agent->status != AgentStatus::Active) {
        respond(Problem::conflict(QStringLiteral("The agent is suspended.")));
        return;
    }
    const auto spiffe = SpiffeId::parse(agent->spiffeId);
    if (!spiffe) {
        respond(Problem::conflict(spiffe.error()));
        return;
    }
    const auto issued = m_credentials.issueSvid(*spiffe);
    if (!issued) {
        respond(Problem::conflict(issued.error()));
        return;
    }
    m_writes.submit(
        {request.principal.idempotencyScope(), QString(), QByteArray(), false},
        [this, issued = *issued, agentId, actor = request.principal](Store &store) {
            if (!AuditTrail(store, m_clock)
                     .record(QStringLiteral("credential.issued"), actor, agentId,
                             {{QStringLiteral("kind"), QStringLiteral("svid")},
                              {QStringLiteral("jti"), issued.tokenId},
                              {QStringLiteral("expires_at"), formatTimestamp(issued.expiresAt)}}))
                return Problem::internal();
            return ApiResponse::json(201,
                                     {{QStringLiteral("token"), issued.token},
                                      {QStringLiteral("expires_at"), formatTimestamp(issued.expiresAt)}});
        },
        respond);
}

void IdentityRoutes::issueCredential(ApiRequest &request, const Responder &respond)
{
    if (!request.principal.boundDelegationId.isEmpty()) {
        respond(Problem::forbidden(
            QStringLiteral("A JIT credential cannot obtain further credentials; present the agent's SVID.")));
        return;
    }
    auto body = RequestParsing::jsonObject(request);
    if (!body) {
        respond(body.error());
        return;
    }
    FieldErrors errors;
    JsonReader reader(*body, QString(), &errors);
    const auto delegationId = reader.requiredString(u"delegation_id", 64);
    const auto ttl = reader.requiredInteger(u"ttl_seconds", 1, AgentCredentials::MaxJitLifetimeSeconds);
    reader.finish();
    if (!errors.isEmpty()) {
        respond(Problem::validation(errors));
        return;
    }
    // The token holds a secret, so its answer is never kept for idempotent replay.
    m_writes.submit(
        {request.principal.idempotencyScope(), QString(), QByteArray(), false},
        [this, id = *delegationId, ttl = *ttl, actor = request.principal](Store &store) {
            const auto tree = DelegationTree::load(store, id);
            if (!tree || !AccessPolicy::agentHolds(actor, tree->delegation))
                return Problem::noSuch(u"delegation", id);
            if (!AccessPolicy::agentMayAct(store.agents().find(actor.id)))
                return Problem::forbidden(QStringLiteral("The agent is suspended."));
            if (!tree->isUsable(m_clock.now()))
                return Problem::conflict(
                    QStringLiteral("The delegation (or one it derives from) is no longer active."));
            const auto issued = m_credentials.issueJit(tree->delegation, ttl);
            if (!issued)
                return Problem::conflict(issued.error());
            if (!AuditTrail(store, m_clock)
                     .record(QStringLiteral("credential.issued"), actor, tree->delegation,
                             {{QStringLiteral("kind"), QStringLiteral("jit")},
                              {QStringLiteral("jti"), issued->tokenId},
                              {QStringLiteral("expires_at"), formatTimestamp(issued->expiresAt)}}) ||
                !store.jitCredentials().insert(
                    {issued->tokenId, tree->delegation.id, m_credentials.issuer(), issued->expiresAt}))
                return Problem::internal();
            return ApiResponse::json(201,
                                     {{QStringLiteral("token"), issued->token},
                                      {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                                      {QStringLiteral("expires_at"), formatTimestamp(issued->expiresAt)}});
        },
        respond);
}

void IdentityRoutes::introspect(ApiRequest &request, const Responder &respond)
{
    QString token;
    const QByteArray contentType = request.header("content-type").toLower();
    if (contentType.startsWith("application/x-www-form-urlencoded")) {
        token = QUrlQuery(QString::fromUtf8(request.body))
                    .queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded);
    } else {
        auto body = RequestParsing::jsonObject(request);
        if (!body) {
            respond(body.error());
            return;
        }
        FieldErrors errors;
        JsonReader reader(*body, QString(), &errors);
        token = reader.requiredString(u"token", 8192).value_or(QString());
        reader.finish();
        if (!errors.isEmpty()) {
            respond(Problem::validation(errors));
            return;
        }
    }
    const QJsonObject inactive{{QStringLiteral("active"), false}};
    const auto claims = m_credentials.verifyJit(token);
    if (!claims) {
        respond(ApiResponse::json(200, inactive));
        return;
    }
    const auto tree = DelegationTree::load(m_store, claims->delegationId);
    const auto agent = m_store.agents().findBySpiffeId(claims->agent.toString());
    if (!tree || !agent || agent->status != AgentStatus::Active || !tree->isUsable(m_clock.now())) {
        respond(ApiResponse::json(200, inactive));
        return;
    }
    respond(
        ApiResponse::json(200, {
                                   {QStringLiteral("active"), true},
                                   {QStringLiteral("sub"), claims->agent.toString()},
                                   {QStringLiteral("dlg"), claims->delegationId},
                                   {QStringLiteral("scope"), claims->actions.join(u' ')},
                                   {QStringLiteral("exp"), claims->expiresAt.toSecsSinceEpoch()},
                                   {QStringLiteral("act"), AgentCredentials::actorClaim(claims->delegators)},
                                   {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                               }));
}

} // namespace mandate::server
