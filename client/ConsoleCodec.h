#pragma once

#include "client/AgentInfo.h"
#include "client/DemoDirectory.h"
#include "client/EnforcementPointInfo.h"
#include "client/SignalReceiverInfo.h"
#include "client/UserInfo.h"

#include <QJsonObject>

#include <optional>

namespace mandate::client {

// The wire form of the console's own types (core's codecs cover the domain): used inside client/
// only, so the structs that pages and models hold carry no JSON.
class ConsoleCodec
{
public:
    // An entry of GET /v1/agents, or agent.updated's data.
    static AgentInfo agentFromJson(const QJsonObject &json);
    // An entry of GET /v1/enforcement-points, or the answer of a registration or a revocation;
    // nullopt without an id or a creation time.
    static std::optional<EnforcementPointInfo> enforcementPointFromJson(const QJsonObject &json);
    // GET /v1/me, or the "user" of POST /v1/sessions.
    static UserInfo userFromJson(const QJsonObject &json);
    static QJsonObject userToJson(const UserInfo &user);
    // GET /v1/demo; nullopt when the answer does not have the contract's shape (no password, a
    // nameless person).
    static std::optional<DemoDirectory> demoDirectoryFromJson(const QJsonObject &json);
    // An entry of GET /v1/ssf/receivers, and a stream as POST /v1/ssf/streams/{id}/status answers.
    static SignalReceiverInfo signalReceiverFromJson(const QJsonObject &json);
    static SignalStreamInfo signalStreamFromJson(const QJsonObject &json);
};

} // namespace mandate::client
