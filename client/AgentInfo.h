#pragma once

#include "core/AgentStatus.h"

#include <QDateTime>
#include <QString>

namespace mandate::client {

// A registered agent (workload identity) as GET /v1/agents lists it.
struct AgentInfo
{
    QString id;
    QString spiffeId;
    QString name;
    QString description;
    AgentStatus status = AgentStatus::Active;
    QDateTime createdAt;
};

} // namespace mandate::client
