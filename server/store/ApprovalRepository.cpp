#include "server/store/ApprovalRepository.h"

#include "core/ApprovalCodec.h"
#include "core/Sha256.h"
#include "core/StrictJson.h"
#include "core/Timestamp.h"
#include "server/store/Database.h"

#include <QJsonDocument>

namespace mandate::server {

namespace {

const QString Select = QStringLiteral("SELECT body FROM approvals ");

std::optional<Approval> parse(const QVariant &body)
{
    const auto json = StrictJson::parseObject(body.toByteArray());
    if (!json)
        return std::nullopt;
    auto approval = ApprovalCodec::fromJson(*json);
    return approval ? std::optional<Approval>(std::move(*approval)) : std::nullopt;
}

QString routeName(ApprovalRepository::Route route)
{
    return route == ApprovalRepository::Route::Customer ? QStringLiteral("customer")
                                                        : QStringLiteral("approvers");
}

QString bodyOf(const Approval &approval)
{
    return QString::fromUtf8(QJsonDocument(ApprovalCodec::toJson(approval)).toJson(QJsonDocument::Compact));
}

} // namespace

QString ApprovalRepository::requestKey(const QString &delegationId, const ApprovalRequestDetails &request)
{
    const QStringList parts{delegationId,
                            request.action,
                            request.resource,
                            request.amount ? QString::number(request.amount->amountMinor()) : QString(),
                            request.amount ? request.amount->currency() : QString(),
                            request.destination.value_or(QString()),
                            request.sensitivity ? sensitivityToString(*request.sensitivity) : QString()};
    return QString::fromLatin1(Sha256::of({parts.join(QChar(0x1f)).toUtf8()}).toHex());
}

bool ApprovalRepository::insert(const Approval &a, Route route, const QString &requestKey)
{
    return m_db.run(QStringLiteral(
                        "INSERT INTO approvals (id, kind, status, delegation_id, customer_id, routed_to, "
                        "request_key, created_at, expires_at, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                    {a.id, approvalKindToString(a.kind), approvalStatusToString(a.status), a.delegationId,
                     a.customer.id, routeName(route), requestKey, formatTimestamp(a.createdAt),
                     formatTimestamp(a.expiresAt), bodyOf(a)}) != nullptr;
}

bool ApprovalRepository::update(const Approval &a)
{
    return m_db.run(QStringLiteral("UPDATE approvals SET status = ?, body = ? WHERE id = ?"),
                    {approvalStatusToString(a.status), bodyOf(a), a.id}) != nullptr;
}

std::optional<Approval> ApprovalRepository::find(const QString &id)
{
    SqlStatement *q = m_db.run(Select + QStringLiteral("WHERE id = ?"), {id});
    if (!q || !q->next())
        return std::nullopt;
    auto approval = parse(q->value(0));
    q->finish();
    return approval;
}

std::optional<Approval> ApprovalRepository::findForUpdate(const QString &id)
{
    SqlStatement *q = m_db.run(Select + QStringLiteral("WHERE id = ?") + m_db.dialect().rowLock(), {id});
    if (!q || !q->next())
        return std::nullopt;
    auto approval = parse(q->value(0));
    q->finish();
    return approval;
}

std::optional<ApprovalRepository::Route> ApprovalRepository::routeOf(const QString &id)
{
    SqlStatement *q = m_db.run(QStringLiteral("SELECT routed_to FROM approvals WHERE id = ?"), {id});
    if (!q || !q->next())
        return std::nullopt;
    const Route route =
        q->value(0).toString() == QStringLiteral("customer") ? Route::Customer : Route::Approvers;
    q->finish();
    return route;
}

std::optional<Approval> ApprovalRepository::findPending(const QString &delegationId,
                                                        const QString &requestKey)
{
    SqlStatement *q =
        m_db.run(Select + QStringLiteral("WHERE delegation_id = ? AND request_key = ? AND status = 'pending' "
                                         "ORDER BY created_at DESC LIMIT 1"),
                 {delegationId, requestKey});
    if (!q || !q->next())
        return std::nullopt;
    auto approval = parse(q->value(0));
    q->finish();
    return approval;
}

QList<Approval> ApprovalRepository::list(const Query &query)
{
    QString where = QStringLiteral("WHERE 1 = 1");
    QVariantList values;
    const auto add = [&](const QString &clause, const QVariantList &clauseValues) {
        where += QStringLiteral(" AND ") + clause;
        values += clauseValues;
    };
    if (query.status)
        add(QStringLiteral("status = ?"), {*query.status});
    if (query.kind)
        add(QStringLiteral("kind = ?"), {*query.kind});
    if (query.restricted) {
        QStringList visible{QStringLiteral("1 = 0")};
        if (query.routedToApprovers)
            visible.append(QStringLiteral("routed_to = 'approvers'"));
        if (!query.routedToCustomer.isEmpty())
            visible.append(QStringLiteral("(routed_to = 'customer' AND customer_id = ?)"));
        add(QStringLiteral("(") + visible.join(QStringLiteral(" OR ")) + QStringLiteral(")"),
            query.routedToCustomer.isEmpty() ? QVariantList{} : QVariantList{query.routedToCustomer});
    }
    if (query.after) {
        add(QStringLiteral("(created_at < ? OR (created_at = ? AND id < ?))"),
            {query.after->sortKey, query.after->sortKey, query.after->id});
    }
    values.append(query.limit);
    SqlStatement *q =
        m_db.runList(Select + where + QStringLiteral(" ORDER BY created_at DESC, id DESC LIMIT ?"), values);
    QList<Approval> result;
    while (q && q->next()) {
        if (auto approval = parse(q->value(0)))
            result.append(std::move(*approval));
    }
    return result;
}

QList<Approval> ApprovalRepository::pendingOn(const QString &delegationId)
{
    SqlStatement *q = m_db.run(Select + QStringLiteral("WHERE delegation_id = ? AND status = 'pending'") +
                                   m_db.dialect().rowLock(),
                               {delegationId});
    QList<Approval> result;
    while (q && q->next()) {
        if (auto approval = parse(q->value(0)))
            result.append(std::move(*approval));
    }
    return result;
}

QList<Approval> ApprovalRepository::pendingExpiredBy(const QDateTime &now, int limit)
{
    SqlStatement *q = m_db.run(
        Select + QStringLiteral("WHERE status = 'pending' AND expires_at <= ? ORDER BY expires_at LIMIT ?") +
            m_db.dialect().rowLock(),
        {formatTimestamp(now), limit});
    QList<Approval> result;
    while (q && q->next()) {
        if (auto approval = parse(q->value(0)))
            result.append(std::move(*approval));
    }
    return result;
}

qint64 ApprovalRepository::countPending()
{
    SqlStatement *q = m_db.run(QStringLiteral("SELECT COUNT(*) FROM approvals WHERE status = 'pending'"));
    if (!q || !q->next())
        return 0;
    const qint64 n = q->value(0).toLongLong();
    q->finish();
    return n;
}

bool ApprovalRepository::routedToApprovers(const QString &delegationId)
{
    SqlStatement *q = m_db.run(
        QStringLiteral("SELECT 1 FROM approvals WHERE delegation_id = ? AND routed_to = 'approvers' LIMIT 1"),
        {delegationId});
    const bool found = q && q->next();
    if (q)
        q->finish();
    return found;
}

} // namespace mandate::server
