#include "server/store/AuditLogRepository.h"

#include "core/Timestamp.h"
#include "server/store/Database.h"

#include <algorithm>

namespace mandate::server {

namespace {

QVariant nullable(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

// Columns: id, at, type, delegation_id, agent_id, customer_id, decision_id, event.
AuditLogRepository::Recorded recordedFrom(const SqlStatement &q)
{
    return {q.value(0).toLongLong(), parseTimestamp(q.value(1).toString()).value_or(QDateTime()),
            q.value(2).toString(),   q.value(3).toString(),
            q.value(4).toString(),   q.value(5).toString(),
            q.value(6).toString(),   q.value(7).toString().toUtf8()};
}

} // namespace

bool AuditLogRepository::record(const Recorded &event)
{
    if (m_holding) {
        m_held.append(event);
        return true;
    }
    return m_db.run(QStringLiteral("INSERT INTO audit_inbox (at, type, delegation_id, agent_id, customer_id, "
                                   "decision_id, event) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                    {formatTimestamp(event.at), event.type, nullable(event.delegationId),
                     nullable(event.agentId), nullable(event.customerId), nullable(event.decisionId),
                     QString::fromUtf8(event.event)}) != nullptr;
}

std::optional<QList<AuditLogRepository::Recorded>> AuditLogRepository::take(int limit)
{
    // One statement reads and removes, so an event committed meanwhile by another instance is
    // either taken here or left whole for the next pass — never removed unread.
    SqlStatement *q = m_db.run(
        QStringLiteral("DELETE FROM audit_inbox WHERE id IN (SELECT id FROM audit_inbox ORDER BY id LIMIT ?) "
                       "RETURNING id, at, type, delegation_id, agent_id, customer_id, decision_id, event"),
        {limit});
    if (!q)
        return std::nullopt;
    QList<Recorded> taken;
    while (q->next())
        taken.append(recordedFrom(*q));
    std::sort(taken.begin(), taken.end(), [](const Recorded &a, const Recorded &b) { return a.id < b.id; });
    return taken;
}

std::optional<QDateTime> AuditLogRepository::oldestWaiting()
{
    SqlStatement *q = m_db.run(QStringLiteral("SELECT at FROM audit_inbox ORDER BY id LIMIT 1"));
    if (!q || !q->next())
        return std::nullopt;
    const std::optional<QDateTime> at = parseTimestamp(q->value(0).toString());
    q->finish();
    return at;
}

std::optional<AuditLogRepository::Recorded>
AuditLogRepository::waiting(const QString &column, const QString &value, const QString &type)
{
    Q_ASSERT(column == u"delegation_id" || column == u"decision_id");
    QString sql =
        QStringLiteral("SELECT id, at, type, delegation_id, agent_id, customer_id, decision_id, event "
                       "FROM audit_inbox WHERE ") +
        column + QStringLiteral(" = ?");
    QVariantList values{value};
    if (!type.isEmpty()) {
        sql += QStringLiteral(" AND type = ?");
        values.append(type);
    }
    SqlStatement *q = m_db.runList(sql + QStringLiteral(" ORDER BY id LIMIT 1"), values);
    if (!q || !q->next())
        return std::nullopt;
    Recorded row = recordedFrom(*q);
    q->finish();
    return row;
}

std::optional<QByteArray> AuditLogRepository::subtree(int level, qint64 index)
{
    // Leaves live next to their events; the tree table holds what lies above them.
    SqlStatement *q =
        level == 0 ? m_db.run(QStringLiteral("SELECT leaf_hash FROM audit_events WHERE seq = ?"), {index + 1})
                   : m_db.run(QStringLiteral("SELECT hash FROM audit_nodes WHERE node = ?"),
                              {nodeKey(level, index)});
    if (!q || !q->next() || q->value(0).isNull())
        return std::nullopt;
    QByteArray hash = q->value(0).toByteArray();
    q->finish();
    return hash;
}

bool AuditLogRepository::putSubtrees(const QList<Subtree> &subtrees)
{
    static constexpr qsizetype RowsPerStatement = 128;
    for (qsizetype first = 0; first < subtrees.size(); first += RowsPerStatement) {
        const qsizetype rows = qMin(RowsPerStatement, subtrees.size() - first);
        QString sql = QStringLiteral("INSERT INTO audit_nodes (node, hash) VALUES ");
        QVariantList values;
        values.reserve(rows * 2);
        for (qsizetype i = first; i < first + rows; ++i) {
            sql += i == first ? QStringLiteral("(?, ?)") : QStringLiteral(", (?, ?)");
            values << nodeKey(subtrees.at(i).level, subtrees.at(i).index) << subtrees.at(i).hash;
        }
        if (!m_db.runList(sql, values))
            return false;
    }
    return true;
}

std::optional<qint64> AuditLogRepository::leafCount()
{
    // Leaves are hashed in seq order, so the newest hashed one counts them; a store from before the
    // tree has none until its first pass.
    SqlStatement *q =
        m_db.run(QStringLiteral("SELECT MAX(seq) FROM audit_events WHERE leaf_hash IS NOT NULL"));
    if (!q || !q->next())
        return std::nullopt;
    const QVariant last = q->value(0);
    q->finish();
    return last.isNull() ? 0 : last.toLongLong();
}

std::optional<QList<QByteArray>> AuditLogRepository::leaves(qint64 index, int limit)
{
    SqlStatement *q =
        m_db.run(QStringLiteral("SELECT leaf_hash FROM audit_events WHERE seq > ? ORDER BY seq LIMIT ?"),
                 {index, limit});
    if (!q)
        return std::nullopt;
    QList<QByteArray> hashes;
    while (q->next())
        hashes.append(q->value(0).toByteArray());
    return hashes;
}

std::optional<AuditLogRepository::StoredCheckpoint> AuditLogRepository::checkpoint()
{
    SqlStatement *q = m_db.run(
        QStringLiteral("SELECT tree_size, root_hash, note, signed_at FROM audit_checkpoint WHERE id = 1"));
    if (!q || !q->next())
        return std::nullopt;
    StoredCheckpoint stored{q->value(0).toLongLong(), q->value(1).toByteArray(),
                            q->value(2).toString().toUtf8(),
                            parseTimestamp(q->value(3).toString()).value_or(QDateTime())};
    q->finish();
    return stored;
}

bool AuditLogRepository::putCheckpoint(const StoredCheckpoint &checkpoint)
{
    return m_db.run(
               QStringLiteral("INSERT INTO audit_checkpoint (id, tree_size, root_hash, note, signed_at) "
                              "VALUES (1, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET tree_size = "
                              "excluded.tree_size, root_hash = excluded.root_hash, note = excluded.note, "
                              "signed_at = excluded.signed_at"),
               {checkpoint.treeSize, checkpoint.rootHash, QString::fromUtf8(checkpoint.note),
                formatTimestamp(checkpoint.signedAt)}) != nullptr;
}

} // namespace mandate::server
