#include "server/routes/ResourceJson.h"

#include "core/Timestamp.h"

#include <QJsonArray>

namespace mandate::server {

QJsonObject ResourceJson::user(const UserRecord &user)
{
    return {
        {QStringLiteral("id"), user.id},
        {QStringLiteral("username"), user.username},
        {QStringLiteral("display_name"), user.displayName},
        {QStringLiteral("roles"), QJsonArray::fromStringList(user.roles)},
    };
}

QJsonObject ResourceJson::agent(const AgentRecord &agent)
{
    return {
        {QStringLiteral("id"), agent.id},
        {QStringLiteral("spiffe_id"), agent.spiffeId},
        {QStringLiteral("name"), agent.name},
        {QStringLiteral("description"), agent.description},
        {QStringLiteral("status"), agentStatusToString(agent.status)},
        {QStringLiteral("created_at"), formatTimestamp(agent.createdAt)},
    };
}

} // namespace mandate::server
