#include "client/UserInfo.h"

#include <QJsonArray>

namespace mandate::client {

UserInfo UserInfo::fromJson(const QJsonObject &json)
{
    UserInfo user;
    user.id = json.value(QStringLiteral("id")).toString();
    user.username = json.value(QStringLiteral("username")).toString();
    user.displayName = json.value(QStringLiteral("display_name")).toString();
    for (const QJsonValue &role : json.value(QStringLiteral("roles")).toArray())
        user.roles.append(role.toString());
    return user;
}

QJsonObject UserInfo::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("username"), username},
            {QStringLiteral("display_name"), displayName},
            {QStringLiteral("roles"), QJsonArray::fromStringList(roles)}};
}

} // namespace mandate::client
