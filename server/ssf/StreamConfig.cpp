#include "server/ssf/StreamConfig.h"

#include "core/JsonReader.h"
#include "server/ssf/CaepEvents.h"
#include "server/ssf/SignalOutbox.h"

#include <QJsonArray>
#include <QSet>
#include <QUrl>

namespace mandate::server {

namespace {

const QStringList TransmitterSupplied{QStringLiteral("iss"), QStringLiteral("aud"),
                                      QStringLiteral("events_supported"), QStringLiteral("events_delivered"),
                                      QStringLiteral("min_verification_interval")};

QSet<QString> asSet(const QJsonValue &value)
{
    QSet<QString> set;
    for (const QJsonValue &item : value.toArray())
        set.insert(item.toString());
    return set;
}

// Reads "delivery" into `config`; absent on create or replace means poll (SSF §8.1.1.1).
void readDelivery(JsonReader &reader, StreamConfig::Mode mode, QJsonObject &config)
{
    std::optional<JsonReader> delivery = reader.optionalObject(u"delivery");
    if (!delivery) {
        if (mode != StreamConfig::Mode::Update)
            config.insert(QStringLiteral("delivery"),
                          QJsonObject{{QStringLiteral("method"), StreamConfig::PollMethod.toString()}});
        return;
    }
    const auto method = delivery->requiredString(u"method", 64);
    QJsonObject result;
    if (method == StreamConfig::PushMethod) {
        const auto url = delivery->requiredNonEmptyString(u"endpoint_url", StreamConfig::MaxUrlLength);
        if (url) {
            if (const auto problem = StreamConfig::pushUrlProblem(*url))
                delivery->addError(u"endpoint_url", *problem);
        }
        const auto authorization =
            delivery->optionalString(u"authorization_header", StreamConfig::MaxAuthorizationHeader);
        if (authorization && (authorization->contains(u'\r') || authorization->contains(u'\n')))
            delivery->addError(u"authorization_header", QStringLiteral("must be one line"));
        result = {{QStringLiteral("method"), *method},
                  {QStringLiteral("endpoint_url"), url.value_or(QString())}};
        if (authorization && !authorization->isEmpty())
            result.insert(QStringLiteral("authorization_header"), *authorization);
    } else if (method == StreamConfig::PollMethod) {
        // The transmitter names the poll URL; a receiver repeating it is checked by mismatches().
        delivery->optionalString(u"endpoint_url", StreamConfig::MaxUrlLength);
        result = {{QStringLiteral("method"), *method}};
    } else if (method) {
        delivery->addError(u"method", QStringLiteral("must be %1 (push) or %2 (poll)")
                                          .arg(StreamConfig::PushMethod, StreamConfig::PollMethod));
    }
    delivery->finish();
    config.insert(QStringLiteral("delivery"), result);
}

} // namespace

Expected<StreamConfig::Parsed, FieldErrors> StreamConfig::parse(const QJsonObject &body, Mode mode,
                                                                const QJsonObject &current)
{
    FieldErrors errors;
    JsonReader reader(body, QString(), &errors);
    Parsed parsed;
    if (mode != Mode::Create)
        parsed.streamId = reader.requiredNonEmptyString(u"stream_id", 64).value_or(QString());
    else
        reader.optionalString(u"stream_id", 64);
    for (const QString &field : TransmitterSupplied) {
        if (reader.has(field))
            parsed.transmitterSupplied.insert(field, body.value(field));
    }
    // Read with their types (so a wrong type is named), compared with ours by mismatches().
    reader.optionalString(u"iss");
    if (body.value(u"aud").isArray())
        reader.optionalStringArray(u"aud", 16);
    else
        reader.optionalString(u"aud");
    reader.optionalStringArray(u"events_supported", 64, 256);
    reader.optionalStringArray(u"events_delivered", 64, 256);
    reader.optionalInteger(u"min_verification_interval", 0, JsonReader::IntegerMax);
    if (mode == Mode::Create) {
        // Nothing to compare with yet: the transmitter supplies these once the stream exists.
        for (const QString &field : TransmitterSupplied + QStringList{QStringLiteral("stream_id")}) {
            if (body.contains(field))
                reader.addError(field, QStringLiteral("is set by the transmitter"));
        }
        parsed.transmitterSupplied = QJsonObject();
    }
    parsed.config = mode == Mode::Update ? current : QJsonObject();
    readDelivery(reader, mode, parsed.config);
    if (reader.has(u"events_requested") || mode == Mode::Replace) {
        if (const auto requested = reader.optionalStringArray(u"events_requested", MaxEventsRequested, 256))
            parsed.config.insert(QStringLiteral("events_requested"), QJsonArray::fromStringList(*requested));
        else
            parsed.config.remove(QStringLiteral("events_requested"));
    }
    if (reader.has(u"description") || mode == Mode::Replace) {
        if (const auto description = reader.optionalString(u"description", MaxDescription))
            parsed.config.insert(QStringLiteral("description"), *description);
        else
            parsed.config.remove(QStringLiteral("description"));
    }
    if (reader.has(u"signing_alg") || mode == Mode::Replace) {
        const auto algorithm = reader.optionalString(u"signing_alg", 16);
        if (algorithm && !SetSigner::algorithmNamed(*algorithm))
            reader.addError(u"signing_alg", QStringLiteral("must be RS256 or EdDSA"));
        if (algorithm)
            parsed.config.insert(QStringLiteral("signing_alg"), *algorithm);
        else
            parsed.config.remove(QStringLiteral("signing_alg"));
    }
    reader.finish();
    if (!errors.isEmpty())
        return unexpected(errors);
    return parsed;
}

std::optional<QString> StreamConfig::pushUrlProblem(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.isRelative() || url.host().isEmpty())
        return QStringLiteral("must be an absolute http or https URL");
    const QString scheme = url.scheme().toLower();
    if (scheme != u"https" && scheme != u"http")
        return QStringLiteral("must use http or https, not %1").arg(scheme);
    if (!url.userInfo().isEmpty() || text.section(u'/', 2, 2).contains(u'@'))
        return QStringLiteral("must not hold credentials; send them in authorization_header");
    if (url.hasFragment())
        return QStringLiteral("must not have a fragment");
    return std::nullopt;
}

FieldErrors StreamConfig::mismatches(const QJsonObject &supplied, const QJsonObject &stream)
{
    FieldErrors errors;
    for (auto it = supplied.begin(); it != supplied.end(); ++it) {
        const QJsonValue expected = stream.value(it.key());
        const bool same = it.value().isArray() && expected.isArray() ? asSet(it.value()) == asSet(expected)
                          : it.value().isArray() && it.value().toArray().size() == 1
                              ? it.value().toArray().first() == expected
                              : it.value() == expected;
        if (!same)
            errors.append(
                {it.key(), QStringLiteral("is set by the transmitter and must be %1 if given")
                               .arg(expected.isString() ? expected.toString() : QStringLiteral("as read"))});
    }
    return errors;
}

QString StreamConfig::deliveryMethodOf(const QJsonObject &config)
{
    return config.value(u"delivery").toObject().value(u"method").toString() == PushMethod
               ? QStringLiteral("push")
               : QStringLiteral("poll");
}

SetSigner::Algorithm StreamConfig::algorithmOf(const QJsonObject &config)
{
    return SetSigner::algorithmNamed(config.value(u"signing_alg").toString())
        .value_or(SetSigner::Algorithm::RS256);
}

QString StreamConfig::pollUrl(const QString &issuer, const QString &streamId)
{
    return issuer + QStringLiteral("/v1/ssf/poll/") + streamId;
}

QJsonObject StreamConfig::toJson(const SsfStreamRepository::Stream &stream, const QString &issuer)
{
    QJsonObject delivery = stream.config.value(u"delivery").toObject();
    if (stream.deliveryMethod == u"poll")
        delivery.insert(QStringLiteral("endpoint_url"), pollUrl(issuer, stream.id));
    QJsonObject json{
        {QStringLiteral("stream_id"), stream.id},
        {QStringLiteral("iss"), issuer},
        {QStringLiteral("aud"), stream.receiverId},
        {QStringLiteral("events_supported"), QJsonArray::fromStringList(CaepEvents::supported())},
        {QStringLiteral("events_delivered"),
         QJsonArray::fromStringList(SignalOutbox::eventsDelivered(stream.config))},
        {QStringLiteral("delivery"), delivery},
        {QStringLiteral("min_verification_interval"), MinVerificationInterval},
        {QStringLiteral("signing_alg"), SetSigner::nameOf(algorithmOf(stream.config))},
    };
    for (const QString &field : {QStringLiteral("events_requested"), QStringLiteral("description")}) {
        if (stream.config.contains(field))
            json.insert(field, stream.config.value(field));
    }
    return json;
}

} // namespace mandate::server
