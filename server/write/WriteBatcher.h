#pragma once

#include "core/Clock.h"
#include "server/events/LiveEvent.h"
#include "server/write/StoreThread.h"
#include "server/write/WriteResult.h"

#include <QList>
#include <QObject>

#include <functional>

namespace mandate::server {

class Metrics;
class Store;

// Group commit. Writes run on the store thread, a batch at a time: each batch is one write
// transaction with a savepoint per job (WriteScope), and each job's `done` runs only after that
// transaction committed — one fsync for the whole batch, and no caller ever hears of a change that
// could still be lost. A job that answers Drop is rolled back to its savepoint, the live events it
// published with it. While a batch commits, the event loop keeps parsing and authenticating, and
// what it submits meanwhile forms the next batch, so batches grow with the load.
//
// Jobs run on the store thread: they may touch the Store they are given and the values they
// captured, nothing that the event loop also uses. `done` and committed() arrive on the thread
// that owns the WriteBatcher. Where writers lock rows (PostgreSQL), a job that lost a race for a
// lock (a deadlock, a lock wait past the dialect's limit) is rolled back to its savepoint and runs
// again at the head of the next batch, so it is never answered as an error and the jobs batched
// with it do not wait for its tree. The batcher knows nothing of HTTP: routes write through
// IdempotentWrites, which maps jobs and outcomes to answers.
class WriteBatcher : public QObject
{
    Q_OBJECT

public:
    // A job retried this often still losing its race ends Busy (PostgreSQL: about 20 s of waits).
    static constexpr int MaxAttempts = 100;

    using Job = std::function<WriteResult(Store &)>;
    using Done = std::function<void(CommitStatus)>;

    WriteBatcher(Metrics &metrics, QObject *parent = nullptr);

    // Opens the write connection to `database` (empty: SQLite in `dataDir`).
    bool open(const QString &database, const QString &dataDir, QString *error);
    bool openSqlite(const QString &dataDir, QString *error) { return open(QString(), dataDir, error); }
    void submit(Job job, Done done);
    // Runs on the store thread at the end of every batch, before its commit; false rolls the batch
    // back. While one is set, audit events are held for it instead of written to the log's inbox
    // (the log's sequencer, with a single writer). Set it before the first submit.
    void setSealer(std::function<bool(Store &)> seal) { m_sealer = std::move(seal); }
    bool isIdle() const { return m_pending.isEmpty() && m_inFlight.isEmpty(); }

Q_SIGNALS:
    void idle();
    // The live events of a batch that just committed, in id order.
    void committed(const QList<mandate::server::LiveEvent> &events);
    // The write connection stopped answering (the database restarted, failed over or dropped
    // it); emitted once. Every write from then on ends DatabaseLost.
    void databaseLost();
    // A batch that queued Security Event Tokens committed (Store::noteSignalsQueued).
    void signalsQueued();
    // Around the calls of a batch's `done`s, so that what they answer can leave together.
    void answering();
    void answersGiven();

private:
    struct Outcome
    {
        QList<CommitStatus> statuses; // one per job, in order
        QList<qsizetype> retried;     // the jobs that lost a race for a lock, in order
        QList<Job> retryJobs;         // those jobs, to run again
        QList<LiveEvent> events;
        double seconds = 0;
        bool databaseLost = false;
        bool signalsQueued = false;
    };

    void flush();
    void finish(const Outcome &outcome);
    Outcome commit(Store &store, QList<Job> &jobs) const;

    Metrics &m_metrics;
    bool m_databaseLost = false;
    QList<Job> m_pending;
    QList<Done> m_pendingDone;
    QList<int> m_pendingAttempts; // how often each pending job ran before
    QList<Done> m_inFlight;       // the batch on the store thread, at most one
    QList<int> m_inFlightAttempts;
    bool m_scheduled = false;
    std::function<bool(Store &)> m_sealer;
    // Last member: destroyed first, so the batch in flight finishes while everything it uses lives.
    StoreThread m_storeThread;
};

} // namespace mandate::server
