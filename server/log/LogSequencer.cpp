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
    QSqlQuery *q = store.db().run(lock);
    const bool taken = q && q->next() && q->value(0).toBool();
    if (q)
        q->finish();
    return taken;
}

} // namespace

bool LogSequencer::keep(Store &store, const QList<MerkleFrontier::Subtree> &subtrees)
{
    for (const MerkleFrontier::Subtree &subtree : subtrees) {
        if (!store.log().putSubtree(subtree.level, subtree.index, subtree.hash))
            return false;
    }
    return true;
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
            if (!store.audit().rewrite(row.seq, QJsonDocument(*event).toJson(QJsonDocument::Compact),
                                       decisionId) ||
                !keep(store, frontier.append(leaf)))
                return false;
        }
    }
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
    if (signedBefore && !Checkpoint::open(signedBefore->note, m_signer.verifierKey())) {
        *error = QStringLiteral("the log's newest checkpoint does not verify with this instance's log key %1; "
                                "it will not sign (give every instance the same --log-key)")
                     .arg(m_signer.verifierKey().toString());
        return std::nullopt;
    }
    std::optional<QList<AuditLogRepository::Recorded>> recorded = store.log().take(BatchLimit);
    if (!recorded)
        return std::nullopt;
    if (recorded->isEmpty() && *leaves == head->first && signedBefore && signedBefore->treeSize == *leaves) {
        pass.treeSize = *leaves;
        return pass;
    }

    const auto subtrees = [&store](int level, qint64 index) {
        return store.log().subtree(level, index);
    };
    std::optional<MerkleFrontier> frontier = MerkleFrontier::load(*leaves, subtrees);
    if (!frontier || *leaves > head->first || !catchUp(store, *frontier, head->first, error))
        return std::nullopt;

    qint64 seq = head->first;
    QString previous = head->second;
    for (const AuditLogRepository::Recorded &event : *recorded) {
        Expected<QJsonObject, StrictJson::ParseError> json = StrictJson::parseObject(event.event);
        if (!json)
            return std::nullopt;
        const AuditChain::Sealed sealed = AuditChain::sealJson(*json, ++seq, previous);
        AuditRepository::Stored stored{seq,
                                       event.type,
                                       event.delegationId,
                                       event.agentId,
                                       event.customerId,
                                       event.decisionId,
                                       QJsonDocument(*json).toJson(QJsonDocument::Compact)};
        if (!store.audit().insert(stored, event.at, sealed.hash) ||
            !keep(store, frontier->append(sealed.leafHash)))
            return std::nullopt;
        previous = sealed.hash;
        if (!pass.oldestRecorded || event.at < *pass.oldestRecorded)
            pass.oldestRecorded = event.at;
    }
    pass.integrated = static_cast<int>(recorded->size());
    pass.treeSize = frontier->size();

    const QByteArray note = m_signer.sign({m_signer.origin(), frontier->size(), frontier->root(), {}});
    if (note.isEmpty() ||
        !store.log().putCheckpoint({frontier->size(), frontier->root(), note, m_clock.now()}))
        return std::nullopt;
    return pass;
}

} // namespace mandate::server
