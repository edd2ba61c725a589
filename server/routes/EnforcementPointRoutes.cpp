#include "server/routes/EnforcementPointRoutes.h"

#include "core/JsonReader.h"
#include "core/Timestamp.h"
#include "server/auth/EnforcementPointAuthenticator.h"
#include "server/auth/SecureRandom.h"
#include "server/auth/SessionAuthenticator.h"
#include "server/domain/AccessPolicy.h"
#include "server/domain/AuditTrail.h"
#include "server/http/IdempotentWrites.h"
#include "server/http/Problem.h"
#include "server/http/Router.h"
#include "server/routes/RequestParsing.h"
#include "server/store/Store.h"

#include <QJsonArray>

namespace mandate::server {

namespace {

QJsonObject toJson(const EnforcementPoint &point)
{
    const auto optionalTime = [](const std::optional<QDateTime> &at) {
        return at ? QJsonValue(formatTimestamp(*at)) : QJsonValue(QJsonValue::Null);
    };
    return {{QStringLiteral("id"), point.id},
            {QStringLiteral("name"), point.name},
            {QStringLiteral("created_at"), formatTimestamp(point.createdAt)},
            {QStringLiteral("last_used_at"), optionalTime(point.lastUsedAt)},
            {QStringLiteral("revoked_at"), optionalTime(point.revokedAt)}};
}

} // namespace

void EnforcementPointRoutes::registerRoutes(Router &router)
{
    router.add("GET", QStringLiteral("/v1/enforcement-points"), Router::Access::User, this,
               &EnforcementPointRoutes::list);
    router.add("POST", QStringLiteral("/v1/enforcement-points"), Router::Access::User, this,
               &EnforcementPointRoutes::registerPoint);
    router.add("POST", QStringLiteral("/v1/enforcement-points/{id}/revoke"), Router::Access::User, this,
               &EnforcementPointRoutes::revoke);
}

void EnforcementPointRoutes::list(ApiRequest &request, const Responder &respond)
{
    if (!AccessPolicy::canManageEnforcementPoints(request.principal)) {
        respond(Problem::forbidden(QStringLiteral("Only administrators manage enforcement points.")));
        return;
    }
    QJsonArray items;
    for (const EnforcementPoint &point : m_store.enforcementPoints().list())
        items.append(toJson(point));
    respond(ApiResponse::json(200, {{QStringLiteral("items"), items}}));
}

void EnforcementPointRoutes::registerPoint(ApiRequest &request, const Responder &respond)
{
    if (!AccessPolicy::canManageEnforcementPoints(request.principal)) {
        respond(Problem::forbidden(QStringLiteral("Only administrators manage enforcement points.")));
        return;
    }
    auto body = RequestParsing::jsonObject(request);
    if (!body) {
        respond(body.error());
        return;
    }
    FieldErrors errors;
    JsonReader reader(*body, QString(), &errors);
    const auto name = reader.requiredString(u"name", 200);
    reader.finish();
    if (name && name->trimmed().isEmpty())
        errors.append({QStringLiteral("name"), QStringLiteral("must not be empty")});
    if (!errors.isEmpty()) {
        respond(Problem::validation(errors));
        return;
    }
    const QString token = EnforcementPointAuthenticator::newToken();
    const EnforcementPoint point{SecureRandom::id(u"ep_"), name->trimmed(), m_clock.now(),
                                 request.principal.id,     std::nullopt,    std::nullopt};
    IdempotentWrites::Idempotency idempotency = RequestParsing::idempotency(request);
    idempotency.storeAnswer = false; // the answer holds the token, which is never stored
    m_writes.submit(
        idempotency,
        [this, point, token, actor = request.principal](Store &store) {
            QJsonObject json = toJson(point);
            if (!store.enforcementPoints().insert(point, SessionAuthenticator::hashToken(token.toLatin1())) ||
                !AuditTrail(store, m_clock)
                     .record(QStringLiteral("enforcement_point.registered"), actor, QString(),
                             {{QStringLiteral("enforcement_point"), json}}))
                return Problem::internal();
            json.insert(QStringLiteral("token"), token);
            return ApiResponse::json(201, json);
        },
        respond);
}

void EnforcementPointRoutes::revoke(ApiRequest &request, const Responder &respond)
{
    if (!AccessPolicy::canManageEnforcementPoints(request.principal)) {
        respond(Problem::forbidden(QStringLiteral("Only administrators manage enforcement points.")));
        return;
    }
    const QString id = request.param(0);
    m_writes.submit(
        RequestParsing::idempotency(request),
        [this, id, actor = request.principal](Store &store) {
            if (!store.enforcementPoints().find(id))
                return Problem::noSuch(u"enforcement point", id);
            const QDateTime now = m_clock.now();
            const auto point =
                store.enforcementPoints().revoke(id, now) ? store.enforcementPoints().find(id) : std::nullopt;
            if (!point || !AuditTrail(store, m_clock)
                               .record(QStringLiteral("enforcement_point.revoked"), actor, QString(),
                                       {{QStringLiteral("enforcement_point"), toJson(*point)}}))
                return Problem::internal();
            return ApiResponse::json(200, toJson(*point));
        },
        respond);
}

} // namespace mandate::server
