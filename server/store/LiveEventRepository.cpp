#include "server/store/LiveEventRepository.h"

#include "core/Timestamp.h"
#include "server/store/Database.h"

namespace mandate::server {

namespace {

QString audienceName(LiveEvent::Audience audience)
{
    switch (audience) {
    case LiveEvent::Audience::Customer:
        return QStringLiteral("customer");
    case LiveEvent::Audience::Approvers:
        return QStringLiteral("approvers");
    case LiveEvent::Audience::Everyone:
        return QStringLiteral("everyone");
    }
    return QStringLiteral("customer");
}

LiveEvent::Audience audienceFrom(const QString &name)
{
    if (name == QStringLiteral("approvers"))
        return LiveEvent::Audience::Approvers;
    if (name == QStringLiteral("everyone"))
        return LiveEvent::Audience::Everyone;
    return LiveEvent::Audience::Customer;
}

} // namespace

std::optional<LiveEvent> LiveEventRepository::insert(LiveEvent event)
{
    const SqlDialect &dialect = m_db.dialect();
    SqlStatement *q =
        m_db.run(QStringLiteral("INSERT INTO live_events (at, type, customer_id, audience, payload) "
                                "VALUES (?, ?, ?, ?, %1) RETURNING id")
                     .arg(dialect.utf8TextParameter()),
                 {formatTimestamp(event.at), event.type,
                  event.customerId.isEmpty() ? QVariant() : QVariant(event.customerId),
                  audienceName(event.audience), dialect.utf8Text(event.payload)});
    if (!q || !q->next())
        return std::nullopt;
    event.id = q->value(0).toLongLong();
    q->finish();
    return event;
}

QList<LiveEvent> LiveEventRepository::after(qint64 id, int limit)
{
    SqlStatement *q =
        m_db.run(QStringLiteral("SELECT id, at, type, customer_id, audience, payload FROM live_events "
                                "WHERE id > ? ORDER BY id LIMIT ?"),
                 {id, limit});
    QList<LiveEvent> events;
    while (q && q->next()) {
        LiveEvent event;
        event.id = q->value(0).toLongLong();
        event.at = parseTimestamp(q->value(1).toString()).value_or(QDateTime());
        event.type = q->value(2).toString();
        event.customerId = q->value(3).toString();
        event.audience = audienceFrom(q->value(4).toString());
        event.payload = q->value(5).toByteArray();
        events.append(event);
    }
    return events;
}

qint64 LiveEventRepository::newestId()
{
    SqlStatement *q = m_db.run(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM live_events"));
    if (!q || !q->next())
        return 0;
    const qint64 id = q->value(0).toLongLong();
    q->finish();
    return id;
}

qint64 LiveEventRepository::oldestId()
{
    SqlStatement *q = m_db.run(QStringLiteral("SELECT COALESCE(MIN(id), 0) FROM live_events"));
    if (!q || !q->next())
        return 0;
    const qint64 id = q->value(0).toLongLong();
    q->finish();
    return id;
}

std::optional<int> LiveEventRepository::prune(int limit)
{
    SqlStatement *q =
        m_db.run(QStringLiteral("DELETE FROM live_events WHERE id IN (SELECT id FROM live_events "
                                "WHERE id <= (SELECT MAX(id) FROM live_events) - ? ORDER BY id LIMIT ?)"),
                 {RetainedEvents, limit});
    if (!q)
        return std::nullopt;
    return q->numRowsAffected();
}

} // namespace mandate::server
