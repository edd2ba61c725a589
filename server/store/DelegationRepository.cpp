#include "server/store/DelegationRepository.h"

#include "core/DelegationCodec.h"
#include "core/Timestamp.h"
#include "server/store/Database.h"
#include "server/store/StoredDelegationCodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace mandate::server {

namespace {

const QString DelegationColumns = QStringLiteral(
    "SELECT id, customer_id, agent_id, parent_id, purpose, status, created_at, expires_at, revoked_at, "
    "revoked_by, revoke_reason, policy, chain, usage, bound_context FROM delegations ");

std::optional<QString> optionalText(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<QString>(value.toString());
}

std::optional<Delegation> readDelegation(const SqlStatement &q)
{
    Delegation d;
    d.id = q.value(0).toString();
    d.customerId = q.value(1).toString();
    d.agentId = q.value(2).toString();
    d.parentId = optionalText(q.value(3));
    d.purpose = q.value(4).toString();
    d.status = delegationStatusFromString(q.value(5).toString()).value_or(DelegationStatus::Revoked);
    d.createdAt = parseTimestamp(q.value(6).toString()).value_or(QDateTime());
    d.expiresAt = parseTimestamp(q.value(7).toString()).value_or(QDateTime());
    if (const auto revokedAt = optionalText(q.value(8)))
        d.revokedAt = parseTimestamp(*revokedAt);
    d.revokedBy = optionalText(q.value(9));
    d.revokeReason = optionalText(q.value(10));
    if (!StoredDelegationCodec::readPolicy(q.value(11).toByteArray(), d) ||
        !StoredDelegationCodec::readChain(q.value(12).toByteArray(), d) ||
        !StoredDelegationCodec::readUsage(q.value(13).toByteArray(), d))
        return std::nullopt;
    if (const auto bound = optionalText(q.value(14)))
        d.boundContext = QJsonDocument::fromJson(bound->toUtf8()).object();
    return d;
}

QVariant idleDeadline(const Delegation &d)
{
    const std::optional<QDateTime> deadline = d.idleDeadline();
    return deadline ? QVariant(formatTimestamp(*deadline)) : QVariant();
}

// Column names come from this fixed list only, never from the request.
QString sortColumn(DelegationRepository::Query::Sort sort)
{
    switch (sort) {
    case DelegationRepository::Query::Sort::CreatedAt:
        break;
    case DelegationRepository::Query::Sort::ExpiresAt:
        return QStringLiteral("expires_at");
    case DelegationRepository::Query::Sort::Purpose:
        return QStringLiteral("purpose");
    }
    return QStringLiteral("created_at");
}

QString likePattern(const QString &text)
{
    QString escaped = text.toLower();
    escaped.replace(u'\\', QStringLiteral("\\\\"));
    escaped.replace(u'%', QStringLiteral("\\%"));
    escaped.replace(u'_', QStringLiteral("\\_"));
    return u'%' + escaped + u'%';
}

} // namespace

bool DelegationRepository::insert(const Delegation &d, int depth, const QString &searchText)
{
    if (d.parentId)
        m_cache.forget(*d.parentId); // its children changed
    return run(QStringLiteral(
                   "INSERT INTO delegations (id, customer_id, agent_id, parent_id, depth, purpose, "
                   "status, created_at, expires_at, policy, chain, usage, search_text, idle_deadline) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
               {d.id, d.customerId, d.agentId, d.parentId ? QVariant(*d.parentId) : QVariant(), depth,
                d.purpose, delegationStatusToString(d.status), formatTimestamp(d.createdAt),
                formatTimestamp(d.expiresAt), QString::fromUtf8(StoredDelegationCodec::writePolicy(d)),
                QString::fromUtf8(StoredDelegationCodec::writeChain(d)),
                QString::fromUtf8(StoredDelegationCodec::writeUsage(d)), searchText.toLower(),
                idleDeadline(d)}) != nullptr;
}

bool DelegationRepository::lockChain(const QStringList &rootFirst)
{
    if (!m_db.locksRows())
        return true;
    const QString sql = QStringLiteral("SELECT id FROM delegations WHERE id = ?") + m_db.dialect().rowLock();
    for (const QString &id : rootFirst) {
        SqlStatement *q = run(sql, {id});
        if (!q)
            return false;
        q->finish();
        // Another instance may have changed it since this transaction kept it.
        m_cache.forget(id);
    }
    return true;
}

std::optional<Delegation> DelegationRepository::find(const QString &id)
{
    if (const Delegation *kept = m_cache.find(id))
        return *kept;
    SqlStatement *q = run(DelegationColumns + QStringLiteral("WHERE id = ?"), {id});
    if (!q || !q->next())
        return std::nullopt;
    std::optional<Delegation> d = readDelegation(*q);
    q->finish();
    if (!d)
        return std::nullopt;
    SqlStatement *children =
        run(QStringLiteral("SELECT id FROM delegations WHERE parent_id = ? ORDER BY created_at, id"), {id});
    while (children && children->next())
        d->children.append(children->value(0).toString());
    m_cache.keep(id, *d);
    return d;
}

std::optional<int> DelegationRepository::depthOf(const QString &id)
{
    SqlStatement *q = run(QStringLiteral("SELECT depth FROM delegations WHERE id = ?"), {id});
    if (!q || !q->next())
        return std::nullopt;
    const int depth = q->value(0).toInt();
    q->finish();
    return depth;
}

QString DelegationRepository::sortKeyOf(const Delegation &delegation, Query::Sort sort)
{
    switch (sort) {
    case Query::Sort::CreatedAt:
        return formatTimestamp(delegation.createdAt);
    case Query::Sort::ExpiresAt:
        return formatTimestamp(delegation.expiresAt);
    case Query::Sort::Purpose:
        return delegation.purpose;
    }
    return {};
}

QList<Delegation> DelegationRepository::list(const Query &query)
{
    QString where = QStringLiteral("WHERE 1 = 1");
    QVariantList values;
    const auto add = [&](const QString &clause, const QVariantList &clauseValues) {
        where += QStringLiteral(" AND ") + clause;
        values += clauseValues;
    };
    const QString behind =
        QStringLiteral("id IN (SELECT delegation_id FROM approvals WHERE routed_to = 'approvers')");
    if (query.onlyCustomerId && query.behindApproverRequests)
        add(QStringLiteral("(customer_id = ? OR ") + behind + QStringLiteral(")"), {*query.onlyCustomerId});
    else if (query.onlyCustomerId)
        add(QStringLiteral("customer_id = ?"), {*query.onlyCustomerId});
    else if (query.behindApproverRequests)
        add(behind, {});
    if (query.customerId)
        add(QStringLiteral("customer_id = ?"), {*query.customerId});
    if (query.agentId)
        add(QStringLiteral("agent_id = ?"), {*query.agentId});
    if (query.status)
        add(QStringLiteral("status = ?"), {*query.status});
    if (query.text)
        add(QStringLiteral("search_text LIKE ? ESCAPE '\\'"), {likePattern(*query.text)});
    const QString column = sortColumn(query.sort);
    const QString beyond = query.descending ? QStringLiteral(" < ?") : QStringLiteral(" > ?");
    if (query.after) {
        add(QStringLiteral("(%1%2 OR (%1 = ? AND id%2))").arg(column, beyond),
            {query.after->sortKey, query.after->sortKey, query.after->id});
    }
    values.append(query.limit);
    const QString direction = query.descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    const QString order = QStringLiteral(" ORDER BY %1%2, id%2 LIMIT ?").arg(column, direction);
    SqlStatement *q = runList(DelegationColumns + where + order, values);
    QList<Delegation> result;
    while (q && q->next()) {
        if (std::optional<Delegation> d = readDelegation(*q))
            result.append(std::move(*d));
    }
    return result;
}

std::optional<QStringList> DelegationRepository::revokeTrees(Roots roots, const QString &key,
                                                             const QString &by, const QString &reason,
                                                             const QDateTime &at)
{
    QString rootClause;
    switch (roots) {
    case Roots::Delegation:
        rootClause = QStringLiteral("id = ?");
        break;
    case Roots::Customer:
        rootClause = QStringLiteral("customer_id = ?");
        break;
    case Roots::Agent:
        rootClause = QStringLiteral("agent_id = ?");
        break;
    }
    if (m_db.locksRows()) {
        // Whoever adds a sub-delegation holds its chain's rows, the tree's root among them. Waiting
        // for them first means the UPDATE below, a statement of its own with a newer snapshot,
        // sees a child committed meanwhile and revokes it too.
        SqlStatement *held =
            run(QStringLiteral("SELECT id FROM delegations WHERE ") + rootClause + m_db.dialect().rowLock(),
                {key});
        if (!held)
            return std::nullopt;
        held->finish();
    }
    const QString sql =
        QStringLiteral("WITH RECURSIVE tree(id) AS (SELECT id FROM delegations WHERE ") + rootClause +
        QStringLiteral(
            " UNION SELECT d.id FROM delegations d JOIN tree t ON d.parent_id = t.id) "
            "UPDATE delegations SET status = 'revoked', revoked_at = ?, revoked_by = ?, revoke_reason = ? "
            "WHERE status = 'active' AND id IN (SELECT id FROM tree) RETURNING id");
    SqlStatement *q = run(sql, {key, formatTimestamp(at), by, reason});
    if (!q)
        return std::nullopt;
    QStringList ids;
    while (q->next())
        ids.append(q->value(0).toString());
    for (const QString &id : std::as_const(ids))
        m_cache.forget(id);
    return ids;
}

std::optional<QStringList> DelegationRepository::activeDescendantsOf(const QString &id)
{
    SqlStatement *q = run(
        QStringLiteral(
            "WITH RECURSIVE tree(id) AS (SELECT id FROM delegations WHERE parent_id = ? "
            "UNION SELECT d.id FROM delegations d JOIN tree t ON d.parent_id = t.id) "
            "SELECT id FROM delegations WHERE status = 'active' AND id IN (SELECT id FROM tree) ORDER BY id"),
        {id});
    if (!q)
        return std::nullopt;
    QStringList ids;
    while (q->next())
        ids.append(q->value(0).toString());
    return ids;
}

bool DelegationRepository::saveUsage(const Delegation &d)
{
    if (m_inBatch)
        m_usage.append(d);
    else if (!writeUsage(d))
        return false;
    if (Delegation *kept = m_cache.find(d.id)) {
        kept->usage = d.usage;
        kept->scopeUsage = d.scopeUsage;
    }
    return true;
}

void DelegationRepository::beginBatch()
{
    m_inBatch = true;
}

bool DelegationRepository::flushUsage()
{
    if (m_usageWritten == m_usage.size())
        return true;
    // The last state recorded for a delegation is its usage now; earlier ones are superseded.
    QSet<QString> written;
    for (qsizetype i = m_usage.size() - 1; i >= m_usageWritten; --i) {
        const Delegation &d = m_usage.at(i);
        if (written.contains(d.id))
            continue;
        written.insert(d.id);
        if (!writeUsage(d))
            return false;
    }
    m_usageWritten = m_usage.size();
    return true;
}

void DelegationRepository::endBatch()
{
    m_inBatch = false;
    m_usage.clear();
    m_usageWritten = 0;
}

void DelegationRepository::rollbackUsage(const UsageMark &mark)
{
    m_usage.resize(qMin(mark.recorded, m_usage.size()));
    m_usageWritten = qMin(mark.written, m_usage.size());
}

bool DelegationRepository::writeUsage(const Delegation &d)
{
    const QString usage = QString::fromUtf8(StoredDelegationCodec::writeUsage(d));
    const QVariant lastUsedAt =
        d.usage.lastUsedAt ? QVariant(formatTimestamp(*d.usage.lastUsedAt)) : QVariant();
    // Without an idle limit the deadline stays NULL for the delegation's life (its policy never
    // changes): leaving it out of the SET spares the index on it an update per decision.
    const SqlStatement *saved =
        d.revokeOn.idleSeconds
            ? m_db.run(
                  QStringLiteral(
                      "UPDATE delegations SET usage = ?, last_used_at = ?, idle_deadline = ? WHERE id = ?"),
                  {usage, lastUsedAt, idleDeadline(d), d.id})
            : m_db.run(QStringLiteral("UPDATE delegations SET usage = ?, last_used_at = ? WHERE id = ?"),
                       {usage, lastUsedAt, d.id});
    if (!saved)
        m_cache.forget(d.id);
    return saved != nullptr;
}

SqlStatement *DelegationRepository::run(const QString &sql, std::initializer_list<QVariant> values)
{
    return flushUsage() ? m_db.run(sql, values) : nullptr;
}

SqlStatement *DelegationRepository::runList(const QString &sql, const QVariantList &values)
{
    return flushUsage() ? m_db.runList(sql, values) : nullptr;
}

bool DelegationRepository::saveBoundContext(const QString &id, const QJsonObject &context)
{
    m_cache.forget(id);
    return run(QStringLiteral("UPDATE delegations SET bound_context = ? WHERE id = ?"),
               {QString::fromUtf8(QJsonDocument(context).toJson(QJsonDocument::Compact)), id}) != nullptr;
}

QStringList DelegationRepository::activeLapsedBy(const QDateTime &now, int limit)
{
    const QString at = formatTimestamp(now);
    SqlStatement *q =
        run(QStringLiteral("SELECT id FROM delegations WHERE status = 'active' AND "
                           "(expires_at <= ? OR idle_deadline <= ?) ORDER BY expires_at LIMIT ?") +
                m_db.dialect().rowLock(),
            {at, at, limit});
    QStringList ids;
    while (q && q->next()) {
        ids.append(q->value(0).toString());
        m_cache.forget(ids.constLast());
    }
    return ids;
}

bool DelegationRepository::setStatus(const QString &id, DelegationStatus status)
{
    m_cache.forget(id);
    return run(QStringLiteral("UPDATE delegations SET status = ? WHERE id = ?"),
               {delegationStatusToString(status), id}) != nullptr;
}

} // namespace mandate::server
