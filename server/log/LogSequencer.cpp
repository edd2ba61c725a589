#include "server/log/LogSequencer.h"

#include "core/AuditChain.h"
#include "core/Checkpoint.h"
#include "core/StrictJson.h"
#include "server/store/Store.h"

#include <QJsonDocument>

namespace mandate::server {

namespace {

// The older events of a store made before the tree are hashed in this many at a time.
constexpr int CatchUpPage = 1000;

bool takeTurn(Store &store, bool wait)
{
    const QString lock = store.db().dialect().sequencerLock(wait);
    if (lock.isEmpty())
        return true;
    SqlStatement *q = store.db().run(lock);
    const bool taken = q && q->next() && q->value(0).toBool();
    if (q)
        q->finish();
    return taken;
}

} // namespace

void LogSequencer::collect(QList<AuditLogRepository::Subtree> &into,
                           const QList<MerkleFrontier::Subtree> &completed)
{
    // Leaves are stored with their events.
    for (const MerkleFrontier::Subtree &subtree : completed) {
        if (subtree.level > 0)
            into.append({subtree.level, subtree.index, subtree.hash});
    }
}

bool LogSequencer::catchUp(Store &store, MerkleFrontier &frontier, qint64 head, QString *error) const
{
    while (frontier.size() < head) {
        const std::optional<QList<AuditRepository::Stored>> page =
            store.audit().texts(frontier.size(), CatchUpPage);
        if (!page || page->isEmpty())
            return false;
        for (const AuditRepository::Stored &row : *page) {
            Expected<QJsonObject, StrictJson::ParseError> event = StrictJson::parseObject(row.event);
            if (row.seq != frontier.size() + 1 || !event) {
                *error = QStringLiteral("audit event %1 cannot be hashed into the log: the stored trail is "
                                        "damaged; run GET /v1/audit/verify")
                             .arg(frontier.size() + 1);
                return false;
            }
            const QByteArray leaf = AuditChain::leafHash(*event);
            event->insert(QStringLiteral("leaf_hash"), QString::fromLatin1(leaf.toHex()));
            const QJsonObject data = event->value(QStringLiteral("data")).toObject();
            const QString decisionId = row.type == u"decision.made"
                                           ? data.value(QStringLiteral("decision_id")).toString()
                                           : QString();
            QList<AuditLogRepository::Subtree> completed;
            collect(completed, frontier.append(leaf));
            if (!store.audit().rewrite(row.seq, QJsonDocument(*event).toJson(QJsonDocument::Compact),
                                       decisionId, leaf) ||
                !store.log().putSubtrees(completed))
                return false;
        }
    }
    return true;
}

bool LogSequencer::append(Store &store, MerkleFrontier &frontier, const QPair<qint64, QString> &head,
                          const QList<AuditLogRepository::Recorded> &recorded, Pass *pass,
                          QString *error) const
{
    qint64 seq = head.first;
    QString previous = head.second;
    QList<AuditRepository::Sealed> sealedEvents;
    QList<AuditLogRepository::Subtree> subtreesDone;
    sealedEvents.reserve(recorded.size());
    subtreesDone.reserve(2 * recorded.size());
    for (const AuditLogRepository::Recorded &event : recorded) {
        AuditChain::Sealed sealed;
        std::optional<QByteArray> text = AuditChain::sealCanonical(event.event, ++seq, previous, &sealed);
        if (!text) {
            *error = QStringLiteral("recorded audit event %1 is not in its canonical form").arg(event.id);
            return false;
        }
        sealedEvents.append({{seq, event.type, event.delegationId, event.agentId, event.customerId,
                              event.decisionId, std::move(*text)},
                             event.at,
                             sealed.hash,
                             sealed.leafHash});
        collect(subtreesDone, frontier.append(sealed.leafHash));
        previous = sealed.hash;
        if (!pass->oldestRecorded || event.at < *pass->oldestRecorded)
            pass->oldestRecorded = event.at;
    }
    if (!store.audit().insert(sealedEvents) || !store.log().putSubtrees(subtreesDone))
        return false;
    pass->integrated += static_cast<int>(recorded.size());
    pass->treeSize = frontier.size();
    return true;
}

std::optional<MerkleFrontier> LogSequencer::frontierAt(Store &store, const QPair<qint64, QString> &head,
                                                       QString *error) const
{
    const std::optional<qint64> leaves = store.log().leafCount();
    if (!leaves)
        return std::nullopt;
    const auto subtrees = [&store](int level, qint64 index) {
        return store.log().subtree(level, index);
    };
    std::optional<MerkleFrontier> frontier = MerkleFrontier::load(*leaves, subtrees);
    if (!frontier || *leaves > head.first) {
        *error =
            QStringLiteral("the stored tree (%1 leaves) does not fit the %2 events; run GET /v1/audit/verify")
                .arg(*leaves)
                .arg(head.first);
        return std::nullopt;
    }
    if (!catchUp(store, *frontier, head.first, error))
        return std::nullopt;
    return frontier;
}

bool LogSequencer::holdInInbox(Store &store, const QList<AuditLogRepository::Recorded> &recorded) const
{
    // A damaged tree stops sealing, not deciding: the events wait in the inbox, as they would on
    // PostgreSQL, and the periodic pass says why.
    store.log().setHolding(false);
    bool stored = true;
    for (const AuditLogRepository::Recorded &event : recorded)
        stored = stored && store.log().record(event);
    store.log().setHolding(true);
    m_inboxEmpty = false;
    return stored;
}

bool LogSequencer::sealHeld(Store &store, QString *error) const
{
    QList<AuditLogRepository::Recorded> recorded = store.log().takeHeld();
    // An inbox left by an older version (or by a crash of one) holds events recorded before these.
    while (!m_inboxEmpty) {
        const std::optional<QList<AuditLogRepository::Recorded>> older = store.log().take(BatchLimit);
        if (!older)
            return false;
        m_inboxEmpty = older->size() < BatchLimit;
        recorded = *older + recorded;
    }
    if (recorded.isEmpty())
        return true;
    const std::optional<QPair<qint64, QString>> head = store.audit().head();
    const std::optional<quint64> epoch = store.db().cacheEpoch();
    if (!head || !epoch)
        return false;
    // The frontier this connection advanced last is still the stored one unless something rolled
    // back or another connection wrote since (the epoch moved); reading it again costs a query per
    // level of the tree.
    if (!m_frontier || m_frontierEpoch != *epoch || m_frontier->size() != head->first) {
        m_frontier = frontierAt(store, *head, error);
        if (!m_frontier && !error->isEmpty())
            return holdInInbox(store, recorded);
        if (!m_frontier)
            return false;
    }
    Pass pass;
    if (!append(store, *m_frontier, *head, recorded, &pass, error)) {
        m_frontier.reset();
        return false;
    }
    m_frontierEpoch = *epoch;
    return true;
}

std::optional<LogSequencer::Pass> LogSequencer::run(Store &store, bool waitForTurn, QString *error) const
{
    Pass pass;
    if (!takeTurn(store, waitForTurn)) {
        pass.turnTaken = false;
        return pass;
    }
    const std::optional<QPair<qint64, QString>> head = store.audit().head();
    const std::optional<qint64> leaves = store.log().leafCount();
    if (!head || !leaves)
        return std::nullopt;
    const std::optional<AuditLogRepository::StoredCheckpoint> signedBefore = store.log().checkpoint();
    // Instances that started together with different keys: the first to sign owns the log.
    if (signedBefore && signedBefore->note != m_trustedNote &&
        !Checkpoint::open(signedBefore->note, m_signer.verifierKey())) {
        *error =
            QStringLiteral("the log's newest checkpoint does not verify with this instance's log key %1; "
                           "it will not sign (give every instance the same --log-key)")
                .arg(m_signer.verifierKey().toString());
        return std::nullopt;
    }
    if (signedBefore)
        m_trustedNote = signedBefore->note;
    std::optional<QList<AuditLogRepository::Recorded>> recorded = store.log().take(BatchLimit);
    if (!recorded)
        return std::nullopt;
    if (recorded->isEmpty() && *leaves == head->first && signedBefore && signedBefore->treeSize == *leaves) {
        pass.treeSize = *leaves;
        return pass;
    }
    std::optional<MerkleFrontier> frontier = frontierAt(store, *head, error);
    if (!frontier || !append(store, *frontier, *head, *recorded, &pass, error))
        return std::nullopt;

    const QByteArray note = m_signer.sign({m_signer.origin(), frontier->size(), frontier->root(), {}});
    if (note.isEmpty() ||
        !store.log().putCheckpoint({frontier->size(), frontier->root(), note, m_clock.now()}))
        return std::nullopt;
    m_trustedNote = note;
    return pass;
}

} // namespace mandate::server
