#include "server/write/WriteBatcher.h"

#include "core/Clock.h"
#include "server/http/Problem.h"
#include "server/ops/Metrics.h"
#include "server/store/Store.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QTimer>

namespace mandate::server {

namespace {

const QString JobSavepoint = QStringLiteral("job");
constexpr qint64 IdempotencyWindowSeconds = 24 * 60 * 60;

ApiResponse lostAnswer()
{
    return Problem::unavailable(
        QStringLiteral("This instance lost its database connection and is restarting; retry."));
}

} // namespace

WriteBatcher::WriteBatcher(const Clock &clock, Metrics &metrics, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_metrics(metrics)
{}

bool WriteBatcher::openSqlite(const QString &dataDir, QString *error)
{
    return m_storeThread.openSqlite(dataDir, error);
}

bool WriteBatcher::open(const QString &database, const QString &dataDir, QString *error)
{
    return m_storeThread.open(database, dataDir, error);
}

QByteArray WriteBatcher::hashRequest(const QByteArray &method, const QString &path, const QByteArray &body)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(method);
    hash.addData("\n");
    hash.addData(path.toUtf8());
    hash.addData("\n");
    hash.addData(body);
    return hash.result();
}

void WriteBatcher::submit(Idempotency idempotency, Job job, Responder respond)
{
    m_pending.append({std::move(idempotency), std::move(job)});
    m_pendingResponders.append(std::move(respond));
    if (!m_scheduled && m_inFlight.isEmpty()) {
        m_scheduled = true;
        // Zero-delay: runs after every request already readable in this event-loop pass was parsed.
        QTimer::singleShot(0, this, &WriteBatcher::flush);
    }
}

ApiResponse WriteBatcher::runOne(Store &store, const Clock &clock, Write &write)
{
    const Idempotency &idem = write.idempotency;
    const QDateTime now = clock.now();
    if (!idem.key.isEmpty()) {
        const auto previous =
            store.idempotency().find(idem.scope, idem.key, now.addSecs(-IdempotencyWindowSeconds));
        if (previous) {
            if (previous->requestHash != idem.requestHash)
                return Problem::idempotencyMismatch();
            ApiResponse replay = ApiResponse::text(previous->status, "application/json", previous->body);
            if (previous->status >= 400)
                replay.contentType = "application/problem+json";
            replay.headers.emplaceBack("Idempotent-Replayed", "true");
            return replay;
        }
    }

    if (!store.db().savepoint(JobSavepoint))
        return Problem::internal();
    // Live events the job publishes go with its changes: a job rolled back to its savepoint must
    // not leave an event for a change the database never kept (nor one whose id SQLite reuses).
    const qsizetype outboxMark = store.outboxMark();
    ApiResponse response = write.job(store);
    const bool keep = response.status < 400;
    if (!keep)
        store.rollbackOutbox(outboxMark);
    if (!(keep ? store.db().releaseSavepoint(JobSavepoint) : store.db().rollbackToSavepoint(JobSavepoint)))
        return Problem::internal();

    if (!idem.key.isEmpty() && idem.storeAnswer && response.status < 500) {
        if (!store.idempotency().store(idem.scope, idem.key,
                                       {idem.requestHash, response.status, response.body}, now))
            return Problem::internal();
    }
    return response;
}

WriteBatcher::Outcome WriteBatcher::commit(Store &store, const Clock &clock, QList<Write> &writes)
{
    QElapsedTimer timer;
    timer.start();
    Outcome outcome;
    outcome.answers.reserve(writes.size());
    if (!store.db().beginWrite()) {
        outcome.databaseLost = !store.db().isAlive();
        const ApiResponse answer =
            outcome.databaseLost ? lostAnswer()
                                 : Problem::unavailable(QStringLiteral("The store is busy; retry shortly."));
        for (qsizetype i = 0; i < writes.size(); ++i)
            outcome.answers.append(answer);
    } else {
        for (Write &write : writes)
            outcome.answers.append(runOne(store, clock, write));
        // Other instances learn of this batch's events when it commits (PostgreSQL only).
        const QString notify = store.db().dialect().notifyEvents();
        if (!notify.isEmpty() && store.outboxMark() > 0)
            store.db().execute(notify);
        if (!store.db().commit()) {
            // No client may hear that it succeeded. Nothing of this batch is durable, unless the
            // connection died after the server committed: then the outcome is unknown, and a retry
            // with the same Idempotency-Key (on any instance) finds the answer if there was one.
            outcome.databaseLost = !store.db().isAlive();
            for (ApiResponse &answer : outcome.answers)
                answer = outcome.databaseLost ? lostAnswer() : Problem::internal();
            store.takeOutbox();
        }
    }
    outcome.events = store.takeOutbox();
    outcome.seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    return outcome;
}

void WriteBatcher::flush()
{
    m_scheduled = false;
    if (m_pending.isEmpty() || !m_inFlight.isEmpty())
        return;
    m_inFlight.swap(m_pendingResponders);
    m_storeThread.post([this, writes = std::exchange(m_pending, {})](Store &store) mutable {
        Outcome outcome = commit(store, m_clock, writes);
        QMetaObject::invokeMethod(
            this, [this, outcome = std::move(outcome)] { finish(outcome); }, Qt::QueuedConnection);
    });
}

void WriteBatcher::finish(const Outcome &outcome)
{
    const QList<Responder> batch = std::exchange(m_inFlight, {});
    if (outcome.databaseLost && !std::exchange(m_databaseLost, true))
        Q_EMIT databaseLost();
    if (!outcome.events.isEmpty())
        Q_EMIT committed(outcome.events);
    m_metrics.observeCommit(outcome.seconds, static_cast<int>(batch.size()));
    for (qsizetype i = 0; i < batch.size(); ++i)
        batch[i](outcome.answers[i]);
    // What arrived while this batch committed goes to the store thread at once, as the next batch.
    flush();
    if (isIdle())
        Q_EMIT idle();
}

} // namespace mandate::server
