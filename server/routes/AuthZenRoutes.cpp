#include "server/routes/AuthZenRoutes.h"

#include "core/StrictJson.h"
#include "server/domain/ActionDirectory.h"
#include "server/http/Authenticator.h"
#include "server/http/IdempotentWrites.h"
#include "server/http/Router.h"
#include "server/store/Store.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <set>

namespace mandate::server {

namespace {

constexpr qsizetype MaxRequestIdLength = 255;
constexpr int DefaultSearchPage = 50;
constexpr int MaxSearchPage = 500;

ApiResponse error(int status, const QString &message)
{
    return ApiResponse::json(status, {{QStringLiteral("error"), message}});
}

// A problem+json answer from the shared write path, in AuthZEN's shape: every malformed request
// is a 400 there (a reused X-Request-ID with another body included).
ApiResponse inAuthZenShape(ApiResponse response)
{
    if (response.status < 400 || response.contentType != "application/problem+json")
        return response;
    const QJsonObject problem = QJsonDocument::fromJson(response.body).object();
    const QString detail =
        problem.value(QStringLiteral("detail")).toString(problem.value(QStringLiteral("title")).toString());
    const int status = response.status == 422 || response.status == 415 ? 400 : response.status;
    ApiResponse shaped = error(status, detail);
    shaped.headers = response.headers;
    return shaped;
}

bool isJsonMediaType(const QByteArray &contentType)
{
    return contentType.split(';').first().trimmed().toLower() == "application/json";
}

QString pageToken(qsizetype offset)
{
    return QString::fromLatin1(QByteArray("o:" + QByteArray::number(offset))
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<qsizetype> offsetOf(const QString &token)
{
    if (token.isEmpty())
        return 0;
    const QByteArray raw = QByteArray::fromBase64(token.toLatin1(), QByteArray::Base64UrlEncoding);
    bool ok = false;
    const qsizetype offset = raw.startsWith("o:") ? raw.mid(2).toLongLong(&ok) : -1;
    if (!ok || offset < 0)
        return std::nullopt;
    return offset;
}

} // namespace

void AuthZenRoutes::registerRoutes(Router &router)
{
    router.add("GET", QStringLiteral("/.well-known/authzen-configuration"), Router::Access::Public, this,
               &AuthZenRoutes::configuration);
    const QList<QPair<QString, void (AuthZenRoutes::*)(ApiRequest &, const Responder &)>> posts{
        {QStringLiteral("/access/v1/evaluation"), &AuthZenRoutes::evaluation},
        {QStringLiteral("/access/v1/evaluations"), &AuthZenRoutes::evaluations},
        {QStringLiteral("/access/v1/search/action"), &AuthZenRoutes::searchActions},
        {QStringLiteral("/access/v1/search/resource"), &AuthZenRoutes::searchResources},
    };
    for (const auto &[path, handler] : posts) {
        router.add("POST", path, Router::Access::Public, this, handler);
        router.letCheckOwnRequests(path);
    }
}

QString AuthZenRoutes::baseUrl(const ApiRequest &request) const
{
    const QByteArray host = request.header("host");
    if (host.isEmpty() || host.contains('/') || host.contains('@'))
        return m_settings.fallbackBaseUrl;
    return (m_settings.tls ? QStringLiteral("https://") : QStringLiteral("http://")) +
           QString::fromLatin1(host);
}

void AuthZenRoutes::configuration(ApiRequest &request, const Responder &respond)
{
    const QString base = baseUrl(request);
    const auto at = [&base](const char *path) {
        return QString(base + QLatin1StringView(path));
    };
    // AuthZEN: parameters without values are omitted, so no empty "capabilities" array.
    respond(ApiResponse::json(
        200, {{QStringLiteral("policy_decision_point"), base},
              {QStringLiteral("access_evaluation_endpoint"), at("/access/v1/evaluation")},
              {QStringLiteral("access_evaluations_endpoint"), at("/access/v1/evaluations")},
              {QStringLiteral("search_action_endpoint"), at("/access/v1/search/action")},
              {QStringLiteral("search_resource_endpoint"), at("/access/v1/search/resource")}}));
}

std::optional<QJsonObject> AuthZenRoutes::admit(ApiRequest &request, const Responder &answer)
{
    const std::optional<Principal> caller =
        m_authenticator.authenticate(Authenticator::bearerToken(request.header("authorization")));
    if (!caller) {
        answer(error(401, QStringLiteral("Present an agent's JWT-SVID or JIT credential, or an enforcement "
                                         "point's token, as a bearer token.")));
        return std::nullopt;
    }
    if (!caller->isAgent() && !caller->isEnforcementPoint()) {
        answer(error(403, QStringLiteral("People ask through /v1; the AuthZEN endpoints are for agents and "
                                         "enforcement points.")));
        return std::nullopt;
    }
    request.principal = *caller;
    if (!isJsonMediaType(request.header("content-type"))) {
        answer(error(400, QStringLiteral("The Content-Type must be application/json.")));
        return std::nullopt;
    }
    if (request.body.trimmed().isEmpty()) {
        answer(error(400, QStringLiteral("The request body is empty; send a JSON object.")));
        return std::nullopt;
    }
    const auto body = StrictJson::parseObject(request.body);
    if (!body) {
        answer(error(400,
                     QStringLiteral("The request body is not a JSON object: %1.").arg(body.error().message)));
        return std::nullopt;
    }
    return *body;
}

void AuthZenRoutes::evaluate(ApiRequest &request, const Responder &respond, bool batch)
{
    const QByteArray requestId = request.header("x-request-id");
    const Responder answer = [respond, requestId](ApiResponse response) {
        if (!requestId.isEmpty())
            response.headers.emplaceBack("X-Request-ID", requestId);
        respond(inAuthZenShape(std::move(response)));
    };
    if (requestId.size() > MaxRequestIdLength) {
        answer(error(400,
                     QStringLiteral("X-Request-ID must be at most %1 characters.").arg(MaxRequestIdLength)));
        return;
    }
    const std::optional<QJsonObject> body = admit(request, answer);
    if (!body)
        return;
    Expected<authzen::Evaluations, QString> parsed = batch ? authzen::parseEvaluations(*body) : [&] {
        auto single = authzen::parseEvaluation(*body);
        return single ? Expected<authzen::Evaluations, QString>(
                            authzen::Evaluations{{*single}, {QString()}, {}, false})
                      : Expected<authzen::Evaluations, QString>(unexpected(single.error()));
    }();
    if (!parsed) {
        answer(error(400, parsed.error()));
        return;
    }
    QList<AuthZenEvaluator::Resolved> resolved;
    QStringList named;
    for (qsizetype i = 0; i < parsed->items.size(); ++i) {
        if (!parsed->itemErrors.at(i).isEmpty()) {
            resolved.append(AuthZenEvaluator::malformed(parsed->itemErrors.at(i)));
            continue;
        }
        auto one = m_evaluator.resolve(m_store, parsed->items.at(i), request.principal);
        if (!one) {
            answer(error(one.error().status, one.error().message));
            return;
        }
        if (one->request)
            named.append(one->request->action);
        resolved.append(*one);
    }
    std::shared_ptr<const ActionCatalog> actions = m_actions.knowing(m_store, named);
    for (AuthZenEvaluator::Resolved &one : resolved) {
        if (!one.request)
            continue;
        const QString unknown = actions->unknownMessage(one.request->action);
        if (unknown.isEmpty())
            continue;
        const QString message = QStringLiteral("action.name %1").arg(unknown);
        if (!parsed->batch) {
            answer(error(400, message));
            return;
        }
        one = AuthZenEvaluator::malformed(message);
    }
    // X-Request-ID is the evaluation's idempotency key: a retry answers the same and reserves once.
    const IdempotentWrites::Idempotency idempotency = IdempotentWrites::of(requestId, request);
    decide(std::move(resolved),
           Batch{parsed->semantic, parsed->batch, request.principal, baseUrl(request), idempotency, actions},
           false, answer);
}

void AuthZenRoutes::decide(QList<AuthZenEvaluator::Resolved> resolved, Batch batch, bool force,
                           const Responder &answer)
{
    // Each evaluation the delegation would allow goes past the organisation's engine first, one
    // after another on the event loop (each is a kept-alive exchange of well under a millisecond).
    screenFrom(
        std::move(resolved), 0, batch, force,
        [this, batch, force, answer](QList<AuthZenEvaluator::Resolved> screened) {
            auto needsOrgPolicy = std::make_shared<bool>(false);
            m_writes.submit(
                batch.idempotency,
                [this, screened, batch, needsOrgPolicy](Store &store) -> WriteAnswer {
                    const auto answers = m_evaluator.decide(store, screened, batch.semantic, batch.caller,
                                                            batch.baseUrl, batch.actions.get());
                    if (!answers && answers.error() == AuthZenEvaluator::Unfinished::NeedsOrgPolicy) {
                        *needsOrgPolicy = true;
                        return error(503, QStringLiteral("The organisation's policy must be asked first."));
                    }
                    if (!answers)
                        return error(
                            500, QStringLiteral("The decision could not be recorded; nothing was reserved."));
                    return ApiResponse::json(200, batch.isBatch
                                                      ? QJsonObject{{QStringLiteral("evaluations"), *answers}}
                                                      : answers->first().toObject());
                },
                [this, screened, batch, force, needsOrgPolicy, answer](ApiResponse response) {
                    if (*needsOrgPolicy && !force) {
                        decide(screened, batch, true, answer);
                        return;
                    }
                    answer(std::move(response));
                });
        });
}

void AuthZenRoutes::screenFrom(QList<AuthZenEvaluator::Resolved> resolved, qsizetype next, const Batch &batch,
                               bool force, std::function<void(QList<AuthZenEvaluator::Resolved>)> then)
{
    while (next < resolved.size() && !resolved.at(next).request)
        ++next;
    if (next >= resolved.size()) {
        then(std::move(resolved));
        return;
    }
    const AuthorizeRequest request = *resolved.at(next).request;
    const Principal agent = resolved.at(next).agent;
    m_orgPolicy.screen(request, agent, batch.actions, force,
                       [this, resolved = std::move(resolved), next, batch, force,
                        then = std::move(then)](OrgPolicyGate::Screening screening) mutable {
                           resolved[next].screening = std::move(screening);
                           screenFrom(std::move(resolved), next + 1, batch, force, std::move(then));
                       });
}

void AuthZenRoutes::search(ApiRequest &request, const Responder &respond, bool actions)
{
    const QByteArray requestId = request.header("x-request-id");
    const Responder answer = [respond, requestId](ApiResponse response) {
        if (!requestId.isEmpty() && requestId.size() <= MaxRequestIdLength)
            response.headers.emplaceBack("X-Request-ID", requestId);
        respond(std::move(response));
    };
    const std::optional<QJsonObject> body = admit(request, answer);
    if (!body)
        return;
    const auto parsed = actions ? authzen::parseActionSearch(*body) : authzen::parseResourceSearch(*body);
    if (!parsed) {
        answer(error(400, parsed.error()));
        return;
    }
    const std::optional<qsizetype> offset = offsetOf(parsed->pageToken);
    if (!offset) {
        answer(error(400, QStringLiteral("page.token is not a token this server gave out.")));
        return;
    }
    const int limit = std::clamp(parsed->pageLimit.value_or(DefaultSearchPage), 1, MaxSearchPage);
    const std::optional<AgentRecord> agent =
        parsed->subject.type == u"agent" ? m_store.agents().findBySpiffeId(parsed->subject.id) : std::nullopt;
    if (request.principal.isAgent() && (!agent || agent->id != request.principal.id)) {
        answer(error(403, QStringLiteral("an agent may only ask about itself")));
        return;
    }
    std::set<QPair<QString, QString>> found; // (type or name, id), sorted and distinct
    if (agent) {
        const QString resource = parsed->resource.type + u':' + parsed->resource.id;
        const QString prefix = parsed->resource.type + u':';
        for (const Delegation &delegation :
             AuthZenEvaluator::activeDelegations(m_store, agent->id, m_clock.now())) {
            if (!request.principal.mayUseDelegation(delegation.id) && request.principal.isAgent())
                continue;
            for (const Scope &scope : delegation.scopes) {
                if (actions && scope.resource.matches(resource))
                    found.insert({scope.action, QString()});
                else if (!actions && scope.action == parsed->action->name &&
                         scope.resource.text().startsWith(prefix))
                    found.insert({parsed->resource.type, scope.resource.text().mid(prefix.size())});
            }
        }
    }
    const QList<QPair<QString, QString>> all(found.begin(), found.end());
    QJsonArray results;
    for (qsizetype i = *offset; i < all.size() && i < *offset + limit; ++i) {
        results.append(actions ? QJsonObject{{QStringLiteral("name"), all.at(i).first}}
                               : QJsonObject{{QStringLiteral("type"), all.at(i).first},
                                             {QStringLiteral("id"), all.at(i).second}});
    }
    const qsizetype next = *offset + results.size();
    answer(ApiResponse::json(
        200, {{QStringLiteral("results"), results},
              {QStringLiteral("page"),
               QJsonObject{{QStringLiteral("next_token"), next < all.size() ? pageToken(next) : QString()},
                           {QStringLiteral("count"), results.size()},
                           {QStringLiteral("total"), all.size()}}}}));
}

} // namespace mandate::server
