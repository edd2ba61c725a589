#pragma once

#include "core/AuditEvent.h"
#include "core/Clock.h"
#include "core/Delegation.h"
#include "server/http/Principal.h"

#include <QJsonObject>
#include <QString>

namespace mandate::server {

class Store;

// Records audit events from inside a write job, so each state change and its event commit together
// (and before anyone is answered). The log's sequencer gives them their place in the tree within
// the maximum merge delay; nothing here reads the log's head, so writers never queue on it.
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
    // The same two, with `data` already written as canonical JSON (CanonicalJsonWriter): for
    // decisions, where building the data only to serialise it was much of the store thread's work.
    bool recordCanonical(const QString &type, const Principal &actor, const Delegation &delegation,
                         QByteArray data, const QString &decisionId);
    bool recordCanonical(const QString &type, const Principal &actor, const QString &agentId,
                         QByteArray data);

private:
    bool enqueue(AuditEvent event, const QString &agentId, const QString &customerId,
                 const QString &decisionId);

    Store &m_store;
    const Clock &m_clock;
};

} // namespace mandate::server
