#pragma once

#include "core/Clock.h"
#include "core/Delegation.h"
#include "server/http/Principal.h"

#include <QJsonObject>
#include <QString>

namespace mandate::server {

class Store;

// Appends audit events from inside a write job, so each state change and its event commit together.
class AuditTrail
{
public:
    AuditTrail(Store &store, const Clock &clock)
        : m_store(store)
        , m_clock(clock)
    {}

    // An event about a delegation: carries its id, chain, agent and customer for filtering.
    bool record(const QString &type, const Principal &actor, const Delegation &delegation,
                const QJsonObject &data);
    // An event about something else (an agent, the system).
    bool record(const QString &type, const Principal &actor, const QString &agentId, const QJsonObject &data);

private:
    Store &m_store;
    const Clock &m_clock;
};

} // namespace mandate::server
