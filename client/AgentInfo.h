#pragma once

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
    bool suspended = false;
    QDateTime createdAt;
};

} // namespace mandate::client
