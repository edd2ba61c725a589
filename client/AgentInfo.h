#pragma once

#include <QDateTime>
#include <QJsonObject>
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

    static AgentInfo fromJson(const QJsonObject &json);
};

} // namespace mandate::client
