#include "server/log/AuditLog.h"

#include "server/ops/Metrics.h"
#include "server/store/Database.h"
#include "server/store/Store.h"
#include "server/write/WriteBatcher.h"

#include <QDebug>

#include <memory>

namespace mandate::server {

AuditLog::AuditLog(Store &reader, WriteBatcher &writes, LogSigner signer, const Clock &clock,
                   Metrics &metrics, std::chrono::milliseconds interval, QObject *parent)
    : QObject(parent)
    , m_reader(reader)
    , m_writes(writes)
    , m_signer(std::move(signer))
    , m_sequencer(m_signer, clock)
    , m_clock(clock)
    , m_metrics(metrics)
{
    // One writer (SQLite): each batch seals its own events, and the passes only sign.
    if (reader.db().dialect().sequencerLock(true).isEmpty()) {
        m_writes.setSealer([this](Store &store) {
            QString error;
            return m_sequencer.sealHeld(store, &error);
        });
    }
    m_timer.setInterval(interval);
    connect(&m_timer, &QTimer::timeout, this, &AuditLog::tick);
    m_timer.start();
    addGauges(metrics);
    // The first pass signs a checkpoint even for an empty log, and hashes an older store's events in.
    runPass(true, [] {});
}

void AuditLog::tick()
{
    // Reads on the event loop's own connection: an idle server opens no write transaction.
    if (m_passRunning || (!m_reader.log().oldestWaiting() && !hasUnsignedEvents()))
        return;
    runPass(false, [] {});
}

bool AuditLog::hasUnsignedEvents()
{
    const std::optional<QPair<qint64, QString>> head = m_reader.audit().head();
    const std::optional<AuditLogRepository::StoredCheckpoint> checkpoint = m_reader.log().checkpoint();
    return head && (!checkpoint || checkpoint->treeSize < head->first);
}

void AuditLog::whenCurrent(std::function<void()> then)
{
    runPass(true, std::move(then));
}

void AuditLog::runPass(bool waitForTurn, std::function<void()> then)
{
    m_passRunning = true;
    auto pass = std::make_shared<std::optional<LogSequencer::Pass>>();
    m_writes.submit(
        [this, waitForTurn, pass](Store &store) {
            QString error;
            *pass = m_sequencer.run(store, waitForTurn, &error);
            if (!*pass && error.isEmpty())
                error = QStringLiteral("a sequencing pass failed: ") + store.db().lastError();
            if (!*pass && !error.isEmpty() && error != m_lastError)
                qWarning().noquote() << "audit log:" << error;
            m_lastError = error;
            return *pass ? WriteResult::Keep : WriteResult::Drop;
        },
        [this, waitForTurn, pass, then = std::move(then)](CommitStatus status) mutable {
            m_passRunning = false;
            const bool committed = status == CommitStatus::Committed && *pass;
            if (committed && (*pass)->oldestRecorded)
                m_metrics.observeMergeDelay(
                    static_cast<double>((*pass)->oldestRecorded->msecsTo(m_clock.now())) / 1000.0);
            // A full pass leaves more waiting: go on at once (decisions still get the batches between).
            if (committed && (*pass)->integrated == LogSequencer::BatchLimit) {
                runPass(waitForTurn, std::move(then));
                return;
            }
            then();
        });
}

void AuditLog::addGauges(Metrics &metrics)
{
    metrics.addGauge(QStringLiteral("mandate_audit_tree_size"),
                     QStringLiteral("Audit events in the newest signed checkpoint."), [this] {
                         const auto checkpoint = m_reader.log().checkpoint();
                         return checkpoint ? static_cast<double>(checkpoint->treeSize) : 0.0;
                     });
    metrics.addGauge(
        QStringLiteral("mandate_audit_merge_lag_seconds"),
        QStringLiteral("How long the oldest recorded event has waited for its place in the log."), [this] {
            const auto oldest = m_reader.log().oldestWaiting();
            return oldest ? static_cast<double>(oldest->msecsTo(m_clock.now())) / 1000.0 : 0.0;
        });
}

} // namespace mandate::server
