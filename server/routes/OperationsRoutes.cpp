#include "OperationsRoutes.h"

#include "Metrics.h"
#include "Router.h"
#include "WriteBatcher.h"

namespace mandate::server {

void OperationsRoutes::registerRoutes(Router &router)
{
    router.add("GET", QStringLiteral("/healthz"), Router::Access::Public,
               [](ApiRequest &, Responder respond) {
                   respond(ApiResponse::json(200, {{QStringLiteral("status"), QStringLiteral("ok")}}));
               });
    router.add(
        "GET", QStringLiteral("/readyz"), Router::Access::Public, [this](ApiRequest &, Responder respond) {
            // Ready when a write transaction starts and commits: an empty job in a batch
            // proves exactly that, and a batch that cannot begin answers 503 itself.
            m_writes.submit(
                {QString(), QString(), QByteArray(), false},
                [](Store &) {
                    return ApiResponse::json(200, {{QStringLiteral("status"), QStringLiteral("ready")}});
                },
                std::move(respond));
        });
    router.add(
        "GET", QStringLiteral("/metrics"), Router::Access::Public, [this](ApiRequest &, Responder respond) {
            respond(ApiResponse::text(200, "text/plain; version=0.0.4; charset=utf-8", m_metrics.render()));
        });
}

} // namespace mandate::server
