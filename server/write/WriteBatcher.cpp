#include "WriteBatcher.h"

#include "Clock.h"
#include "Metrics.h"
#include "Problem.h"
#include "Store.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QTimer>

namespace mandate::server {

namespace {

const QString JobSavepoint = QStringLiteral("job");
constexpr qint64 IdempotencyWindowSeconds = 24 * 60 * 60;

} // namespace

WriteBatcher::WriteBatcher(Store &store, const Clock &clock, Metrics &metrics, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_clock(clock)
    , m_metrics(metrics)
{}

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
    m_pending.append({std::move(idempotency), std::move(job), std::move(respond)});
    if (!m_scheduled) {
        m_scheduled = true;
        // Zero-delay: runs after every request already readable in this event-loop pass was parsed.
        QTimer::singleShot(0, this, &WriteBatcher::flush);
    }
}

ApiResponse WriteBatcher::runOne(Pending &pending)
{
    const Idempotency &idem = pending.idempotency;
    const QDateTime now = m_clock.now();
    if (!idem.key.isEmpty()) {
        const auto previous =
            m_store.idempotency().find(idem.scope, idem.key, now.addSecs(-IdempotencyWindowSeconds));
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

    if (!m_store.db().savepoint(JobSavepoint))
        return Problem::internal();
    ApiResponse response = pending.job(m_store);
    const bool keep = response.status < 400;
    if (!(keep ? m_store.db().releaseSavepoint(JobSavepoint)
               : m_store.db().rollbackToSavepoint(JobSavepoint)))
        return Problem::internal();

    if (!idem.key.isEmpty() && idem.storeAnswer && response.status < 500) {
        if (!m_store.idempotency().store(idem.scope, idem.key,
                                         {idem.requestHash, response.status, response.body}, now))
            return Problem::internal();
    }
    return response;
}

void WriteBatcher::flush()
{
    m_scheduled = false;
    if (m_pending.isEmpty())
        return;
    m_flushing = true;
    QList<Pending> batch;
    batch.swap(m_pending);

    QElapsedTimer timer;
    timer.start();
    QList<ApiResponse> answers;
    answers.reserve(batch.size());
    if (!m_store.db().beginWrite()) {
        for (qsizetype i = 0; i < batch.size(); ++i)
            answers.append(Problem::unavailable(QStringLiteral("The store is busy; retry shortly.")));
    } else {
        for (Pending &pending : batch)
            answers.append(runOne(pending));
        if (!m_store.db().commit()) {
            // Nothing of this batch is durable, so no client may hear that it succeeded.
            for (ApiResponse &answer : answers)
                answer = Problem::internal();
            m_store.takeOutbox();
        }
    }
    if (const QList<LiveEvent> events = m_store.takeOutbox(); !events.isEmpty())
        Q_EMIT committed(events);
    m_metrics.observeCommit(static_cast<double>(timer.nsecsElapsed()) / 1e9, static_cast<int>(batch.size()));

    for (qsizetype i = 0; i < batch.size(); ++i)
        batch[i].respond(answers[i]);
    m_flushing = false;
    if (isIdle())
        Q_EMIT idle();
}

} // namespace mandate::server
