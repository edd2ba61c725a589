#include "server/routes/DelegationRoutes.h"

#include "core/DelegationCodec.h"
#include "core/Timestamp.h"
#include "server/auth/SecureRandom.h"
#include "server/domain/AccessPolicy.h"
#include "server/domain/ActionDirectory.h"
#include "server/domain/AuditTrail.h"
#include "server/domain/Revocations.h"
#include "server/events/LiveEvents.h"
#include "server/http/IdempotentWrites.h"
#include "server/http/Problem.h"
#include "server/http/Router.h"
#include "server/routes/RequestParsing.h"
#include "server/store/Store.h"

#include <QJsonArray>

namespace mandate::server {

namespace {

QString searchText(const Delegation &d, const AgentRecord &agent, const UserRecord &customer)
{
    return QStringList{d.id, d.purpose, agent.name, agent.spiffeId, customer.displayName, customer.username}
        .join(u' ');
}

} // namespace

void DelegationRoutes::registerRoutes(Router &router)
{
    router.add("POST", QStringLiteral("/v1/delegations"), Router::Access::User, this,
               &DelegationRoutes::grant);
    router.add("GET", QStringLiteral("/v1/delegations"), Router::Access::User, this, &DelegationRoutes::list);
    router.add("GET", QStringLiteral("/v1/delegations/{id}"), Router::Access::User, this,
               &DelegationRoutes::get);
    router.add("POST", QStringLiteral("/v1/delegations/{id}/revoke"), Router::Access::User, this,
               &DelegationRoutes::revoke);
    router.add("POST", QStringLiteral("/v1/customers/{id}/revoke-all"), Router::Access::User, this,
               &DelegationRoutes::revokeAllOfCustomer);
}

void DelegationRoutes::grant(ApiRequest &request, const Responder &respond)
{
    if (!AccessPolicy::canGrant(request.principal)) {
        respond(Problem::forbidden(QStringLiteral("Only customers grant delegations.")));
        return;
    }
    m_actions.reload(m_store);
    const auto grant = RequestParsing::grant(request, DelegationCodec::GrantKind::Customer, m_clock.now(),
                                             *m_actions.current());
    if (!grant) {
        respond(grant.error());
        return;
    }
    m_writes.submit(
        RequestParsing::idempotency(request),
        [this, grant = *grant, actor = request.principal](Store &store) {
            if (!store.agents().lock(grant.agentId))
                return Problem::internal();
            const auto agent = store.agents().find(grant.agentId);
            if (!agent)
                return Problem::validation(
                    {{QStringLiteral("agent_id"), QStringLiteral("is not a registered agent")}});
            if (agent->status != AgentStatus::Active)
                return Problem::validation({{QStringLiteral("agent_id"), QStringLiteral("is suspended")}});
            const auto customer = store.users().findById(actor.id);
            if (!customer)
                return Problem::internal();

            Delegation d;
            d.id = SecureRandom::id(u"dlg_");
            d.customerId = actor.id;
            d.agentId = agent->id;
            d.purpose = grant.purpose.trimmed();
            d.status = DelegationStatus::Active;
            d.createdAt = m_clock.now();
            d.expiresAt = grant.expiresAt;
            d.notBefore = grant.notBefore;
            d.scopes = grant.scopes;
            d.stepUp = grant.stepUp;
            d.dualControl = grant.dualControl;
            d.revokeOn = grant.revokeOn;
            d.scopeUsage = QList<ScopeUsage>(d.scopes.size());
            d.chain = {ChainLink{ChainLink::Kind::Customer, customer->id, customer->displayName, QString()},
                       ChainLink{ChainLink::Kind::Agent, agent->id, agent->name, agent->spiffeId}};
            if (!store.delegations().insert(d, 1, searchText(d, *agent, *customer)) ||
                !AuditTrail(store, m_clock)
                     .record(QStringLiteral("delegation.granted"), actor, d,
                             {{QStringLiteral("grant"),
                               DelegationCodec::grantToJson(grant, DelegationCodec::GrantKind::Customer)}}) ||
                !LiveEvents::delegation(store, QStringLiteral("delegation.created"), d))
                return Problem::internal();
            return ApiResponse::json(201, DelegationCodec::toJson(d));
        },
        respond);
}

void DelegationRoutes::list(ApiRequest &request, const Responder &respond)
{
    const auto page = RequestParsing::page(request);
    if (!page) {
        respond(page.error());
        return;
    }
    DelegationRepository::Query query;
    query.limit = page->limit + 1;
    query.after = page->after;
    for (const auto &[name, field] : {std::pair{QStringLiteral("status"), &query.status},
                                      std::pair{QStringLiteral("agent_id"), &query.agentId},
                                      std::pair{QStringLiteral("customer_id"), &query.customerId},
                                      std::pair{QStringLiteral("q"), &query.text}}) {
        const auto value = RequestParsing::text(request, name);
        if (!value) {
            respond(value.error());
            return;
        }
        *field = *value;
    }
    const auto sort = RequestParsing::text(request, QStringLiteral("sort"));
    if (!sort) {
        respond(sort.error());
        return;
    }
    if (*sort) {
        static const QHash<QString, DelegationRepository::Query::Sort> Sorts = {
            {QStringLiteral("created_at"), DelegationRepository::Query::Sort::CreatedAt},
            {QStringLiteral("expires_at"), DelegationRepository::Query::Sort::ExpiresAt},
            {QStringLiteral("purpose"), DelegationRepository::Query::Sort::Purpose}};
        QStringView name = **sort;
        query.descending = name.startsWith(u'-');
        const auto it = Sorts.constFind(name.mid(query.descending ? 1 : 0).toString());
        if (it == Sorts.cend()) {
            respond(Problem::validation(
                {{QStringLiteral("sort"),
                  QStringLiteral(
                      "must be created_at, expires_at or purpose, optionally prefixed with '-'")}}));
            return;
        }
        query.sort = *it;
    }
    if (query.status && !delegationStatusFromString(*query.status)) {
        respond(
            Problem::validation({{QStringLiteral("status"),
                                  QStringLiteral("must be one of active, revoked, expired, completed")}}));
        return;
    }

    QJsonArray items;
    QJsonValue next = QJsonValue::Null;
    switch (AccessPolicy::delegationList(request.principal)) {
    case AccessPolicy::Visibility::None:
        query.behindApproverRequests = AccessPolicy::readsBehindApprovals(request.principal);
        if (!query.behindApproverRequests)
            query.limit = 0;
        break;
    case AccessPolicy::Visibility::OwnAsCustomer:
        query.onlyCustomerId = request.principal.id;
        query.behindApproverRequests = AccessPolicy::readsBehindApprovals(request.principal);
        break;
    case AccessPolicy::Visibility::All:
        break;
    }
    if (query.limit > 0) {
        const QList<Delegation> found = m_store.delegations().list(query);
        for (qsizetype i = 0; i < qMin<qsizetype>(found.size(), page->limit); ++i)
            items.append(DelegationCodec::toJson(found[i]));
        if (found.size() > page->limit) {
            const Delegation &last = found[page->limit - 1];
            next = PageCursor{DelegationRepository::sortKeyOf(last, query.sort), last.id}.encode();
        }
    }
    respond(
        ApiResponse::json(200, {{QStringLiteral("items"), items}, {QStringLiteral("next_cursor"), next}}));
}

void DelegationRoutes::get(ApiRequest &request, const Responder &respond)
{
    const auto delegation = m_store.delegations().find(request.param(0));
    const bool visible = delegation && (AccessPolicy::canSeeDelegation(request.principal, *delegation) ||
                                        (AccessPolicy::readsBehindApprovals(request.principal) &&
                                         m_store.approvals().routedToApprovers(delegation->id)));
    if (!visible) {
        respond(Problem::noSuch(u"delegation", request.param(0)));
        return;
    }
    respond(ApiResponse::json(200, DelegationCodec::toJson(*delegation)));
}

void DelegationRoutes::revoke(ApiRequest &request, const Responder &respond)
{
    const QString id = request.param(0);
    const auto delegation = m_store.delegations().find(id);
    if (!delegation || !AccessPolicy::canSeeDelegation(request.principal, *delegation)) {
        respond(Problem::noSuch(u"delegation", id));
        return;
    }
    if (!AccessPolicy::canRevokeDelegation(request.principal, *delegation)) {
        respond(Problem::forbidden(
            QStringLiteral("Only the customer who granted it and support staff revoke a delegation.")));
        return;
    }
    const auto reason = RequestParsing::reason(request);
    if (!reason) {
        respond(reason.error());
        return;
    }
    m_writes.submit(
        RequestParsing::idempotency(request),
        [this, id, reason = *reason, actor = request.principal](Store &store) {
            // Revoking a delegation that is no longer active changes nothing and says so.
            if (!Revocations::revoke(store, m_clock, DelegationRepository::Roots::Delegation, id, actor,
                                     reason, QStringLiteral("revoked")))
                return Problem::internal();
            const auto current = store.delegations().find(id);
            return current ? ApiResponse::json(200, DelegationCodec::toJson(*current))
                           : Problem::noSuch(u"delegation", id);
        },
        respond);
}

void DelegationRoutes::revokeAllOfCustomer(ApiRequest &request, const Responder &respond)
{
    if (!AccessPolicy::canRevokeAllOfCustomer(request.principal)) {
        respond(Problem::forbidden(
            QStringLiteral("Only support staff and administrators revoke all of a customer's delegations.")));
        return;
    }
    const QString customerId = request.param(0);
    const auto customer = m_store.users().findById(customerId);
    if (!customer || !customer->roles.contains(QStringLiteral("customer"))) {
        respond(Problem::noSuch(u"customer", customerId));
        return;
    }
    const auto reason = RequestParsing::reason(request);
    if (!reason) {
        respond(reason.error());
        return;
    }
    m_writes.submit(
        RequestParsing::idempotency(request),
        [this, customerId, reason = *reason, actor = request.principal](Store &store) {
            const auto revoked =
                Revocations::revoke(store, m_clock, DelegationRepository::Roots::Customer, customerId, actor,
                                    reason, QStringLiteral("customer_revoke_all"));
            if (!revoked)
                return Problem::internal();
            return ApiResponse::json(200,
                                     {{QStringLiteral("revoked"), static_cast<qint64>(revoked->size())}});
        },
        respond);
}

} // namespace mandate::server
