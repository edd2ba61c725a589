#include "server/routes/ActionRoutes.h"

#include "server/domain/AccessPolicy.h"
#include "server/domain/ActionDirectory.h"
#include "server/domain/AuditTrail.h"
#include "server/http/IdempotentWrites.h"
#include "server/http/Problem.h"
#include "server/http/Router.h"
#include "server/routes/RequestParsing.h"
#include "server/store/Store.h"

#include <QJsonArray>

namespace mandate::server {

void ActionRoutes::registerRoutes(Router &router)
{
    router.add("GET", QStringLiteral("/v1/actions"), Router::Access::UserOrAgent, this, &ActionRoutes::list);
    router.add("POST", QStringLiteral("/v1/actions"), Router::Access::User, this,
               &ActionRoutes::registerAction);
}

void ActionRoutes::list(ApiRequest &, const Responder &respond)
{
    // Another instance may have registered one since this copy was read.
    m_actions.reload(m_store);
    QJsonArray items;
    for (const ActionDefinition &action : m_actions.current()->actions())
        items.append(ActionCatalog::toJson(action));
    respond(ApiResponse::json(200, {{QStringLiteral("items"), items}}));
}

void ActionRoutes::registerAction(ApiRequest &request, const Responder &respond)
{
    if (!AccessPolicy::canRegisterActions(request.principal)) {
        respond(Problem::forbidden(QStringLiteral("Only administrators register actions.")));
        return;
    }
    auto body = RequestParsing::jsonObject(request);
    if (!body) {
        respond(body.error());
        return;
    }
    const auto action = ActionCatalog::fromJson(*body);
    if (!action) {
        respond(Problem::validation(action.error()));
        return;
    }
    if (ActionCatalog::builtIn().contains(action->name)) {
        respond(
            Problem::make(422, QStringLiteral("validation"), QStringLiteral("Built-in action"),
                          QStringLiteral("The built-in actions cannot be changed."),
                          {{QStringLiteral("name"), QStringLiteral("is built in and cannot be changed")}}));
        return;
    }
    m_writes.submit(
        RequestParsing::idempotency(request),
        [this, action = *action, actor = request.principal](Store &store) {
            const QJsonObject json = ActionCatalog::toJson(action);
            if (!store.actions().save(action, actor.id, m_clock.now()) ||
                !AuditTrail(store, m_clock)
                     .record(QStringLiteral("action.registered"), actor, QString(),
                             {{QStringLiteral("action"), json}}))
                return Problem::internal();
            return ApiResponse::json(201, json);
        },
        [this, respond](ApiResponse response) {
            if (response.status == 201)
                m_actions.reload(m_store);
            respond(std::move(response));
        });
}

} // namespace mandate::server
