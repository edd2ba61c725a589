#include "server/store/SpendingRepository.h"

#include "core/Timestamp.h"
#include "server/store/Database.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace mandate::server {

std::optional<QList<SpendingRepository::Spent>> SpendingRepository::allowedSince(const QString &agentId,
                                                                                 const QDateTime &since)
{
    // Timestamps are stored fixed-width, so text order is time order. One statement reads one
    // snapshot: an event the sequencer moves meanwhile is counted once, in one table or the other.
    // The type index leaves decisions out (migration 10), so this reads the agent's own events; the
    // inbox is small.
    const QString from = formatTimestamp(since);
    SqlStatement *q = m_db.run(QStringLiteral("SELECT at, delegation_id, event FROM audit_events "
                                              "WHERE agent_id = ? AND type = 'decision.made' AND at >= ? "
                                              "UNION ALL SELECT at, delegation_id, event FROM audit_inbox "
                                              "WHERE agent_id = ? AND type = 'decision.made' AND at >= ?"),
                               {agentId, from, agentId, from});
    if (!q)
        return std::nullopt;
    QList<Spent> spent;
    while (q->next()) {
        const QJsonObject data = QJsonDocument::fromJson(q->value(2).toString().toUtf8())
                                     .object()
                                     .value(QStringLiteral("data"))
                                     .toObject();
        if (data.value(QStringLiteral("decision")).toString() != u"allow")
            continue;
        const QJsonObject amount =
            data.value(QStringLiteral("request")).toObject().value(QStringLiteral("amount")).toObject();
        const auto money = Money::of(amount.value(QStringLiteral("amount_minor")).toInteger(),
                                     amount.value(QStringLiteral("currency")).toString());
        const std::optional<QDateTime> at = parseTimestamp(q->value(0).toString());
        if (amount.isEmpty() || !money || !at)
            continue;
        spent.append(Spent{*at, q->value(1).toString(), *money});
    }
    return spent;
}

} // namespace mandate::server
