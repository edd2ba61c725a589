#include "server/store/AuditRepository.h"

#include "core/AuditChain.h"
#include "core/AuditEventCodec.h"
#include "core/StrictJson.h"
#include "core/Timestamp.h"
#include "server/store/Database.h"

#include <QJsonDocument>

namespace mandate::server {

std::optional<AuditEvent> AuditRepository::append(AuditEvent event, const QString &agentId,
                                                  const QString &customerId)
{
    Link previous{0, AuditChain::genesisHash()};
    if (const Link *kept = m_newest.find(Newest)) {
        previous = *kept;
    } else {
        QSqlQuery *last =
            m_db.run(QStringLiteral("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1"));
        if (!last)
            return std::nullopt;
        if (last->next())
            previous = {last->value(0).toLongLong(), last->value(1).toString()};
        last->finish();
    }

    event.seq = previous.seq + 1;
    const QByteArray json =
        QJsonDocument(AuditChain::sealToJson(event, previous.hash)).toJson(QJsonDocument::Compact);
    const auto nullable = [](const QString &s) {
        return s.isEmpty() ? QVariant() : QVariant(s);
    };
    if (!m_db.run(
            QStringLiteral("INSERT INTO audit_events (seq, at, type, delegation_id, agent_id, customer_id, "
                           "event, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
            {event.seq, formatTimestamp(event.at), event.type,
             nullable(event.delegationId.value_or(QString())), nullable(agentId), nullable(customerId),
             QString::fromUtf8(json), event.hash})) {
        m_newest.forget(Newest);
        return std::nullopt;
    }
    m_newest.keep(Newest, {event.seq, event.hash});
    return event;
}

std::optional<QList<AuditRepository::Row>> AuditRepository::list(const Filter &filter)
{
    QString sql = QStringLiteral("SELECT seq, event FROM audit_events WHERE seq > ?");
    QVariantList values{filter.afterSeq};
    const auto add = [&](const char *column, const std::optional<QString> &value) {
        if (value) {
            sql += QStringLiteral(" AND ") + QLatin1StringView(column) + QStringLiteral(" = ?");
            values.append(*value);
        }
    };
    add("delegation_id", filter.delegationId);
    add("agent_id", filter.agentId);
    add("customer_id", filter.customerId);
    add("type", filter.type);
    sql += QStringLiteral(" ORDER BY seq LIMIT ?");
    values.append(filter.limit);

    QSqlQuery *q = m_db.runList(sql, values);
    if (!q)
        return std::nullopt;
    QList<Row> rows;
    while (q->next()) {
        Row row{q->value(0).toLongLong(), std::nullopt};
        if (const auto json = StrictJson::parseObject(q->value(1).toByteArray())) {
            if (auto event = AuditEventCodec::fromJson(*json))
                row.event = std::move(*event);
        }
        rows.append(std::move(row));
    }
    return rows;
}

bool AuditRepository::forEach(Filter filter, const std::function<bool(const Row &)> &visit)
{
    filter.limit = 1000;
    while (true) {
        const std::optional<QList<Row>> page = list(filter);
        if (!page)
            return false;
        for (const Row &row : *page) {
            if (!visit(row))
                return true;
        }
        if (page->size() < filter.limit)
            return true;
        filter.afterSeq = page->last().seq;
    }
}

} // namespace mandate::server
