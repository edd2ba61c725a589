#include "server/write/WriteBatcher.h"

#include "server/ops/Metrics.h"
#include "server/store/Store.h"
#include "server/write/WriteScope.h"

#include <QElapsedTimer>
#include <QTimer>

namespace mandate::server {

WriteBatcher::WriteBatcher(Metrics &metrics, QObject *parent)
    : QObject(parent)
    , m_metrics(metrics)
{}

bool WriteBatcher::open(const QString &database, const QString &dataDir, QString *error)
{
    return m_storeThread.open(database, dataDir, error);
}

void WriteBatcher::submit(Job job, Done done)
{
    m_pending.append(std::move(job));
    m_pendingDone.append(std::move(done));
    m_pendingAttempts.append(0);
    if (!m_scheduled && m_inFlight.isEmpty()) {
        m_scheduled = true;
        // Zero-delay: runs after every request already readable in this event-loop pass was parsed.
        QTimer::singleShot(0, this, &WriteBatcher::flush);
    }
}

WriteBatcher::Outcome WriteBatcher::commit(Store &store, QList<Job> &jobs) const
{
    QElapsedTimer timer;
    timer.start();
    Outcome outcome;
    outcome.statuses.reserve(jobs.size());
    if (!store.db().beginWrite()) {
        outcome.databaseLost = !store.db().isAlive();
        outcome.statuses.fill(outcome.databaseLost ? CommitStatus::DatabaseLost : CommitStatus::Busy,
                              jobs.size());
    } else {
        store.log().setHolding(bool(m_sealer));
        store.delegations().beginBatch();
        for (qsizetype i = 0; i < jobs.size(); ++i) {
            WriteScope scope(store, QStringLiteral("job"));
            const WriteResult result = scope.isOpen() ? jobs[i](store) : WriteResult::Drop;
            if (store.db().takeLockConflict()) {
                // Whatever the job answered was built on a failed statement: undo it all and run
                // it again in the next batch, once this one released its locks.
                scope.drop();
                outcome.statuses.append(CommitStatus::Failed);
                outcome.retried.append(i);
                outcome.retryJobs.append(std::move(jobs[i]));
                continue;
            }
            const bool ended = scope.isOpen() && (result == WriteResult::Keep ? scope.keep() : scope.drop());
            outcome.statuses.append(ended ? CommitStatus::Committed : CommitStatus::Failed);
        }
        const bool sealed = store.delegations().flushUsage() && (!m_sealer || m_sealer(store));
        // Other instances learn of this batch's events when it commits (PostgreSQL only), and
        // fetch them by id: the ids are assigned in commit order.
        const bool published = store.outboxMark() > 0;
        bool recorded = sealed && !published;
        if (sealed && published) {
            recorded = true;
            for (const QString &lock : store.db().dialect().commitOrderLock())
                recorded = recorded && store.db().execute(lock);
            recorded = recorded && store.recordOutbox();
        }
        const QString notify = store.db().dialect().notifyEvents();
        if (published && recorded && !notify.isEmpty())
            store.db().execute(notify);
        if (!recorded) {
            store.log().takeHeld();
            store.db().rollback();
            outcome.databaseLost = !store.db().isAlive();
            outcome.statuses.fill(outcome.databaseLost ? CommitStatus::DatabaseLost : CommitStatus::Failed);
            store.takeOutbox();
        } else if (!store.db().commit()) {
            // Nobody may hear that it succeeded. Nothing of this batch is durable, unless the
            // connection died after the server committed: then the outcome is unknown, and a retry
            // with the same Idempotency-Key (on any instance) finds the answer if there was one.
            outcome.databaseLost = !store.db().isAlive();
            outcome.statuses.fill(outcome.databaseLost ? CommitStatus::DatabaseLost : CommitStatus::Failed);
            store.takeOutbox();
        }
        store.delegations().endBatch();
    }
    outcome.events = store.takeOutbox();
    // Read after the commit, so only a batch whose SETs are durable wakes the deliverer.
    outcome.signalsQueued = store.takeSignalsQueued() && outcome.statuses.contains(CommitStatus::Committed);
    outcome.seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    return outcome;
}

void WriteBatcher::flush()
{
    m_scheduled = false;
    if (m_pending.isEmpty() || !m_inFlight.isEmpty())
        return;
    m_inFlight.swap(m_pendingDone);
    m_inFlightAttempts.swap(m_pendingAttempts);
    m_storeThread.post([this, jobs = std::exchange(m_pending, {})](Store &store) mutable {
        Outcome outcome = commit(store, jobs);
        QMetaObject::invokeMethod(
            this, [this, outcome = std::move(outcome)] { finish(outcome); }, Qt::QueuedConnection);
        store.db().checkpointIfDue();
    });
}

void WriteBatcher::finish(const Outcome &outcome)
{
    const QList<Done> batch = std::exchange(m_inFlight, {});
    const QList<int> attempts = std::exchange(m_inFlightAttempts, {});
    if (outcome.databaseLost && !std::exchange(m_databaseLost, true))
        Q_EMIT databaseLost();
    if (!outcome.events.isEmpty())
        Q_EMIT committed(outcome.events);
    if (outcome.signalsQueued)
        Q_EMIT signalsQueued();
    m_metrics.observeCommit(outcome.seconds, static_cast<int>(batch.size() - outcome.retried.size()));
    // Retried jobs go first, ahead of what arrived meanwhile: they were submitted before it.
    QList<Job> retryJobs;
    QList<Done> retryDone;
    QList<int> retryAttempts;
    QList<std::pair<qsizetype, CommitStatus>> answers;
    answers.reserve(batch.size());
    qsizetype next = 0;
    for (qsizetype i = 0; i < batch.size(); ++i) {
        if (next < outcome.retried.size() && outcome.retried[next] == i) {
            Job job = outcome.retryJobs[next++];
            if (attempts[i] + 1 < MaxAttempts && !outcome.databaseLost) {
                retryJobs.append(std::move(job));
                retryDone.append(batch[i]);
                retryAttempts.append(attempts[i] + 1);
            } else {
                answers.append({i, outcome.databaseLost ? CommitStatus::DatabaseLost : CommitStatus::Busy});
            }
            continue;
        }
        answers.append({i, outcome.statuses[i]});
    }
    if (!retryJobs.isEmpty()) {
        m_pending = retryJobs + m_pending;
        m_pendingDone = retryDone + m_pendingDone;
        m_pendingAttempts = retryAttempts + m_pendingAttempts;
    }
    // What arrived while this batch committed goes to the store thread before this batch is
    // answered: the store writes it while the event loop writes these answers.
    flush();
    Q_EMIT answering();
    for (const auto &[job, status] : answers)
        batch[job](status);
    Q_EMIT answersGiven();
    if (isIdle())
        Q_EMIT idle();
}

} // namespace mandate::server
