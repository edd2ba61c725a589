#include "server/routes/ApprovalRoutes.h"

#include "core/ApprovalCodec.h"
#include "core/ApprovalStateMachine.h"
#include "core/DelegationCodec.h"
#include "core/Timestamp.h"
#include "server/domain/AccessPolicy.h"
#include "server/domain/ApprovalLedger.h"
#include "server/domain/AuditTrail.h"
#include "server/events/LiveEvents.h"
#include "server/http/IdempotentWrites.h"
#include "server/http/Problem.h"
#include "server/http/Router.h"
#include "server/routes/RequestParsing.h"
#include "server/store/Store.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace mandate::server {

namespace {

// 409 carries the approval as it stands, so the console can say who resolved it and how.
ApiResponse conflict(const Approval &approval, const QString &detail)
{
    ApiResponse response = Problem::conflict(detail);
    QJsonObject body = QJsonDocument::fromJson(response.body).object();
    body.insert(QStringLiteral("approval"), ApprovalCodec::toJson(approval));
    response.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return response;
}

ApiResponse refusal(ApprovalStateMachine::Error error, const Approval &approval)
{
    const QString message = ApprovalStateMachine::errorMessage(error);
    switch (error) {
    case ApprovalStateMachine::Error::NotPending:
    case ApprovalStateMachine::Error::Expired:
        return conflict(approval, message);
    case ApprovalStateMachine::Error::ReasonRequired:
        return Problem::validation({{QStringLiteral("reason"), message}});
    default:
        return Problem::forbidden(message);
    }
}

} // namespace

void ApprovalRoutes::registerRoutes(Router &router)
{
    router.add("GET", QStringLiteral("/v1/approvals"), Router::Access::User, this, &ApprovalRoutes::list);
    router.add("GET", QStringLiteral("/v1/approvals/{id}"), Router::Access::User, this, &ApprovalRoutes::get);
    router.add("POST", QStringLiteral("/v1/approvals/{id}/decisions"), Router::Access::User, this,
               &ApprovalRoutes::decide);
}

void ApprovalRoutes::list(ApiRequest &request, const Responder &respond)
{
    const auto page = RequestParsing::page(request);
    if (!page) {
        respond(page.error());
        return;
    }
    ApprovalRepository::Query query;
    query.limit = page->limit + 1;
    query.after = page->after;
    for (const auto &[name, field] : {std::pair{QStringLiteral("status"), &query.status},
                                      std::pair{QStringLiteral("kind"), &query.kind}}) {
        const auto value = RequestParsing::text(request, name);
        if (!value) {
            respond(value.error());
            return;
        }
        *field = *value;
    }
    if (query.status && !approvalStatusFromString(*query.status)) {
        respond(Problem::validation(
            {{QStringLiteral("status"),
              QStringLiteral("must be one of pending, approved, denied, expired, cancelled")}}));
        return;
    }
    if (query.kind && !approvalKindFromString(*query.kind)) {
        respond(Problem::validation(
            {{QStringLiteral("kind"), QStringLiteral("must be step_up or dual_control")}}));
        return;
    }
    AccessPolicy::restrictApprovals(request.principal, query);
    QJsonArray items;
    QJsonValue next = QJsonValue::Null;
    const QList<Approval> found = m_store.approvals().list(query);
    for (qsizetype i = 0; i < qMin<qsizetype>(found.size(), page->limit); ++i)
        items.append(ApprovalCodec::toJson(found[i]));
    if (found.size() > page->limit) {
        const Approval &last = found[page->limit - 1];
        next = PageCursor{formatTimestamp(last.createdAt), last.id}.encode();
    }
    respond(
        ApiResponse::json(200, {{QStringLiteral("items"), items}, {QStringLiteral("next_cursor"), next}}));
}

void ApprovalRoutes::get(ApiRequest &request, const Responder &respond)
{
    const auto approval = m_store.approvals().find(request.param(0));
    const auto route = m_store.approvals().routeOf(request.param(0));
    if (!approval || !route || !AccessPolicy::canSeeApproval(request.principal, *approval, *route)) {
        respond(Problem::noSuch(u"approval", request.param(0)));
        return;
    }
    respond(ApiResponse::json(200, ApprovalCodec::toJson(*approval)));
}

void ApprovalRoutes::decide(ApiRequest &request, const Responder &respond)
{
    const QString id = request.param(0);
    const auto seen = m_store.approvals().find(id);
    {
        const auto route = m_store.approvals().routeOf(id);
        if (!seen || !route || !AccessPolicy::canSeeApproval(request.principal, *seen, *route)) {
            respond(Problem::noSuch(u"approval", id));
            return;
        }
    }
    auto body = RequestParsing::jsonObject(request);
    if (!body) {
        respond(body.error());
        return;
    }
    const auto decisionBody = ApprovalCodec::decisionBodyFromJson(*body);
    if (!decisionBody) {
        respond(Problem::validation(decisionBody.error()));
        return;
    }
    // The request an approval is for never changes, so the narrowing is checked against it here.
    if (decisionBody->narrowed) {
        if (const auto error = ApprovalStateMachine::narrowingError(*seen, *decisionBody->narrowed)) {
            respond(Problem::validation({{QStringLiteral("narrowed.amount"), *error}}));
            return;
        }
    }
    m_writes.submit(
        RequestParsing::idempotency(request),
        [this, id, body = *decisionBody, actor = request.principal](Store &store) -> WriteAnswer {
            // Read again inside the transaction, locked: a decision that raced this one is
            // already applied, one on another instance waits for this one.
            auto approval = store.approvals().findForUpdate(id);
            const auto route = store.approvals().routeOf(id);
            const auto delegation =
                approval ? store.delegations().find(approval->delegationId) : std::nullopt;
            if (!approval || !route || !delegation)
                return Problem::noSuch(u"approval", id);
            const QDateTime now = m_clock.now();
            ApprovalLedger ledger(store, m_clock, 0);
            // An approval past its time that the sweeper has not reached yet is expired here, and
            // that stays committed although the decision is refused: it is true, the sweeper would
            // write the same, and the answer, the database and every stream then say the same.
            const bool expiredNow = approval->status == ApprovalStatus::Pending && approval->expiresAt <= now;
            if (expiredNow) {
                if (!ledger.expire(*approval))
                    return Problem::internal();
                approval = store.approvals().find(id);
            }
            const Decider decider{actor.id, actor.name, actor.roles};
            auto decided = ApprovalStateMachine::decide(*approval, ApprovalLedger::stepUpRouting(*delegation),
                                                        decider, body.verdict, body.reason, now);
            if (!decided)
                return expiredNow ? WriteAnswer::keeping(refusal(decided.error(), *approval))
                                  : WriteAnswer(refusal(decided.error(), *approval));
            QJsonObject audited{{QStringLiteral("approval_id"), id},
                                {QStringLiteral("decision"), approvalVerdictToString(body.verdict)},
                                {QStringLiteral("reason"), body.reason},
                                {QStringLiteral("status"), approvalStatusToString(decided->status)}};
            if (body.narrowed) {
                decided->decisions.last().narrowed = body.narrowed;
                audited.insert(
                    QStringLiteral("narrowed"),
                    QJsonObject{{QStringLiteral("amount"), DelegationCodec::moneyToJson(*body.narrowed)}});
            }
            if (!store.approvals().update(*decided) ||
                !AuditTrail(store, m_clock)
                     .record(QStringLiteral("approval.decided"), actor, *delegation, audited) ||
                !LiveEvents::approval(store, QStringLiteral("approval.updated"), *decided, *route))
                return Problem::internal();
            return ApiResponse::json(200, ApprovalCodec::toJson(*decided));
        },
        respond);
}

} // namespace mandate::server
