#pragma once

#include "core/Clock.h"

#include <QObject>
#include <QTimer>

#include <chrono>

namespace mandate::server {

class Store;
class WriteBatcher;

// Applies what time does on its own: pending approvals expire, delegations past their lifetime
// or idle allowance expire, and retained events, idempotency records, sessions, expired JIT
// credential ids and Shared Signals events (taken a day ago, or waiting longer than the
// retention) age out. Runs
// as ordinary write jobs, so it commits with (and never races) the requests around it.
class Sweeper : public QObject
{
    Q_OBJECT

public:
    static constexpr int BatchLimit = 500;
    static constexpr int PruneLimit = 100; // live events deleted per write batch
    // SETs a receiver took are kept this long for the console's counts, then forgotten.
    static constexpr qint64 DeliveredRetentionSeconds = 24 * 60 * 60;

    // `signalRetention`: how long an undelivered SET waits (a paused stream, a receiver that is
    // down) before it is given up.
    Sweeper(Store &store, const Clock &clock, WriteBatcher &writes, std::chrono::milliseconds interval,
            std::chrono::seconds signalRetention = std::chrono::hours(7 * 24), QObject *parent = nullptr);

    void sweepNow();

private:
    void pruneEvents();

    Store &m_store;
    const Clock &m_clock;
    WriteBatcher &m_writes;
    qint64 m_signalRetentionSeconds;
    QTimer m_timer;
    bool m_running = false;
};

} // namespace mandate::server
