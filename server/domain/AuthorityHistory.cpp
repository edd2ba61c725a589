#include "server/domain/AuthorityHistory.h"

#include <QHash>
#include <QJsonArray>
#include <QMap>

namespace mandate::server {

QDateTime AuthorityHistory::windowStart(const QDateTime &now)
{
    return QDateTime(now.toUTC().date().addDays(1 - Days), QTime(0, 0), Qt::UTC);
}

QJsonObject AuthorityHistory::of(const QList<Delegation> &delegations,
                                 const QList<SpendingRepository::Spent> &spent, const QDateTime &now)
{
    const QDateTime start = windowStart(now);
    QHash<QString, const Delegation *> visible;
    for (const Delegation &d : delegations)
        visible.insert(d.id, &d);

    // Keyed so the answer lists delegations in grant order and days ascending.
    QMap<std::pair<QDateTime, QString>, QMap<QString, QMap<QDate, qint64>>> byDelegation;
    for (const SpendingRepository::Spent &one : spent) {
        const Delegation *d = visible.value(one.delegationId);
        if (!d || one.at < start)
            continue;
        byDelegation[{d->createdAt, d->id}][one.amount.currency()][one.at.toUTC().date()] +=
            one.amount.amountMinor();
    }
    QJsonArray spending;
    for (auto it = byDelegation.cbegin(); it != byDelegation.cend(); ++it) {
        const Delegation &d = *visible.value(it.key().second);
        for (auto currency = it->cbegin(); currency != it->cend(); ++currency) {
            QJsonArray days;
            for (auto day = currency->cbegin(); day != currency->cend(); ++day)
                days.append(QJsonObject{{QStringLiteral("day"), day.key().toString(Qt::ISODate)},
                                        {QStringLiteral("amount_minor"), day.value()}});
            spending.append(QJsonObject{{QStringLiteral("delegation_id"), d.id},
                                        {QStringLiteral("purpose"), d.purpose},
                                        {QStringLiteral("currency"), currency.key()},
                                        {QStringLiteral("days"), days}});
        }
    }

    QMap<QDate, int> grantsPerDay;
    for (const Delegation &d : delegations) {
        if (d.createdAt >= start && d.createdAt <= now)
            ++grantsPerDay[d.createdAt.toUTC().date()];
    }
    QJsonArray grants;
    for (auto it = grantsPerDay.cbegin(); it != grantsPerDay.cend(); ++it)
        grants.append(QJsonObject{{QStringLiteral("day"), it.key().toString(Qt::ISODate)},
                                  {QStringLiteral("count"), it.value()}});

    return QJsonObject{{QStringLiteral("from"), start.date().toString(Qt::ISODate)},
                       {QStringLiteral("to"), now.toUTC().date().toString(Qt::ISODate)},
                       {QStringLiteral("spending"), spending},
                       {QStringLiteral("grants"), grants}};
}

} // namespace mandate::server
