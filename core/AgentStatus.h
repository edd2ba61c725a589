#pragma once

#include <QString>

#include <optional>

namespace mandate {

// Whether a workload identity may act: a suspended agent (the kill switch) can do nothing, and
// its credentials stop working.
enum class AgentStatus
{
    Active,
    Suspended
};

// The wire and database names, "active" and "suspended": one codec for server and console.
QString agentStatusToString(AgentStatus status);
std::optional<AgentStatus> agentStatusFromString(QStringView text);

} // namespace mandate
