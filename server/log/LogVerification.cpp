#include "server/log/LogVerification.h"

#include "core/AuditChain.h"
#include "core/Checkpoint.h"
#include "core/MerkleFrontier.h"
#include "server/store/Store.h"

namespace mandate::server {

namespace {

constexpr int LeafPage = 1000;

// The stored tree's leaves, read a page at a time alongside the events.
class StoredLeaves
{
public:
    explicit StoredLeaves(Store &store)
        : m_store(store)
    {}

    std::optional<QByteArray> at(qint64 index)
    {
        if (index < m_first || index >= m_first + m_page.size()) {
            const auto page = m_store.log().leaves(index, LeafPage);
            if (!page)
                return std::nullopt;
            m_first = index;
            m_page = *page;
        }
        if (index - m_first >= m_page.size())
            return QByteArray(); // the tree has no such leaf
        return m_page.at(index - m_first);
    }

private:
    Store &m_store;
    qint64 m_first = 0;
    QList<QByteArray> m_page;
};

} // namespace

std::optional<LogVerification::Result> LogVerification::run(Store &store, const NoteVerifierKey &logKey)
{
    Result result;
    const auto stored = store.log().checkpoint();
    std::optional<Checkpoint> signedCheckpoint;
    if (stored) {
        Expected<Checkpoint, LogError> opened = Checkpoint::open(stored->note, logKey);
        if (opened)
            signedCheckpoint = *opened;
    }
    if (signedCheckpoint) {
        result.treeSize = signedCheckpoint->treeSize;
        result.rootHash = signedCheckpoint->rootHash;
    }

    const auto fail = [&result](qint64 seq, const QString &reason) {
        if (result.ok) {
            result.ok = false;
            result.firstBadSeq = seq;
            result.reason = reason;
        }
    };
    AuditChain::Verifier chain;
    MerkleFrontier frontier;
    StoredLeaves leaves(store);
    std::optional<QByteArray> rootAtCheckpoint;
    if (result.treeSize == 0)
        rootAtCheckpoint = frontier.root();
    bool readFailed = false;
    bool treeLost = false; // after a gap or an unreadable event the rest can only be counted
    const bool read = store.audit().forEach({}, [&](const AuditRepository::Row &row) {
        const qint64 expected = frontier.size() + 1;
        ++result.events;
        if (treeLost)
            return true;
        if (row.seq != expected || !row.event) {
            fail(expected,
                 row.seq != expected ? QStringLiteral("event_missing") : QStringLiteral("event_unreadable"));
            treeLost = true;
            return true;
        }
        if (!chain.add(*row.event))
            fail(chain.result().firstBadSeq.value_or(row.seq), QStringLiteral("chain_broken"));
        const QByteArray leaf = AuditChain::leafHash(*row.event);
        const std::optional<QByteArray> kept = leaves.at(row.seq - 1);
        if (!kept) {
            readFailed = true;
            return false;
        }
        if (leaf != *kept ||
            (!row.event->leafHash.isEmpty() && row.event->leafHash.toLatin1() != leaf.toHex()))
            fail(row.seq, QStringLiteral("event_changed"));
        frontier.append(leaf);
        if (frontier.size() == result.treeSize)
            rootAtCheckpoint = frontier.root();
        return true;
    });
    if (!read || readFailed)
        return std::nullopt;

    if (!signedCheckpoint) {
        result.ok = false;
        result.reason = QStringLiteral("checkpoint_invalid");
        result.firstBadSeq.reset();
    } else if (result.ok && result.events < result.treeSize) {
        fail(frontier.size() + 1, QStringLiteral("event_missing"));
    } else if (result.ok && rootAtCheckpoint != result.rootHash) {
        result.ok = false;
        result.reason = QStringLiteral("root_mismatch");
    }
    return result;
}

} // namespace mandate::server
