#pragma once

#include "core/AgentStatus.h"
#include "server/store/PageCursor.h"
#include "server/store/RowCache.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace mandate::server {

class Database;

struct AgentRecord
{
    QString id;
    QString spiffeId;
    QString name;
    QString description;
    AgentStatus status = AgentStatus::Active;
    QDateTime createdAt;
};

class AgentRepository
{
public:
    explicit AgentRepository(Database &db)
        : m_db(db)
        , m_byId(db)
    {}

    std::optional<AgentRecord> find(const QString &id);
    std::optional<AgentRecord> findBySpiffeId(const QString &spiffeId);
    // Newest first; `after` continues a previous page.
    QList<AgentRecord> list(int limit, const std::optional<PageCursor> &after);
    bool insert(const AgentRecord &agent);
    bool setStatus(const QString &id, AgentStatus status);
    // Holds the agent's row until the write commits (PostgreSQL; SQLite has one writer anyway), so
    // suspending an agent and granting it something are ordered across instances: a grant either
    // sees the suspension or is revoked by it. True if the row is locked or there is none.
    bool lock(const QString &id);

private:
    std::optional<AgentRecord> one(const QString &where, const QString &value);
    Database &m_db;
    RowCache<QString, AgentRecord> m_byId;
};

} // namespace mandate::server
