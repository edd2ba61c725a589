#pragma once

#include "core/Money.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace mandate::server {

class Database;

// What an agent's allowed decisions moved, read off the audit trail's `decision.made` events
// (sequenced or still waiting in the log's inbox): the only record of spending with its time.
class SpendingRepository
{
public:
    struct Spent
    {
        QDateTime at;
        QString delegationId;
        Money amount;
    };

    explicit SpendingRepository(Database &db)
        : m_db(db)
    {}

    // Every allowed decision with an amount on AGENTID's delegations at or after SINCE, in one
    // statement; nullopt on a storage error.
    std::optional<QList<Spent>> allowedSince(const QString &agentId, const QDateTime &since);

private:
    Database &m_db;
};

} // namespace mandate::server
