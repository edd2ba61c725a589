#pragma once

#include "core/Clock.h"
#include "server/store/SsfOutboxRepository.h"
#include "server/store/SsfStreamRepository.h"

#include <QHash>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <chrono>

class QNetworkReply;

namespace mandate::server {

class Metrics;
class SetSigner;
class Store;
class WriteBatcher;

// Push delivery (RFC 8935) from the durable outbox: each push stream's SETs are POSTed as
// application/secevent+jwt one after the other, in queue order, and taken off the queue only when
// the receiver answers 202 (a 400 is a refusal of that SET, recorded and not repeated). Anything
// else — no connection, a timeout, a 5xx, a redirect, which is never followed — is retried with
// exponential back-off and jitter; a stream failing for longer than `pauseAfter` is paused with
// the reason, and a stream-updated event waits for it at the head of its queue.
//
// One instance delivers a stream at a time: it claims the stream (a lease, taken in a write
// transaction, renewed with each delivery) before sending, so on PostgreSQL every SET is sent by
// one instance, and an instance that dies hands its streams on when the lease runs out. Work is
// found on a timer and whenever a local batch queued SETs.
class SsfDeliverer : public QObject
{
    Q_OBJECT

public:
    struct Settings
    {
        QString issuer;
        std::chrono::seconds retryMax{300};
        std::chrono::seconds pauseAfter{24 * 60 * 60};
        std::chrono::milliseconds interval{500};
        std::chrono::milliseconds timeout{10'000};
        // Who holds leases: on SQLite one process owns the store, so a fixed name lets a
        // restarted server go on at once; on PostgreSQL each process is its own, and a dead
        // one's streams pass on when its leases run out.
        QString instance;
    };
    static constexpr qint64 LeaseSeconds = 30;
    // Bytes of a receiver's answer read at most (an error body is short).
    static constexpr qint64 MaxAnswerBytes = 16 * 1024;

    SsfDeliverer(Store &reader, WriteBatcher &writes, const Clock &clock, const SetSigner &signer,
                 Metrics &metrics, Settings settings, QObject *parent = nullptr);

    // Looks for due work now (a local batch queued SETs).
    void wake();
    // Stops sending; what is in flight is abandoned and sent again later (by any instance).
    void stop();
    // The delay before retry number `attempt` (1 = after the first failure): 1 s doubling up to
    // `max`, each drawn at random from its upper half, so receivers coming back are not stampeded.
    static std::chrono::milliseconds backoff(int attempt, std::chrono::seconds max);

private:
    void claimThenSend(const QString &streamId);
    void sendHead(const QString &streamId);
    void answered(const QString &streamId, const SsfOutboxRepository::Entry &entry, QNetworkReply *reply);
    void settle(const QString &streamId, const SsfOutboxRepository::Entry &entry, const QString &outcome,
                const QString &error);
    void fail(const QString &streamId, const SsfOutboxRepository::Entry &entry, const QString &error);
    void release(const QString &streamId) { m_busy.remove(streamId); }
    void addGauges(Metrics &metrics);

    Store &m_reader;
    WriteBatcher &m_writes;
    const Clock &m_clock;
    const SetSigner &m_signer;
    Metrics &m_metrics;
    Settings m_settings;
    QNetworkAccessManager m_network;
    QTimer m_timer;
    QSet<QString> m_busy;               // streams with a claim or a push in flight
    QHash<QString, QDateTime> m_leases; // streams this instance holds, until
    QList<QPointer<QNetworkReply>> m_inFlight;
    bool m_stopped = false;
};

} // namespace mandate::server
