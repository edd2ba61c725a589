#include "server/routes/PolicyRoutes.h"

#include "server/http/Router.h"
#include "server/policy/PolicyDecisionPoint.h"

namespace mandate::server {

void PolicyRoutes::registerRoutes(Router &router)
{
    router.add("GET", QStringLiteral("/v1/policy"), Router::Access::User, this, &PolicyRoutes::describe);
}

void PolicyRoutes::describe(ApiRequest &, const Responder &respond)
{
    if (!m_engine) {
        respond(ApiResponse::json(200, {{QStringLiteral("pdp"), QJsonValue(QJsonValue::Null)},
                                        {QStringLiteral("failure"), QStringLiteral("closed")},
                                        {QStringLiteral("healthy"), true}}));
        return;
    }
    respond(
        ApiResponse::json(200, {{QStringLiteral("pdp"), m_engine->displayUrl()},
                                {QStringLiteral("failure"),
                                 m_engine->failsOpen() ? QStringLiteral("open") : QStringLiteral("closed")},
                                {QStringLiteral("healthy"), m_engine->healthy()}}));
}

} // namespace mandate::server
