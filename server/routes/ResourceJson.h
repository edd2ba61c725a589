#pragma once

#include "server/store/AgentRepository.h"
#include "server/store/UserRepository.h"

#include <QJsonObject>

namespace mandate::server {

// Wire forms of the server's own records (users and agents); domain objects use core's codecs.
class ResourceJson
{
public:
    static QJsonObject user(const UserRecord &user);
    static QJsonObject agent(const AgentRecord &agent);
};

} // namespace mandate::server
