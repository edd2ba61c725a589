#include "core/AuditEventCodec.h"

#include "core/CanonicalJsonWriter.h"
#include "core/DelegationCanonical.h"
#include "core/DelegationCodec.h"
#include "core/JsonReader.h"
#include "core/Timestamp.h"

#include <QJsonArray>

#include <algorithm>
#include <limits>

namespace mandate {

namespace {

bool isSha256Hex(QStringView text)
{
    static constexpr qsizetype Sha256HexLength = 64;
    if (text.size() != Sha256HexLength) {
        return false;
    }
    return std::all_of(text.begin(), text.end(),
                       [](QChar c) { return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f'); });
}

void readHash(JsonReader &reader, QStringView key, QString *target)
{
    const std::optional<QString> hash = reader.requiredString(key);
    if (!hash) {
        return;
    }
    if (!isSha256Hex(*hash)) {
        reader.addError(key, QStringLiteral("must be 64 lowercase hexadecimal digits"));
        return;
    }
    *target = *hash;
}

} // namespace

QString AuditEventCodec::actorKindToString(AuditEvent::ActorKind kind)
{
    switch (kind) {
    case AuditEvent::ActorKind::User:
        return QStringLiteral("user");
    case AuditEvent::ActorKind::Agent:
        return QStringLiteral("agent");
    case AuditEvent::ActorKind::System:
        return QStringLiteral("system");
    }
    Q_UNREACHABLE();
    return {};
}

std::optional<AuditEvent::ActorKind> AuditEventCodec::actorKindFromString(QStringView text)
{
    for (const auto kind :
         {AuditEvent::ActorKind::User, AuditEvent::ActorKind::Agent, AuditEvent::ActorKind::System}) {
        if (actorKindToString(kind) == text) {
            return kind;
        }
    }
    return std::nullopt;
}

QJsonObject AuditEventCodec::toJson(const AuditEvent &event, bool includeHash)
{
    QJsonArray chain;
    for (const ChainLink &link : event.chain) {
        chain.append(DelegationCodec::chainLinkToJson(link));
    }
    QJsonObject actor{{QStringLiteral("kind"), actorKindToString(event.actorKind)},
                      {QStringLiteral("id"), event.actorId}};
    if (!event.actorName.isEmpty())
        actor.insert(QStringLiteral("name"), event.actorName);
    QJsonObject json{
        {QStringLiteral("seq"), event.seq},
        {QStringLiteral("at"), formatTimestamp(event.at)},
        {QStringLiteral("type"), event.type},
        {QStringLiteral("actor"), actor},
        {QStringLiteral("delegation_id"),
         event.delegationId ? QJsonValue(*event.delegationId) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("chain"), chain},
        {QStringLiteral("data"), event.data},
        {QStringLiteral("prev_hash"), event.prevHash},
    };
    if (includeHash) {
        json.insert(QStringLiteral("hash"), event.hash);
        if (!event.leafHash.isEmpty())
            json.insert(QStringLiteral("leaf_hash"), event.leafHash);
    }
    return json;
}

QByteArray AuditEventCodec::recordedCanonical(const AuditEvent &event)
{
    CanonicalJsonWriter out;
    out.beginObject();
    out.key(u"actor");
    out.beginObject();
    out.key(u"id");
    out.string(event.actorId);
    out.key(u"kind");
    out.string(actorKindToString(event.actorKind));
    if (!event.actorName.isEmpty()) {
        out.key(u"name");
        out.string(event.actorName);
    }
    out.endObject();
    out.key(u"at");
    out.string(formatTimestamp(event.at));
    out.key(u"chain");
    out.beginArray();
    for (const ChainLink &link : event.chain)
        DelegationCanonical::writeChainLink(out, link);
    out.endArray();
    out.key(u"data");
    if (event.canonicalData.isEmpty())
        out.value(event.data);
    else
        out.canonical(event.canonicalData);
    out.key(u"delegation_id");
    if (event.delegationId)
        out.string(*event.delegationId);
    else
        out.null();
    out.key(u"type");
    out.string(event.type);
    out.endObject();
    return out.take();
}

Expected<AuditEvent, FieldErrors> AuditEventCodec::fromJson(const QJsonObject &json)
{
    FieldErrors errors;
    JsonReader reader(json, QString(), &errors);
    AuditEvent event;

    event.seq = reader.requiredInteger(u"seq", 1, std::numeric_limits<qint64>::max()).value_or(0);
    event.at = reader.requiredTimestamp(u"at").value_or(QDateTime());
    event.type = reader.requiredString(u"type").value_or(QString());

    if (std::optional<JsonReader> actor = reader.requiredObject(u"actor")) {
        if (const std::optional<QString> kind = actor->requiredString(u"kind")) {
            if (const auto actorKind = actorKindFromString(*kind)) {
                event.actorKind = *actorKind;
            } else {
                actor->addError(u"kind", QStringLiteral("must be one of user, agent, system"));
            }
        }
        event.actorId = actor->requiredString(u"id").value_or(QString());
        event.actorName = actor->optionalString(u"name").value_or(QString());
        actor->finish();
    }

    event.delegationId = reader.optionalString(u"delegation_id");

    if (const std::optional<QJsonArray> chain =
            reader.requiredArray(u"chain", DelegationCodec::MaxChainLinks)) {
        for (qsizetype i = 0; i < chain->size(); ++i) {
            if (std::optional<JsonReader> linkReader = reader.arrayObject(u"chain", *chain, i)) {
                if (const std::optional<ChainLink> link = DelegationCodec::chainLinkFromJson(*linkReader)) {
                    event.chain.append(*link);
                }
            }
        }
    }

    // "data" is always written, even when empty; a missing or null one cannot be what was hashed.
    const QJsonValue rawData = json.value(QStringLiteral("data"));
    if (const std::optional<QJsonObject> data = reader.optionalRawObject(u"data")) {
        event.data = *data;
    } else if (rawData.isUndefined()) {
        reader.addError(u"data", QStringLiteral("is required"));
    } else if (rawData.isNull()) {
        reader.addError(u"data", QStringLiteral("must be an object"));
    }

    readHash(reader, u"prev_hash", &event.prevHash);
    readHash(reader, u"hash", &event.hash);
    if (json.contains(QStringLiteral("leaf_hash")))
        readHash(reader, u"leaf_hash", &event.leafHash);
    reader.finish();

    if (!errors.isEmpty()) {
        return unexpected(std::move(errors));
    }
    return event;
}

} // namespace mandate
