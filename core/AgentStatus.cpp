#include "core/AgentStatus.h"

namespace mandate {

QString agentStatusToString(AgentStatus status)
{
    return status == AgentStatus::Active ? QStringLiteral("active") : QStringLiteral("suspended");
}

std::optional<AgentStatus> agentStatusFromString(QStringView text)
{
    if (text == u"active")
        return AgentStatus::Active;
    if (text == u"suspended")
        return AgentStatus::Suspended;
    return std::nullopt;
}

} // namespace mandate
