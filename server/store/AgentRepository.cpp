#include "server/store/AgentRepository.h"

#include "core/Timestamp.h"
#include "server/store/Database.h"

namespace mandate::server {

namespace {

const QString AgentColumns =
    QStringLiteral("SELECT id, spiffe_id, name, description, status, created_at FROM agents ");

AgentRecord readAgent(const SqlStatement &q)
{
    return {q.value(0).toString(),
            q.value(1).toString(),
            q.value(2).toString(),
            q.value(3).toString(),
            agentStatusFromString(q.value(4).toString()).value_or(AgentStatus::Suspended),
            parseTimestamp(q.value(5).toString()).value_or(QDateTime())};
}

} // namespace

std::optional<AgentRecord> AgentRepository::find(const QString &id)
{
    if (const AgentRecord *kept = m_byId.find(id))
        return *kept;
    std::optional<AgentRecord> agent = one(QStringLiteral("WHERE id = ?"), id);
    if (agent)
        m_byId.keep(id, *agent);
    return agent;
}

bool AgentRepository::lock(const QString &id)
{
    if (!m_db.locksRows())
        return true;
    SqlStatement *q =
        m_db.run(QStringLiteral("SELECT id FROM agents WHERE id = ?") + m_db.dialect().rowLock(), {id});
    if (!q)
        return false;
    q->finish();
    // Another instance may have changed it since this transaction kept it.
    m_byId.forget(id);
    return true;
}

std::optional<AgentRecord> AgentRepository::findBySpiffeId(const QString &spiffeId)
{
    return one(QStringLiteral("WHERE spiffe_id = ?"), spiffeId);
}

std::optional<AgentRecord> AgentRepository::one(const QString &where, const QString &value)
{
    SqlStatement *q = m_db.run(AgentColumns + where, {value});
    if (!q || !q->next())
        return std::nullopt;
    AgentRecord agent = readAgent(*q);
    q->finish();
    return agent;
}

QList<AgentRecord> AgentRepository::list(int limit, const std::optional<PageCursor> &after)
{
    SqlStatement *q =
        after ? m_db.run(AgentColumns + QStringLiteral("WHERE created_at < ? OR (created_at = ? AND id < ?) "
                                                       "ORDER BY created_at DESC, id DESC LIMIT ?"),
                         {after->sortKey, after->sortKey, after->id, limit})
              : m_db.run(AgentColumns + QStringLiteral("ORDER BY created_at DESC, id DESC LIMIT ?"), {limit});
    QList<AgentRecord> agents;
    while (q && q->next())
        agents.append(readAgent(*q));
    return agents;
}

bool AgentRepository::insert(const AgentRecord &agent)
{
    return m_db.run(
               QStringLiteral("INSERT INTO agents (id, spiffe_id, name, description, status, created_at) "
                              "VALUES (?, ?, ?, ?, ?, ?)"),
               {agent.id, agent.spiffeId, agent.name, agent.description, agentStatusToString(agent.status),
                formatTimestamp(agent.createdAt)}) != nullptr;
}

bool AgentRepository::setStatus(const QString &id, AgentStatus status)
{
    m_byId.forget(id);
    return m_db.run(QStringLiteral("UPDATE agents SET status = ? WHERE id = ?"),
                    {agentStatusToString(status), id}) != nullptr;
}

} // namespace mandate::server
