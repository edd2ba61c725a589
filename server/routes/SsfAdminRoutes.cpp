#include "server/routes/SsfAdminRoutes.h"

#include "core/JsonReader.h"
#include "core/Timestamp.h"
#include "server/auth/ReceiverAuthenticator.h"
#include "server/auth/SecureRandom.h"
#include "server/auth/SessionAuthenticator.h"
#include "server/domain/AccessPolicy.h"
#include "server/domain/AuditTrail.h"
#include "server/http/IdempotentWrites.h"
#include "server/http/Problem.h"
#include "server/http/Router.h"
#include "server/routes/RequestParsing.h"
#include "server/ssf/SignalOutbox.h"
#include "server/ssf/StreamConfig.h"
#include "server/store/Store.h"

#include <QJsonArray>

namespace mandate::server {

namespace {

QJsonValue timeOrNull(const std::optional<QDateTime> &at)
{
    return at ? QJsonValue(formatTimestamp(*at)) : QJsonValue(QJsonValue::Null);
}

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

ApiResponse forbidden()
{
    return Problem::forbidden(QStringLiteral("Only administrators manage Shared Signals receivers."));
}

QJsonObject streamJson(const SsfStreamRepository::Stream &stream, const SsfOutboxRepository::Counts &counts,
                       const QString &issuer)
{
    const QJsonObject config = StreamConfig::toJson(stream, issuer);
    return {{QStringLiteral("stream_id"), stream.id},
            {QStringLiteral("description"), config.value(u"description").isString()
                                                ? config.value(u"description")
                                                : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("delivery_method"), stream.deliveryMethod},
            {QStringLiteral("endpoint_url"), config.value(u"delivery").toObject().value(u"endpoint_url")},
            {QStringLiteral("events_delivered"), config.value(u"events_delivered")},
            {QStringLiteral("status"), stream.status},
            {QStringLiteral("reason"), textOrNull(stream.statusReason)},
            {QStringLiteral("queued"), counts.queued},
            {QStringLiteral("delivered"), counts.delivered},
            {QStringLiteral("last_delivered_at"), timeOrNull(stream.lastDeliveredAt)},
            {QStringLiteral("failing_since"), timeOrNull(stream.failingSince)},
            {QStringLiteral("last_error"), textOrNull(stream.lastError)},
            {QStringLiteral("next_attempt_at"), timeOrNull(stream.nextAttemptAt)}};
}

QJsonObject receiverJson(Store &store, const SsfStreamRepository::Receiver &receiver,
                         const QHash<QString, SsfOutboxRepository::Counts> &counts, const QString &issuer)
{
    QJsonArray streams;
    for (const auto &stream : store.ssfStreams().streamsOf(receiver.id))
        streams.append(streamJson(stream, counts.value(stream.id), issuer));
    return {
        {QStringLiteral("id"), receiver.id},
        {QStringLiteral("name"), receiver.name},
        {QStringLiteral("status"), receiver.revokedAt ? QStringLiteral("revoked") : QStringLiteral("active")},
        {QStringLiteral("created_at"), formatTimestamp(receiver.createdAt)},
        {QStringLiteral("revoked_at"), timeOrNull(receiver.revokedAt)},
        {QStringLiteral("streams"), streams}};
}

} // namespace

void SsfAdminRoutes::registerRoutes(Router &router)
{
    router.add("POST", QStringLiteral("/v1/ssf/receivers"), Router::Access::User, this,
               &SsfAdminRoutes::registerReceiver);
    router.add("GET", QStringLiteral("/v1/ssf/receivers"), Router::Access::User, this,
               &SsfAdminRoutes::listReceivers);
    router.add("POST", QStringLiteral("/v1/ssf/receivers/{id}/revoke"), Router::Access::User, this,
               &SsfAdminRoutes::revokeReceiver);
    router.add("POST", QStringLiteral("/v1/ssf/streams/{id}/status"), Router::Access::User, this,
               &SsfAdminRoutes::setStreamStatus);
    router.add("POST", QStringLiteral("/v1/ssf/streams/{id}/verification"), Router::Access::User, this,
               &SsfAdminRoutes::sendVerification);
}

void SsfAdminRoutes::registerReceiver(ApiRequest &request, const Responder &respond)
{
    if (!AccessPolicy::canManageReceivers(request.principal)) {
        respond(forbidden());
        return;
    }
    const auto body = RequestParsing::jsonObject(request);
    if (!body) {
        respond(body.error());
        return;
    }
    FieldErrors errors;
    JsonReader reader(*body, QString(), &errors);
    const auto name = reader.requiredNonEmptyString(u"name", 200);
    reader.finish();
    if (!errors.isEmpty()) {
        respond(Problem::validation(errors));
        return;
    }
    SsfStreamRepository::Receiver receiver{
        SecureRandom::id(u"rcv_"), name->trimmed(), {}, request.principal.id, {}};
    const QString token = ReceiverAuthenticator::newToken();
    // The answer holds the only copy of the token, so it is never kept for idempotent replay.
    m_writes.submit(
        {request.principal.idempotencyScope(), QString(), QByteArray(), false},
        [this, receiver, token, actor = request.principal](Store &store) mutable {
            receiver.createdAt = m_clock.now();
            if (!store.ssfStreams().insertReceiver(receiver,
                                                   SessionAuthenticator::hashToken(token.toLatin1())) ||
                !AuditTrail(store, m_clock)
                     .record(QStringLiteral("ssf.receiver.registered"), actor, QString(),
                             {{QStringLiteral("receiver_id"), receiver.id},
                              {QStringLiteral("name"), receiver.name}}))
                return Problem::internal();
            return ApiResponse::json(201,
                                     {{QStringLiteral("id"), receiver.id},
                                      {QStringLiteral("name"), receiver.name},
                                      {QStringLiteral("token"), token},
                                      {QStringLiteral("created_at"), formatTimestamp(receiver.createdAt)}});
        },
        respond);
}

void SsfAdminRoutes::listReceivers(ApiRequest &request, const Responder &respond)
{
    if (!AccessPolicy::canManageReceivers(request.principal)) {
        respond(forbidden());
        return;
    }
    const auto page = RequestParsing::page(request);
    if (!page) {
        respond(page.error());
        return;
    }
    const auto receivers = m_store.ssfStreams().receivers(page->limit + 1, page->after);
    const auto counts = m_store.ssfOutbox().countsByStream();
    QJsonArray items;
    for (qsizetype i = 0; i < qMin<qsizetype>(page->limit, receivers.size()); ++i)
        items.append(receiverJson(m_store, receivers[i], counts, m_issuer));
    QJsonValue next(QJsonValue::Null);
    if (receivers.size() > page->limit) {
        const auto &last = receivers[page->limit - 1];
        next = PageCursor{formatTimestamp(last.createdAt), last.id}.encode();
    }
    respond(
        ApiResponse::json(200, {{QStringLiteral("items"), items}, {QStringLiteral("next_cursor"), next}}));
}

void SsfAdminRoutes::revokeReceiver(ApiRequest &request, const Responder &respond)
{
    if (!AccessPolicy::canManageReceivers(request.principal)) {
        respond(forbidden());
        return;
    }
    const QString id = request.param(0);
    if (!m_store.ssfStreams().receiver(id)) {
        respond(Problem::noSuch(u"receiver", id));
        return;
    }
    m_writes.submit(
        RequestParsing::idempotency(request),
        [this, id, actor = request.principal](Store &store) {
            auto receiver = store.ssfStreams().receiver(id);
            if (!receiver)
                return Problem::noSuch(u"receiver", id);
            const QDateTime now = m_clock.now();
            if (!receiver->revokedAt) {
                // Its token stops working at once; its streams stop and hold nothing.
                if (!store.ssfStreams().revokeReceiver(id, now))
                    return Problem::internal();
                for (const auto &stream : store.ssfStreams().streamsOf(id)) {
                    if (!store.ssfStreams().setStatus(stream.id, QStringLiteral("disabled"),
                                                      QStringLiteral("The receiver was revoked.")) ||
                        !store.ssfOutbox().dropPending(stream.id))
                        return Problem::internal();
                }
                if (!AuditTrail(store, m_clock)
                         .record(
                             QStringLiteral("ssf.receiver.revoked"), actor, QString(),
                             {{QStringLiteral("receiver_id"), id}, {QStringLiteral("name"), receiver->name}}))
                    return Problem::internal();
                receiver->revokedAt = now;
            }
            return ApiResponse::json(
                200, receiverJson(store, *receiver, store.ssfOutbox().countsByStream(), m_issuer));
        },
        respond);
}

void SsfAdminRoutes::setStreamStatus(ApiRequest &request, const Responder &respond)
{
    if (!AccessPolicy::canManageReceivers(request.principal)) {
        respond(forbidden());
        return;
    }
    const QString id = request.param(0);
    if (!m_store.ssfStreams().stream(id)) {
        respond(Problem::noSuch(u"stream", id));
        return;
    }
    const auto body = RequestParsing::jsonObject(request);
    if (!body) {
        respond(body.error());
        return;
    }
    FieldErrors errors;
    JsonReader reader(*body, QString(), &errors);
    const auto status = reader.requiredString(u"status", 16);
    const QString reason = reader.optionalString(u"reason", 1000).value_or(QString()).trimmed();
    reader.finish();
    if (status && *status != u"enabled" && *status != u"paused" && *status != u"disabled")
        errors.append({QStringLiteral("status"), QStringLiteral("must be enabled, paused or disabled")});
    if (!errors.isEmpty()) {
        respond(Problem::validation(errors));
        return;
    }
    m_writes.submit(
        RequestParsing::idempotency(request),
        [this, id, status = *status, reason, actor = request.principal](Store &store) {
            auto stream = store.ssfStreams().stream(id);
            if (!stream)
                return Problem::noSuch(u"stream", id);
            const auto receiver = store.ssfStreams().receiver(stream->receiverId);
            if (receiver && receiver->revokedAt && status != u"disabled")
                return Problem::conflict(QStringLiteral("The stream's receiver was revoked."));
            if (stream->status != status) {
                const QString said =
                    reason.isEmpty() ? QStringLiteral("Set to %1 by an administrator.").arg(status) : reason;
                // SSF §8.1.5: the transmitter changed the status, so the receiver hears so — before
                // a pause or disable takes effect (stream updates go out whatever the status).
                if (!store.ssfStreams().setStatus(id, status, status == u"enabled" ? QString() : said) ||
                    !SignalOutbox(store, m_clock).streamUpdated(id, status, said) ||
                    (status == u"disabled" && !store.ssfOutbox().dropPending(id)) ||
                    (status == u"enabled" && !store.ssfStreams().clearFailures(id)) ||
                    !AuditTrail(store, m_clock)
                         .record(QStringLiteral("ssf.stream.status"), actor, QString(),
                                 {{QStringLiteral("stream_id"), id},
                                  {QStringLiteral("receiver_id"), stream->receiverId},
                                  {QStringLiteral("status"), status},
                                  {QStringLiteral("reason"), said}}))
                    return Problem::internal();
            }
            const auto current = store.ssfStreams().stream(id);
            return current ? ApiResponse::json(
                                 200,
                                 streamJson(*current, store.ssfOutbox().countsByStream().value(id), m_issuer))
                           : Problem::internal();
        },
        respond);
}

void SsfAdminRoutes::sendVerification(ApiRequest &request, const Responder &respond)
{
    if (!AccessPolicy::canManageReceivers(request.principal)) {
        respond(forbidden());
        return;
    }
    const QString id = request.param(0);
    if (!m_store.ssfStreams().stream(id)) {
        respond(Problem::noSuch(u"stream", id));
        return;
    }
    m_writes.submit(
        RequestParsing::idempotency(request),
        [this, id](Store &store) {
            const auto stream = store.ssfStreams().stream(id);
            if (!stream)
                return Problem::noSuch(u"stream", id);
            if (stream->status == u"disabled")
                return Problem::conflict(QStringLiteral("The stream is disabled; it sends nothing."));
            // Transmitter-initiated: no "state" (SSF §8.1.4.2).
            return SignalOutbox(store, m_clock).verification(id, std::nullopt) ? ApiResponse::noContent()
                                                                               : Problem::internal();
        },
        respond);
}

} // namespace mandate::server
