#pragma once

#include "core/Delegation.h"
#include "server/store/SpendingRepository.h"

#include <QDate>
#include <QJsonObject>
#include <QList>

namespace mandate::server {

// How an agent's authority was used and grew, per UTC day over the last Days days (today
// included): the value each delegation moved (allowed decisions, per currency) and how many
// delegations reaching the agent were granted, sub-delegations included. Only the delegations
// given (those the caller may see) count.
class AuthorityHistory
{
public:
    static constexpr int Days = 30;

    // The first day of the window ending on the day NOW falls on, at 00:00 UTC.
    static QDateTime windowStart(const QDateTime &now);

    static QJsonObject of(const QList<Delegation> &delegations, const QList<SpendingRepository::Spent> &spent,
                          const QDateTime &now);
};

} // namespace mandate::server
