#include "server/store/EnforcementPointRepository.h"

#include "core/Timestamp.h"
#include "server/store/Database.h"

namespace mandate::server {

namespace {

const QString PointColumns = QStringLiteral("id, name, created_at, created_by, last_used_at, revoked_at");

EnforcementPoint pointFrom(const SqlStatement &q)
{
    const auto optionalTime = [](const QVariant &value) -> std::optional<QDateTime> {
        if (value.isNull())
            return std::nullopt;
        return parseTimestamp(value.toString());
    };
    return {q.value(0).toString(),
            q.value(1).toString(),
            parseTimestamp(q.value(2).toString()).value_or(QDateTime()),
            q.value(3).toString(),
            optionalTime(q.value(4)),
            optionalTime(q.value(5))};
}

} // namespace

bool EnforcementPointRepository::insert(const EnforcementPoint &point, const QByteArray &tokenHash)
{
    return m_db.run(
               QStringLiteral("INSERT INTO enforcement_points (id, name, token_hash, created_at, created_by) "
                              "VALUES (?, ?, ?, ?, ?)"),
               {point.id, point.name, tokenHash, formatTimestamp(point.createdAt), point.createdBy}) !=
           nullptr;
}

std::optional<EnforcementPoint> EnforcementPointRepository::one(const QString &where, const QVariant &value)
{
    SqlStatement *q = m_db.run(QStringLiteral("SELECT ") + PointColumns +
                                   QStringLiteral(" FROM enforcement_points WHERE ") + where,
                               {value});
    if (!q || !q->next())
        return std::nullopt;
    EnforcementPoint point = pointFrom(*q);
    q->finish();
    return point;
}

std::optional<EnforcementPoint> EnforcementPointRepository::find(const QString &id)
{
    return one(QStringLiteral("id = ?"), id);
}

std::optional<EnforcementPoint> EnforcementPointRepository::findActiveByTokenHash(const QByteArray &tokenHash)
{
    return one(QStringLiteral("token_hash = ? AND revoked_at IS NULL"), tokenHash);
}

QList<EnforcementPoint> EnforcementPointRepository::list()
{
    QList<EnforcementPoint> points;
    SqlStatement *q = m_db.run(QStringLiteral("SELECT ") + PointColumns +
                               QStringLiteral(" FROM enforcement_points ORDER BY created_at DESC, id"));
    while (q && q->next())
        points.append(pointFrom(*q));
    return points;
}

bool EnforcementPointRepository::revoke(const QString &id, const QDateTime &at)
{
    return m_db.run(QStringLiteral(
                        "UPDATE enforcement_points SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL"),
                    {formatTimestamp(at), id}) != nullptr;
}

bool EnforcementPointRepository::touch(const QString &id, const QDateTime &at)
{
    // "Last used" to the minute: a busy gateway does not rewrite its row with every decision.
    return m_db.run(QStringLiteral("UPDATE enforcement_points SET last_used_at = ? WHERE id = ? AND "
                                   "(last_used_at IS NULL OR last_used_at < ?)"),
                    {formatTimestamp(at), id, formatTimestamp(at.addSecs(-60))}) != nullptr;
}

} // namespace mandate::server
