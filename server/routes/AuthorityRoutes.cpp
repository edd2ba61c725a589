#include "server/routes/AuthorityRoutes.h"

#include "server/domain/AccessPolicy.h"
#include "server/domain/AgentAuthority.h"
#include "server/http/Problem.h"
#include "server/http/Router.h"

namespace mandate::server {

void AuthorityRoutes::registerRoutes(Router &router)
{
    router.add("GET", QStringLiteral("/v1/agents/{id}/authority"), Router::Access::User, this,
               &AuthorityRoutes::authority);
}

void AuthorityRoutes::authority(ApiRequest &request, const Responder &respond)
{
    if (!AccessPolicy::canSeeAgentAuthority(request.principal)) {
        respond(Problem::forbidden(
            QStringLiteral("Only support, admins and customers (for their own delegations) see an agent's "
                           "authority.")));
        return;
    }
    const auto authority = AgentAuthority(m_store, m_clock).of(request.param(0), request.principal);
    if (!authority) {
        respond(authority.error() == AgentAuthority::Failure::NoSuchAgent
                    ? Problem::noSuch(u"agent", request.param(0))
                    : Problem::internal());
        return;
    }
    respond(ApiResponse::json(200, *authority));
}

} // namespace mandate::server
