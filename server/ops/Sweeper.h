#pragma once

#include "core/Clock.h"

#include <QObject>
#include <QTimer>

#include <chrono>

namespace mandate::server {

class Store;
class WriteBatcher;

// Applies what time does on its own: pending approvals expire, delegations past their lifetime
// or idle allowance expire, and retained events, idempotency records and sessions age out. Runs
// as ordinary write jobs, so it commits with (and never races) the requests around it.
class Sweeper : public QObject
{
    Q_OBJECT

public:
    static constexpr int BatchLimit = 500;
    static constexpr int PruneLimit = 100; // live events deleted per write batch

    Sweeper(Store &store, const Clock &clock, WriteBatcher &writes, std::chrono::milliseconds interval,
            QObject *parent = nullptr);

    void sweepNow();

private:
    void pruneEvents();

    Store &m_store;
    const Clock &m_clock;
    WriteBatcher &m_writes;
    QTimer m_timer;
    bool m_running = false;
};

} // namespace mandate::server
