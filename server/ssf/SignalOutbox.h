#pragma once

#include "core/Clock.h"
#include "server/ssf/SignalCause.h"
#include "server/store/SsfStreamRepository.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <optional>

namespace mandate::server {

class Store;

// Queues Security Event Tokens from inside a write job, so a change and the SETs announcing it
// commit together or not at all (like AuditTrail's events). Each SET goes to every live stream
// that delivers its type and whose subjects admit it; the deliverer and the poll endpoint take
// them from there.
class SignalOutbox
{
public:
    SignalOutbox(Store &store, const Clock &clock)
        : m_store(store)
        , m_clock(clock)
    {}

    // Sessions ended: session-revoked for each delegation (and, with `withActiveDescendants`, for
    // each descendant still marked active, which ends with it) and credential-change (revoke) for
    // each of their JIT credentials not yet expired. A delegation is announced once, however many
    // ways it ends (its parent expired, then it expired itself).
    bool sessionsEnded(const QStringList &delegationIds, const SignalCause &cause,
                       bool withActiveDescendants);
    // SSF §8.1.4: on one stream, whatever it asked for; `state` only when the receiver gave one.
    bool verification(const QString &streamId, const std::optional<QString> &state);
    // SSF §8.1.5: the transmitter changed the stream's status.
    bool streamUpdated(const QString &streamId, const QString &status, const QString &reason);

    // The event types a stream receives: what it asked for that Mandate sends, everything Mandate
    // sends when it asked for nothing in particular.
    static QStringList eventsDelivered(const QJsonObject &config);
    // Whether a stream's added and removed subjects let an event about `subject` through: an added
    // subject that matches lets it through, else a removed one that matches holds it back, else it
    // goes (default_subjects "ALL").
    static bool admits(const QList<SsfStreamRepository::Subject> &subjects, const QJsonObject &subject);

private:
    bool announce(const QString &delegationId, const SignalCause &cause);
    bool fanOut(QStringView type, const QJsonObject &subject, const QJsonObject &event, const QString &txn);
    bool enqueue(const QString &streamId, QStringView type, const QJsonObject &subject,
                 const QJsonObject &event, const QString &txn, bool control);
    bool loadStreams();

    Store &m_store;
    const Clock &m_clock;
    std::optional<QList<SsfStreamRepository::Stream>> m_streams;
    QHash<QString, QList<SsfStreamRepository::Subject>> m_subjects;
    QHash<QString, QString> m_spiffeIds; // agent id → SPIFFE ID
};

} // namespace mandate::server
