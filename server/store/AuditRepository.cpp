#include "server/store/AuditRepository.h"

#include "core/AuditChain.h"
#include "core/AuditEventCodec.h"
#include "core/StrictJson.h"
#include "core/Timestamp.h"
#include "server/store/Database.h"

#include <QJsonDocument>

namespace mandate::server {

namespace {

QString auditLikePattern(const QString &text)
{
    QString escaped = text.toLower();
    escaped.replace(u'\\', QStringLiteral("\\\\"));
    escaped.replace(u'%', QStringLiteral("\\%"));
    escaped.replace(u'_', QStringLiteral("\\_"));
    return u'%' + escaped + u'%';
}

} // namespace

bool AuditRepository::insert(const QList<Sealed> &events)
{
    static constexpr qsizetype RowsPerStatement = 64;
    const auto nullable = [](const QString &text) {
        return text.isEmpty() ? QVariant() : QVariant(text);
    };
    const SqlDialect &dialect = m_db.dialect();
    for (qsizetype first = 0; first < events.size(); first += RowsPerStatement) {
        const qsizetype rows = qMin(RowsPerStatement, events.size() - first);
        QString sql =
            QStringLiteral("INSERT INTO audit_events (seq, at, type, delegation_id, agent_id, customer_id, "
                           "decision_id, event, hash, leaf_hash) VALUES ");
        const QString row =
            QStringLiteral("(?, ?, ?, ?, ?, ?, ?, %1, ?, ?)").arg(dialect.utf8TextParameter());
        QVariantList values;
        values.reserve(rows * 10);
        for (qsizetype i = first; i < first + rows; ++i) {
            const Sealed &sealed = events.at(i);
            if (i != first)
                sql += QStringLiteral(", ");
            sql += row;
            values << sealed.event.seq << formatTimestamp(sealed.at) << sealed.event.type
                   << nullable(sealed.event.delegationId) << nullable(sealed.event.agentId)
                   << nullable(sealed.event.customerId) << nullable(sealed.event.decisionId)
                   << dialect.utf8Text(sealed.event.event) << sealed.hash << sealed.leafHash;
        }
        if (!m_db.runList(sql, values))
            return false;
    }
    return true;
}

std::optional<QPair<qint64, QString>> AuditRepository::head()
{
    SqlStatement *q =
        m_db.run(QStringLiteral("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1"));
    if (!q)
        return std::nullopt;
    QPair<qint64, QString> head{0, AuditChain::genesisHash()};
    if (q->next())
        head = {q->value(0).toLongLong(), q->value(1).toString()};
    q->finish();
    return head;
}

std::optional<QList<AuditRepository::Stored>> AuditRepository::texts(qint64 afterSeq, int limit)
{
    SqlStatement *q = m_db.run(
        QStringLiteral("SELECT seq, type, event FROM audit_events WHERE seq > ? ORDER BY seq LIMIT ?"),
        {afterSeq, limit});
    if (!q)
        return std::nullopt;
    QList<Stored> rows;
    while (q->next()) {
        Stored row;
        row.seq = q->value(0).toLongLong();
        row.type = q->value(1).toString();
        row.event = q->value(2).toString().toUtf8();
        rows.append(std::move(row));
    }
    return rows;
}

bool AuditRepository::rewrite(qint64 seq, const QByteArray &event, const QString &decisionId,
                              const QByteArray &leafHash)
{
    return m_db.run(QStringLiteral(
                        "UPDATE audit_events SET event = ?, decision_id = ?, leaf_hash = ? WHERE seq = ?"),
                    {QString::fromUtf8(event), decisionId.isEmpty() ? QVariant() : QVariant(decisionId),
                     leafHash, seq}) != nullptr;
}

std::optional<AuditRepository::Stored> AuditRepository::first(const QString &column, const QString &value,
                                                              const QString &type)
{
    Q_ASSERT(column == u"delegation_id" || column == u"decision_id");
    QString sql =
        QStringLiteral("SELECT seq, type, event FROM audit_events WHERE ") + column + QStringLiteral(" = ?");
    QVariantList values{value};
    if (!type.isEmpty()) {
        sql += QStringLiteral(" AND type = ?");
        values.append(type);
    }
    SqlStatement *q = m_db.runList(sql + QStringLiteral(" ORDER BY seq LIMIT 1"), values);
    if (!q || !q->next())
        return std::nullopt;
    Stored row;
    row.seq = q->value(0).toLongLong();
    row.type = q->value(1).toString();
    row.event = q->value(2).toString().toUtf8();
    q->finish();
    return row;
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
    if (filter.type && *filter.type != u"decision.made")
        sql += QStringLiteral(" AND type <> 'decision.made'"); // the type index's condition (migration 10)
    if (filter.text) {
        const QString pattern = auditLikePattern(*filter.text);
        sql += QStringLiteral(
            " AND (LOWER(event) LIKE ? ESCAPE '\\'"
            " OR customer_id IN (SELECT id FROM users WHERE LOWER(display_name) LIKE ? ESCAPE '\\'"
            " OR LOWER(username) LIKE ? ESCAPE '\\')"
            " OR agent_id IN (SELECT id FROM agents WHERE LOWER(name) LIKE ? ESCAPE '\\'))");
        values << pattern << pattern << pattern << pattern;
    }
    sql += QStringLiteral(" ORDER BY seq LIMIT ?");
    values.append(filter.limit);

    SqlStatement *q = m_db.runList(sql, values);
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
