#pragma once

#include "core/Clock.h"
#include "core/MerkleFrontier.h"
#include "server/log/LogSigner.h"
#include "server/store/AuditLogRepository.h"

#include <QByteArray>
#include <QDateTime>
#include <QPair>

#include <optional>

namespace mandate::server {

class Store;

// One sequencing pass, run inside a write transaction on the store thread: takes the recorded
// events in the order they were recorded, gives each the next seq and its chain and leaf hashes,
// stores the perfect subtrees they complete, and signs a checkpoint of the new tree. A store made
// before the tree existed has its events hashed into the tree by the first pass.
class LogSequencer
{
public:
    // Small enough that a pass holds the writer for a few milliseconds, not a decision's p99.
    static constexpr int BatchLimit = 64;

    struct Pass
    {
        bool turnTaken = true; // false: another instance is sequencing (PostgreSQL)
        qint64 treeSize = 0;
        int integrated = 0;
        std::optional<QDateTime> oldestRecorded; // of the events this pass integrated
    };

    LogSequencer(const LogSigner &signer, const Clock &clock)
        : m_signer(signer)
        , m_clock(clock)
    {}

    // Nothing on a storage failure or damaged data; the caller rolls the pass back.
    std::optional<Pass> run(Store &store, bool waitForTurn, QString *error) const;
    // With a single writer (SQLite) events need no inbox: the batch that records them seals them
    // before its commit, in the order recorded, after anything an older inbox still holds. The
    // periodic pass then only signs. False on a storage failure; the caller rolls the batch back.
    bool sealHeld(Store &store, QString *error) const;

private:
    bool append(Store &store, MerkleFrontier &frontier, const QPair<qint64, QString> &head,
                const QList<AuditLogRepository::Recorded> &recorded, Pass *pass, QString *error) const;
    bool holdInInbox(Store &store, const QList<AuditLogRepository::Recorded> &recorded) const;
    std::optional<MerkleFrontier> frontierAt(Store &store, const QPair<qint64, QString> &head,
                                             QString *error) const;
    bool catchUp(Store &store, MerkleFrontier &frontier, qint64 head, QString *error) const;
    static void collect(QList<AuditLogRepository::Subtree> &into,
                        const QList<MerkleFrontier::Subtree> &completed);

    const LogSigner &m_signer;
    const Clock &m_clock;
    // The newest checkpoint known to verify with this instance's key, because it signed or
    // verified exactly these bytes: a pass that finds it still newest skips the signature check,
    // which was a tenth of the store thread's work under load.
    mutable QByteArray m_trustedNote;
    // sealHeld's state, on the store thread only.
    mutable std::optional<MerkleFrontier> m_frontier;
    mutable quint64 m_frontierEpoch = 0;
    mutable bool m_inboxEmpty = false;
};

} // namespace mandate::server
