#pragma once

#include "server/events/LiveEvent.h"

#include <QList>

#include <optional>

namespace mandate::server {

class Database;

// The retained tail of live events, so a client that reconnects with Last-Event-ID misses nothing.
class LiveEventRepository
{
public:
    static constexpr qint64 RetainedEvents = 20'000;

    explicit LiveEventRepository(Database &db)
        : m_db(db)
    {}

    // Stores the event and returns it with its id.
    std::optional<LiveEvent> insert(LiveEvent event);
    QList<LiveEvent> after(qint64 id, int limit);
    qint64 oldestId();
    qint64 newestId();
    // Deletes up to `limit` of the oldest events beyond the newest RetainedEvents and says how many.
    std::optional<int> prune(int limit);

private:
    Database &m_db;
};

} // namespace mandate::server
