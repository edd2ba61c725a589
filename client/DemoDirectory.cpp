#include "client/DemoDirectory.h"

#include <QJsonArray>
#include <QJsonObject>

namespace mandate::client {

std::optional<DemoDirectory> DemoDirectory::fromJson(const QJsonObject &json)
{
    DemoDirectory directory;
    directory.password = json.value(QStringLiteral("password")).toString();
    if (directory.password.isEmpty() || !json.value(QStringLiteral("people")).isArray())
        return std::nullopt;
    for (const QJsonValue &value : json.value(QStringLiteral("people")).toArray()) {
        const QJsonObject person = value.toObject();
        Person entry{person.value(QStringLiteral("username")).toString(),
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

} // namespace mandate::client
