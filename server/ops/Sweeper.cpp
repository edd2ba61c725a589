#include "server/ops/Sweeper.h"

#include "server/domain/ApprovalLedger.h"
#include "server/domain/AuditTrail.h"
#include "server/events/LiveEvents.h"
#include "server/ssf/SignalOutbox.h"
#include "server/store/Store.h"
#include "server/write/WriteBatcher.h"

#include <memory>

namespace mandate::server {

namespace {

constexpr qint64 IdempotencyWindowSeconds = 24 * 60 * 60;

} // namespace

Sweeper::Sweeper(Store &store, const Clock &clock, WriteBatcher &writes, std::chrono::milliseconds interval,
                 std::chrono::seconds signalRetention, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_clock(clock)
    , m_writes(writes)
    , m_signalRetentionSeconds(signalRetention.count())
{
    m_timer.setInterval(interval);
    connect(&m_timer, &QTimer::timeout, this, &Sweeper::sweepNow);
    m_timer.start();
}

void Sweeper::sweepNow()
{
    if (m_running)
        return;
    m_running = true;
    m_writes.submit(
        [this](Store &store) {
            const QDateTime now = m_clock.now();
            ApprovalLedger ledger(store, m_clock, 0);
            for (const Approval &approval : store.approvals().pendingExpiredBy(now, BatchLimit)) {
                if (!ledger.expire(approval))
                    return WriteResult::Drop;
            }
            AuditTrail audit(store, m_clock);
            SignalOutbox signals(store, m_clock);
            for (const QString &id : store.delegations().activeLapsedBy(now, BatchLimit)) {
                auto delegation = store.delegations().find(id);
                if (!delegation)
                    continue;
                const bool idle = delegation->expiresAt > now;
                delegation->status = DelegationStatus::Expired;
                if (!ApprovalLedger::cancelPendingUnder(store, m_clock, id, QStringLiteral("expired")) ||
                    !store.delegations().setStatus(id, DelegationStatus::Expired) ||
                    !audit.record(QStringLiteral("delegation.expired"), Principal{}, *delegation,
                                  {{QStringLiteral("cause"),
                                    idle ? QStringLiteral("idle") : QStringLiteral("lifetime")}}) ||
                    !LiveEvents::delegation(store, QStringLiteral("delegation.updated"), *delegation) ||
                    !signals.sessionsEnded(
                        {id},
                        SignalCause::delegationEnded(
                            Principal{}, QStringLiteral("expired"),
                            idle ? QStringLiteral("it was not used within its idle allowance")
                                 : QStringLiteral("its lifetime ended"),
                            now),
                        true))
                    return WriteResult::Drop;
            }
            if (!store.idempotency().purgeBefore(now.addSecs(-IdempotencyWindowSeconds)) ||
                !store.sessions().removeExpired(now) || !store.jitCredentials().removeExpired(now) ||
                !store.ssfOutbox().prune(now.addSecs(-DeliveredRetentionSeconds),
                                         now.addSecs(-m_signalRetentionSeconds)))
                return WriteResult::Drop;
            return WriteResult::Keep;
        },
        [this](CommitStatus) { pruneEvents(); });
}

void Sweeper::pruneEvents()
{
    // Under load thousands of events age out per sweep; deleting them in one transaction would
    // hold every decision of that batch for as long. A slice per batch keeps each commit short.
    auto more = std::make_shared<bool>(false);
    m_writes.submit(
        [more](Store &store) {
            const std::optional<int> pruned = store.liveEvents().prune(PruneLimit);
            if (!pruned)
                return WriteResult::Drop;
            *more = *pruned >= PruneLimit;
            return WriteResult::Keep;
        },
        [this, more](CommitStatus) {
            if (*more)
                pruneEvents();
            else
                m_running = false;
        });
}

} // namespace mandate::server
