#pragma once

#include "core/Clock.h"
#include "server/log/LogSequencer.h"
#include "server/log/LogSigner.h"

#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>

namespace mandate::server {

class Metrics;
class Store;
class WriteBatcher;

// The transparency log as the event loop sees it: it runs a sequencing pass whenever events wait
// (every `interval`, well inside the 1 s maximum merge delay) and lets readers that must see their
// own writes — the audit list, verification, receipts — wait for one.
class AuditLog : public QObject
{
    Q_OBJECT

public:
    AuditLog(Store &reader, WriteBatcher &writes, LogSigner signer, const Clock &clock, Metrics &metrics,
             std::chrono::milliseconds interval, QObject *parent = nullptr);

    const LogSigner &signer() const { return m_signer; }
    // Calls `then` (on this thread) once every event recorded before this call is in the tree and a
    // checkpoint; on PostgreSQL, once this instance had its turn at sequencing.
    void whenCurrent(std::function<void()> then);
    // Sequences what waits now (tests, shutdown).
    void sequenceNow()
    {
        whenCurrent([] {});
    }

private:
    void tick();
    bool hasUnsignedEvents();
    void runPass(bool waitForTurn, std::function<void()> then);
    void addGauges(Metrics &metrics);

    Store &m_reader;
    WriteBatcher &m_writes;
    LogSigner m_signer;
    LogSequencer m_sequencer;
    const Clock &m_clock;
    Metrics &m_metrics;
    QTimer m_timer;
    bool m_passRunning = false;
    QString m_lastError; // said once, not on every pass (store thread only)
};

} // namespace mandate::server
