#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace mandate::server {

class Database;

// The transparency log's tables: the inbox of recorded but not yet sequenced events, the Merkle
// tree's perfect subtrees, and the newest signed checkpoint. Sequencing itself is LogSequencer's.
class AuditLogRepository
{
public:
    // An event recorded by a write, waiting for its seq. `event` is its JSON without seq and hashes.
    struct Recorded
    {
        qint64 id = 0;
        QDateTime at;
        QString type;
        QString delegationId;
        QString agentId;
        QString customerId;
        QString decisionId;
        QByteArray event;
    };

    struct StoredCheckpoint
    {
        qint64 treeSize = 0;
        QByteArray rootHash;
        QByteArray note;
        QDateTime signedAt;
    };

    explicit AuditLogRepository(Database &db)
        : m_db(db)
    {}

    bool record(const Recorded &event);
    // Holding (a single writer: SQLite), record() keeps events in memory until the batch seals
    // them (LogSequencer::sealHeld) instead of writing them to the inbox; a job rolled back
    // takes its events with it.
    void setHolding(bool holding) { m_holding = holding; }
    qsizetype heldMark() const { return m_held.size(); }
    void rollbackHeld(qsizetype mark) { m_held.resize(mark); }
    QList<Recorded> takeHeld() { return std::exchange(m_held, {}); }
    // Removes and returns up to `limit` recorded events, oldest first.
    std::optional<QList<Recorded>> take(int limit);
    // When the oldest event still waiting was recorded; nothing when none waits (or on an error).
    std::optional<QDateTime> oldestWaiting();
    // The recorded event whose `column` (delegation_id or decision_id) is `value` (and of `type`).
    std::optional<Recorded> waiting(const QString &column, const QString &value, const QString &type = {});

    std::optional<QByteArray> subtree(int level, qint64 index);
    // Where the perfect subtree `index` at `level` is stored: ordered by the leaf count at which it
    // completed, then by level, so every batch appends. Levels stay below 64 (2^63 leaves).
    static qint64 nodeKey(int level, qint64 index) { return ((index + 1) << level) * 64 + level; }
    struct Subtree
    {
        int level = 0;
        qint64 index = 0;
        QByteArray hash;
    };
    // Stores many at once: one statement per 128 rows.
    bool putSubtrees(const QList<Subtree> &subtrees);
    // How many leaves the stored tree has.
    std::optional<qint64> leafCount();
    // The stored leaf hashes from leaf `index` on, ascending, at most `limit`.
    std::optional<QList<QByteArray>> leaves(qint64 index, int limit);

    std::optional<StoredCheckpoint> checkpoint();
    bool putCheckpoint(const StoredCheckpoint &checkpoint);

private:
    Database &m_db;
    bool m_holding = false;
    QList<Recorded> m_held;
};

} // namespace mandate::server
