#include "server/routes/SsfStreamRoutes.h"

#include "core/JsonReader.h"
#include "core/StrictJson.h"
#include "server/auth/SecureRandom.h"
#include "server/domain/AccessPolicy.h"
#include "server/http/IdempotentWrites.h"
#include "server/http/Problem.h"
#include "server/http/Router.h"
#include "server/routes/RequestParsing.h"
#include "server/ssf/CaepEvents.h"
#include "server/ssf/SetSigner.h"
#include "server/ssf/SignalOutbox.h"
#include "server/ssf/StreamConfig.h"
#include "server/store/Store.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace mandate::server {

namespace {

const QStringList Statuses{QStringLiteral("enabled"), QStringLiteral("paused"), QStringLiteral("disabled")};

ApiResponse noSuchStream(const QString &id)
{
    return Problem::noSuch(u"stream", id);
}

// The JSON object of a management request; an empty body reads as {} (SSF lets a create carry
// nothing), one larger than a stream configuration can be is refused with its field named.
Expected<QJsonObject, ApiResponse> body(const ApiRequest &request)
{
    if (request.body.size() > StreamConfig::MaxBodyBytes)
        return unexpected(Problem::validation(
            {{QStringLiteral("body"),
              QStringLiteral("must be at most %1 bytes").arg(StreamConfig::MaxBodyBytes)}}));
    if (request.body.trimmed().isEmpty())
        return QJsonObject();
    return RequestParsing::jsonObject(request);
}

QJsonObject statusJson(const SsfStreamRepository::Stream &stream)
{
    QJsonObject json{{QStringLiteral("stream_id"), stream.id}, {QStringLiteral("status"), stream.status}};
    if (!stream.statusReason.isEmpty())
        json.insert(QStringLiteral("reason"), stream.statusReason);
    return json;
}

// A Subject Identifier (RFC 9493, SSF §3): an object with a "format"; a complex subject's members
// are subject identifiers themselves.
std::optional<QString> subjectProblem(const QJsonObject &subject)
{
    if (subject.value(u"format").toString().isEmpty())
        return QStringLiteral("must be a subject identifier with a format");
    if (subject.value(u"format").toString() == u"complex") {
        for (auto it = subject.begin(); it != subject.end(); ++it) {
            if (it.key() != u"format" && it.value().toObject().value(u"format").toString().isEmpty())
                return QStringLiteral("member %1 must be a subject identifier with a format").arg(it.key());
        }
    }
    if (QJsonDocument(subject).toJson(QJsonDocument::Compact).size() > JsonReader::DefaultMaxStringLength)
        return QStringLiteral("must be at most %1 bytes").arg(JsonReader::DefaultMaxStringLength);
    return std::nullopt;
}

} // namespace

void SsfStreamRoutes::registerRoutes(Router &router)
{
    router.add("GET", QStringLiteral("/.well-known/ssf-configuration"), Router::Access::Public, this,
               &SsfStreamRoutes::configuration);
    router.add("GET", QStringLiteral("/v1/ssf/jwks"), Router::Access::Public,
               [this](ApiRequest &, Responder respond) { respond(ApiResponse::json(200, m_signer.jwks())); });
    router.add("POST", QStringLiteral("/v1/ssf/stream"), Router::Access::Receiver, this,
               &SsfStreamRoutes::createStream);
    router.add("GET", QStringLiteral("/v1/ssf/stream"), Router::Access::Receiver, this,
               &SsfStreamRoutes::readStream);
    router.add("PATCH", QStringLiteral("/v1/ssf/stream"), Router::Access::Receiver, this,
               &SsfStreamRoutes::changeStream);
    router.add("PUT", QStringLiteral("/v1/ssf/stream"), Router::Access::Receiver, this,
               &SsfStreamRoutes::changeStream);
    router.add("DELETE", QStringLiteral("/v1/ssf/stream"), Router::Access::Receiver, this,
               &SsfStreamRoutes::deleteStream);
    router.add("GET", QStringLiteral("/v1/ssf/status"), Router::Access::Receiver, this,
               &SsfStreamRoutes::readStatus);
    router.add("POST", QStringLiteral("/v1/ssf/status"), Router::Access::Receiver, this,
               &SsfStreamRoutes::updateStatus);
    router.add("POST", QStringLiteral("/v1/ssf/subjects:add"), Router::Access::Receiver, this,
               &SsfStreamRoutes::addSubject);
    router.add("POST", QStringLiteral("/v1/ssf/subjects:remove"), Router::Access::Receiver, this,
               &SsfStreamRoutes::removeSubject);
    router.add("POST", QStringLiteral("/v1/ssf/verify"), Router::Access::Receiver, this,
               &SsfStreamRoutes::verify);
}

void SsfStreamRoutes::configuration(ApiRequest &, const Responder &respond)
{
    // The CAEP interoperability profile requires spec_version, delivery_methods_supported,
    // jwks_uri, the configuration, status and verification endpoints and the OAuth scheme.
    const auto endpoint = [this](QStringView path) {
        return QString(m_issuer + path);
    };
    QJsonObject metadata{
        {QStringLiteral("spec_version"), QStringLiteral("1_0")},
        {QStringLiteral("issuer"), m_issuer},
        {QStringLiteral("jwks_uri"), endpoint(u"/v1/ssf/jwks")},
        {QStringLiteral("configuration_endpoint"), endpoint(u"/v1/ssf/stream")},
        {QStringLiteral("status_endpoint"), endpoint(u"/v1/ssf/status")},
        {QStringLiteral("add_subject_endpoint"), endpoint(u"/v1/ssf/subjects:add")},
        {QStringLiteral("remove_subject_endpoint"), endpoint(u"/v1/ssf/subjects:remove")},
        {QStringLiteral("verification_endpoint"), endpoint(u"/v1/ssf/verify")},
        {QStringLiteral("default_subjects"), QStringLiteral("ALL")},
    };
    metadata.insert(QStringLiteral("delivery_methods_supported"),
                    QJsonArray{StreamConfig::PushMethod.toString(), StreamConfig::PollMethod.toString()});
    metadata.insert(
        QStringLiteral("authorization_schemes"),
        QJsonArray{QJsonObject{{QStringLiteral("spec_urn"), QStringLiteral("urn:ietf:rfc:6749")}}});
    // Mandate's extension: what a stream may ask for in "signing_alg".
    metadata.insert(QStringLiteral("signing_alg_values_supported"),
                    QJsonArray{SetSigner::nameOf(SetSigner::Algorithm::RS256),
                               SetSigner::nameOf(SetSigner::Algorithm::EdDSA)});
    respond(ApiResponse::json(200, metadata));
}

std::optional<SsfStreamRepository::Stream> SsfStreamRoutes::ownStream(const ApiRequest &request,
                                                                      const QString &id)
{
    auto stream = m_store.ssfStreams().stream(id);
    if (!stream || !AccessPolicy::receiverOwns(request.principal, stream->receiverId))
        return std::nullopt;
    return stream;
}

void SsfStreamRoutes::createStream(ApiRequest &request, const Responder &respond)
{
    const auto json = body(request);
    if (!json) {
        respond(json.error());
        return;
    }
    auto parsed = StreamConfig::parse(*json, StreamConfig::Mode::Create, {});
    if (!parsed) {
        respond(Problem::validation(parsed.error()));
        return;
    }
    SsfStreamRepository::Stream stream;
    stream.id = SecureRandom::id(u"sst_");
    stream.receiverId = request.principal.id;
    stream.config = parsed->config;
    stream.deliveryMethod = StreamConfig::deliveryMethodOf(stream.config);
    stream.status = QStringLiteral("enabled");
    m_writes.submit(
        RequestParsing::idempotency(request),
        [this, stream](Store &store) mutable {
            if (store.ssfStreams().streamsOf(stream.receiverId).size() >= MaxStreamsPerReceiver)
                return Problem::conflict(
                    QStringLiteral("A receiver may have at most %1 streams; delete one first.")
                        .arg(MaxStreamsPerReceiver));
            stream.createdAt = m_clock.now();
            if (!store.ssfStreams().insertStream(stream))
                return Problem::internal();
            return ApiResponse::json(201, StreamConfig::toJson(stream, m_issuer));
        },
        respond);
}

void SsfStreamRoutes::readStream(ApiRequest &request, const Responder &respond)
{
    if (const auto id = request.queryValue(QStringLiteral("stream_id"))) {
        const auto stream = ownStream(request, *id);
        respond(stream ? ApiResponse::json(200, StreamConfig::toJson(*stream, m_issuer)) : noSuchStream(*id));
        return;
    }
    // Without stream_id: every stream of this receiver, as a list (SSF §8.1.1.2).
    QJsonArray streams;
    for (const auto &stream : m_store.ssfStreams().streamsOf(request.principal.id))
        streams.append(StreamConfig::toJson(stream, m_issuer));
    respond(
        ApiResponse::text(200, "application/json", QJsonDocument(streams).toJson(QJsonDocument::Compact)));
}

void SsfStreamRoutes::changeStream(ApiRequest &request, const Responder &respond)
{
    const auto json = body(request);
    if (!json) {
        respond(json.error());
        return;
    }
    const auto mode = request.method == "PUT" ? StreamConfig::Mode::Replace : StreamConfig::Mode::Update;
    m_writes.submit(
        {request.principal.idempotencyScope(), QString(), QByteArray(), false},
        [this, mode, json = *json, principal = request.principal](Store &store) {
            const QString id = json.value(u"stream_id").toString();
            auto stream = store.ssfStreams().stream(id);
            if (!id.isEmpty() && (!stream || !AccessPolicy::receiverOwns(principal, stream->receiverId)))
                return noSuchStream(id);
            auto parsed = StreamConfig::parse(json, mode, stream ? stream->config : QJsonObject());
            if (!parsed)
                return Problem::validation(parsed.error());
            if (!stream)
                return noSuchStream(id);
            // Values the transmitter supplies may be repeated, never changed — compared with the
            // configuration as it was before this request.
            if (const FieldErrors wrong = StreamConfig::mismatches(parsed->transmitterSupplied,
                                                                   StreamConfig::toJson(*stream, m_issuer));
                !wrong.isEmpty())
                return Problem::validation(wrong);
            if (parsed->config.value(u"delivery").toObject().value(u"method").toString() ==
                    StreamConfig::PollMethod &&
                json.value(u"delivery").toObject().contains(u"endpoint_url") &&
                json.value(u"delivery").toObject().value(u"endpoint_url").toString() !=
                    StreamConfig::pollUrl(m_issuer, id))
                return Problem::validation(
                    {{QStringLiteral("delivery.endpoint_url"),
                      QStringLiteral("is the transmitter's poll URL for this stream: %1")
                          .arg(StreamConfig::pollUrl(m_issuer, id))}});
            stream->config = parsed->config;
            stream->deliveryMethod = StreamConfig::deliveryMethodOf(stream->config);
            if (!store.ssfStreams().updateConfig(id, stream->deliveryMethod, stream->config))
                return Problem::internal();
            return ApiResponse::json(200, StreamConfig::toJson(*stream, m_issuer));
        },
        respond);
}

void SsfStreamRoutes::deleteStream(ApiRequest &request, const Responder &respond)
{
    const QString id = request.queryValue(QStringLiteral("stream_id")).value_or(QString());
    if (!ownStream(request, id)) {
        respond(noSuchStream(id));
        return;
    }
    m_writes.submit(
        {request.principal.idempotencyScope(), QString(), QByteArray(), false},
        [id, principal = request.principal](Store &store) {
            const auto stream = store.ssfStreams().stream(id);
            if (!stream || !AccessPolicy::receiverOwns(principal, stream->receiverId))
                return noSuchStream(id);
            return store.ssfStreams().deleteStream(id) ? ApiResponse::noContent() : Problem::internal();
        },
        respond);
}

void SsfStreamRoutes::readStatus(ApiRequest &request, const Responder &respond)
{
    const QString id = request.queryValue(QStringLiteral("stream_id")).value_or(QString());
    const auto stream = ownStream(request, id);
    respond(stream ? ApiResponse::json(200, statusJson(*stream)) : noSuchStream(id));
}

void SsfStreamRoutes::updateStatus(ApiRequest &request, const Responder &respond)
{
    const auto json = body(request);
    if (!json) {
        respond(json.error());
        return;
    }
    FieldErrors errors;
    JsonReader reader(*json, QString(), &errors);
    const QString id = reader.requiredNonEmptyString(u"stream_id", 64).value_or(QString());
    const auto status = reader.requiredString(u"status", 16);
    const QString reason = reader.optionalString(u"reason", 1000).value_or(QString());
    reader.finish();
    if (status && !Statuses.contains(*status))
        errors.append({QStringLiteral("status"), QStringLiteral("must be enabled, paused or disabled")});
    if (!errors.isEmpty()) {
        respond(Problem::validation(errors));
        return;
    }
    if (!ownStream(request, id)) {
        respond(noSuchStream(id));
        return;
    }
    m_writes.submit(
        RequestParsing::idempotency(request),
        [id, status = *status, reason, principal = request.principal](Store &store) {
            auto stream = store.ssfStreams().stream(id);
            if (!stream || !AccessPolicy::receiverOwns(principal, stream->receiverId))
                return noSuchStream(id);
            // The receiver asked, so no stream-updated event: it knows (SSF §8.1.2).
            if (!store.ssfStreams().setStatus(id, status, reason) ||
                (status == u"disabled" && !store.ssfOutbox().dropPending(id)) ||
                (status == u"enabled" && !store.ssfStreams().clearFailures(id)))
                return Problem::internal();
            if (status == u"enabled")
                store.noteSignalsQueued(); // held events may go now
            stream->status = status;
            stream->statusReason = reason;
            return ApiResponse::json(200, statusJson(*stream));
        },
        respond);
}

void SsfStreamRoutes::addSubject(ApiRequest &request, const Responder &respond)
{
    changeSubject(request, respond, true);
}

void SsfStreamRoutes::removeSubject(ApiRequest &request, const Responder &respond)
{
    changeSubject(request, respond, false);
}

void SsfStreamRoutes::changeSubject(ApiRequest &request, const Responder &respond, bool include)
{
    const auto json = body(request);
    if (!json) {
        respond(json.error());
        return;
    }
    FieldErrors errors;
    JsonReader reader(*json, QString(), &errors);
    const QString id = reader.requiredNonEmptyString(u"stream_id", 64).value_or(QString());
    const auto subject = reader.optionalRawObject(u"subject");
    if (!reader.has(u"subject"))
        reader.addError(u"subject", QStringLiteral("is required"));
    if (include)
        reader.optionalBool(u"verified"); // Mandate sends events about subjects it knows, verified or not
    reader.finish();
    if (subject) {
        if (const auto problem = subjectProblem(*subject))
            errors.append({QStringLiteral("subject"), *problem});
    }
    if (!errors.isEmpty()) {
        respond(Problem::validation(errors));
        return;
    }
    if (!ownStream(request, id)) {
        respond(noSuchStream(id));
        return;
    }
    m_writes.submit(
        RequestParsing::idempotency(request),
        [id, subject = *subject, include, principal = request.principal](Store &store) {
            const auto stream = store.ssfStreams().stream(id);
            if (!stream || !AccessPolicy::receiverOwns(principal, stream->receiverId))
                return noSuchStream(id);
            if (store.ssfStreams().subjectCount(id) >= MaxSubjectsPerStream)
                return Problem::validation(
                    {{QStringLiteral("subject"),
                      QStringLiteral("the stream already lists %1 subjects, the most it may")
                          .arg(MaxSubjectsPerStream)}});
            if (!store.ssfStreams().setSubject(id, subject, include))
                return Problem::internal();
            // SSF §8.1.3.2 and §8.1.3.3: an empty 200 for an added subject, 204 for a removed one.
            return include ? ApiResponse::text(200, QByteArray(), QByteArray()) : ApiResponse::noContent();
        },
        respond);
}

void SsfStreamRoutes::verify(ApiRequest &request, const Responder &respond)
{
    const auto json = body(request);
    if (!json) {
        respond(json.error());
        return;
    }
    FieldErrors errors;
    JsonReader reader(*json, QString(), &errors);
    const QString id = reader.requiredNonEmptyString(u"stream_id", 64).value_or(QString());
    const auto state = reader.optionalString(u"state", 1024);
    reader.finish();
    if (!errors.isEmpty()) {
        respond(Problem::validation(errors));
        return;
    }
    if (!ownStream(request, id)) {
        respond(noSuchStream(id));
        return;
    }
    m_writes.submit(
        RequestParsing::idempotency(request),
        [this, id, state, principal = request.principal](Store &store) {
            const auto stream = store.ssfStreams().stream(id);
            if (!stream || !AccessPolicy::receiverOwns(principal, stream->receiverId))
                return noSuchStream(id);
            const QDateTime now = m_clock.now();
            if (stream->verifiedAt && stream->verifiedAt->secsTo(now) < StreamConfig::MinVerificationInterval)
                return Problem::rateLimited(
                    StreamConfig::MinVerificationInterval,
                    QStringLiteral("Ask for a verification event at most every %1 seconds "
                                   "(min_verification_interval).")
                        .arg(StreamConfig::MinVerificationInterval));
            if (!store.ssfStreams().noteVerification(id, now))
                return Problem::internal();
            // A disabled stream sends nothing and holds nothing (SSF §8.1.2.1).
            if (stream->status != u"disabled" && !SignalOutbox(store, m_clock).verification(id, state))
                return Problem::internal();
            return ApiResponse::noContent();
        },
        respond);
}

} // namespace mandate::server
