#pragma once

#include "server/store/Database.h"

#include <QHash>

namespace mandate::server {

// Decoded rows a repository keeps on the write connection, so a hot row (the delegation every
// authorize reads, its agent) is not decoded again by every transaction. Valid only within one
// cache epoch of the connection (see Database::cacheEpoch): anything kept is dropped as soon as
// another connection committed or something rolled back, and nothing is kept or served outside
// write transactions. The repository updates or forgets a row whenever it writes that row.
template <typename Key, typename Row>
class RowCache
{
public:
    static constexpr qsizetype MaxRows = 4096;

    explicit RowCache(const Database &db)
        : m_db(db)
    {}

    // The kept row, or nullptr.
    Row *find(const Key &key)
    {
        if (!isUsable())
            return nullptr;
        const auto it = m_rows.find(key);
        return it == m_rows.end() ? nullptr : &*it;
    }

    void keep(const Key &key, const Row &row)
    {
        if (!isUsable())
            return;
        if (m_rows.size() >= MaxRows)
            m_rows.clear();
        m_rows.insert(key, row);
    }

    void forget(const Key &key) { m_rows.remove(key); }
    void clear() { m_rows.clear(); }

private:
    bool isUsable()
    {
        const std::optional<quint64> epoch = m_db.cacheEpoch();
        if (!epoch)
            return false;
        if (*epoch != m_epoch) {
            m_rows.clear();
            m_epoch = *epoch;
        }
        return true;
    }

    const Database &m_db;
    QHash<Key, Row> m_rows;
    quint64 m_epoch = 0;
};

} // namespace mandate::server
