#include "OperationsRoutes.h"

#include "Metrics.h"
#include "Problem.h"
#include "Router.h"
#include "Store.h"

namespace mandate::server {

void OperationsRoutes::registerRoutes(Router &router)
{
    router.add("GET", QStringLiteral("/healthz"), Router::Access::Public,
               [](ApiRequest &, Responder respond) {
                   respond(ApiResponse::json(200, {{QStringLiteral("status"), QStringLiteral("ok")}}));
               });
    router.add("GET", QStringLiteral("/readyz"), Router::Access::Public,
               [this](ApiRequest &, Responder respond) {
                   respond(m_store.isWritable()
                               ? ApiResponse::json(200, {{QStringLiteral("status"), QStringLiteral("ready")}})
                               : Problem::unavailable(QStringLiteral("The store does not accept writes.")));
               });
    router.add(
        "GET", QStringLiteral("/metrics"), Router::Access::Public, [this](ApiRequest &, Responder respond) {
            respond(ApiResponse::text(200, "text/plain; version=0.0.4; charset=utf-8", m_metrics.render()));
        });
}

} // namespace mandate::server
