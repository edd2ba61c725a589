#include "client/AgentInfo.h"

#include "core/Timestamp.h"

namespace mandate::client {

AgentInfo AgentInfo::fromJson(const QJsonObject &json)
{
    AgentInfo agent;
    agent.id = json.value(QStringLiteral("id")).toString();
    agent.spiffeId = json.value(QStringLiteral("spiffe_id")).toString();
    agent.name = json.value(QStringLiteral("name")).toString();
    agent.description = json.value(QStringLiteral("description")).toString();
    agent.suspended = json.value(QStringLiteral("status")).toString() == QLatin1String("suspended");
    agent.createdAt =
        parseTimestamp(json.value(QStringLiteral("created_at")).toString()).value_or(QDateTime());
    return agent;
}

} // namespace mandate::client
