#include "client/ConsoleCodec.h"

#include "core/Timestamp.h"

#include <QJsonArray>

namespace mandate::client {

AgentInfo ConsoleCodec::agentFromJson(const QJsonObject &json)
{
    AgentInfo agent;
    agent.id = json.value(QStringLiteral("id")).toString();
    agent.spiffeId = json.value(QStringLiteral("spiffe_id")).toString();
    agent.name = json.value(QStringLiteral("name")).toString();
    agent.description = json.value(QStringLiteral("description")).toString();
    // An agent whose standing this console cannot read is treated as unable to receive authority.
    agent.status = agentStatusFromString(json.value(QStringLiteral("status")).toString())
                       .value_or(AgentStatus::Suspended);
    agent.createdAt =
        parseTimestamp(json.value(QStringLiteral("created_at")).toString()).value_or(QDateTime());
    return agent;
}

std::optional<EnforcementPointInfo> ConsoleCodec::enforcementPointFromJson(const QJsonObject &json)
{
    // last_used_at and revoked_at are null until the point asked or was revoked.
    const auto optionalTime = [&json](const QString &key) {
        return parseTimestamp(json.value(key).toString()).value_or(QDateTime());
    };
    EnforcementPointInfo point;
    point.id = json.value(QStringLiteral("id")).toString();
    point.name = json.value(QStringLiteral("name")).toString();
    point.createdAt = optionalTime(QStringLiteral("created_at"));
    point.lastUsedAt = optionalTime(QStringLiteral("last_used_at"));
    point.revokedAt = optionalTime(QStringLiteral("revoked_at"));
    if (point.id.isEmpty() || !point.createdAt.isValid())
        return std::nullopt;
    return point;
}

UserInfo ConsoleCodec::userFromJson(const QJsonObject &json)
{
    UserInfo user;
    user.id = json.value(QStringLiteral("id")).toString();
    user.username = json.value(QStringLiteral("username")).toString();
    user.displayName = json.value(QStringLiteral("display_name")).toString();
    for (const QJsonValue &role : json.value(QStringLiteral("roles")).toArray())
        user.roles.append(role.toString());
    return user;
}

QJsonObject ConsoleCodec::userToJson(const UserInfo &user)
{
    return {{QStringLiteral("id"), user.id},
            {QStringLiteral("username"), user.username},
            {QStringLiteral("display_name"), user.displayName},
            {QStringLiteral("roles"), QJsonArray::fromStringList(user.roles)}};
}

std::optional<DemoDirectory> ConsoleCodec::demoDirectoryFromJson(const QJsonObject &json)
{
    DemoDirectory directory;
    directory.password = json.value(QStringLiteral("password")).toString();
    if (directory.password.isEmpty() || !json.value(QStringLiteral("people")).isArray())
        return std::nullopt;
    for (const QJsonValue &value : json.value(QStringLiteral("people")).toArray()) {
        const QJsonObject person = value.toObject();
        DemoDirectory::Person entry{person.value(QStringLiteral("username")).toString(),
                                    person.value(QStringLiteral("display_name")).toString(),
                                    {}};
        if (entry.username.isEmpty())
            return std::nullopt;
        for (const QJsonValue &role : person.value(QStringLiteral("roles")).toArray())
            entry.roles.append(role.toString());
        directory.people.append(entry);
    }
    return directory;
}

SignalStreamInfo ConsoleCodec::signalStreamFromJson(const QJsonObject &json)
{
    const auto time = [&json](QStringView name) {
        return QDateTime::fromString(json.value(name).toString(), Qt::ISODateWithMs);
    };
    SignalStreamInfo stream;
    stream.id = json.value(u"stream_id").toString();
    stream.description = json.value(u"description").toString();
    stream.push = json.value(u"delivery_method").toString() == u"push";
    stream.endpoint = json.value(u"endpoint_url").toString();
    stream.status = json.value(u"status").toString();
    stream.reason = json.value(u"reason").toString();
    stream.queued = json.value(u"queued").toInteger();
    stream.delivered = json.value(u"delivered").toInteger();
    stream.lastDeliveredAt = time(u"last_delivered_at");
    stream.failingSince = time(u"failing_since");
    stream.lastError = json.value(u"last_error").toString();
    stream.nextAttemptAt = time(u"next_attempt_at");
    return stream;
}

SignalReceiverInfo ConsoleCodec::signalReceiverFromJson(const QJsonObject &json)
{
    SignalReceiverInfo receiver;
    receiver.id = json.value(u"id").toString();
    receiver.name = json.value(u"name").toString();
    receiver.revoked = json.value(u"status").toString() == u"revoked";
    receiver.createdAt = QDateTime::fromString(json.value(u"created_at").toString(), Qt::ISODateWithMs);
    for (const QJsonValue &stream : json.value(u"streams").toArray())
        receiver.streams.append(signalStreamFromJson(stream.toObject()));
    return receiver;
}

} // namespace mandate::client
