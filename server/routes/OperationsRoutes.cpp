#include "server/routes/OperationsRoutes.h"

#include "server/auth/SessionAuthenticator.h"
#include "server/http/Problem.h"
#include "server/http/Router.h"
#include "server/ops/Metrics.h"
#include "server/write/WriteBatcher.h"

#include <openssl/crypto.h>

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
            // proves exactly that.
            m_writes.submit(
                [](Store &) { return WriteResult::Keep; },
                [respond = std::move(respond)](CommitStatus status) {
                    respond(
                        status == CommitStatus::Committed
                            ? ApiResponse::json(200, {{QStringLiteral("status"), QStringLiteral("ready")}})
                            : Problem::unavailable(QStringLiteral("The store does not commit writes.")));
                });
        });
    router.add("GET", QStringLiteral("/metrics"), Router::Access::Public, this, &OperationsRoutes::metrics);
}

void OperationsRoutes::metrics(ApiRequest &request, const Responder &respond)
{
    if (m_metricsTokenHash.isEmpty()) {
        if (!request.remoteAddress.isLoopback()) {
            respond(Problem::forbidden(QStringLiteral("Metrics answer only on this machine; start the server "
                                                      "with --metrics-token to scrape them.")));
            return;
        }
    } else {
        const QByteArray presented =
            SessionAuthenticator::hashToken(Authenticator::bearerToken(request.header("authorization")));
        // Equal-length digests compared in constant time: the comparison says nothing of the token.
        if (CRYPTO_memcmp(presented.constData(), m_metricsTokenHash.constData(),
                          static_cast<size_t>(m_metricsTokenHash.size())) != 0) {
            respond(
                Problem::unauthenticated(QStringLiteral("Metrics need the scrape token as a bearer token.")));
            return;
        }
    }
    respond(ApiResponse::text(200, "text/plain; version=0.0.4; charset=utf-8", m_metrics.render()));
}

} // namespace mandate::server
