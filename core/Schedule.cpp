#include "core/Schedule.h"

#include <QStringList>
#include <QTimeZone>

#include <algorithm>

namespace mandate {

namespace {

const QStringList &scheduleDayNames()
{
    static const QStringList names{QStringLiteral("mon"), QStringLiteral("tue"), QStringLiteral("wed"),
                                   QStringLiteral("thu"), QStringLiteral("fri"), QStringLiteral("sat"),
                                   QStringLiteral("sun")};
    return names;
}

} // namespace

bool Schedule::admits(const QDateTime &instant) const
{
    const QTimeZone zone(timeZone.toUtf8());
    if (!zone.isValid())
        return false;
    const QDateTime local = instant.toTimeZone(zone);
    const QTime clock = local.time();
    return days.contains(local.date().dayOfWeek()) && clock >= from && clock < to;
}

bool Schedule::liesWithin(const Schedule &outer) const
{
    return timeZone == outer.timeZone &&
           std::all_of(days.cbegin(), days.cend(), [&outer](int day) { return outer.days.contains(day); }) &&
           from >= outer.from && to <= outer.to;
}

QString Schedule::describe() const
{
    QStringList names;
    for (const int day : days)
        names.append(dayName(day));
    return QStringLiteral("%1 %2–%3 (%4)")
        .arg(names.join(u','), from.toString(QStringLiteral("HH:mm")), to.toString(QStringLiteral("HH:mm")),
             timeZone);
}

QString Schedule::dayName(int day)
{
    return day >= 1 && day <= 7 ? scheduleDayNames().at(day - 1) : QString();
}

std::optional<int> Schedule::dayFromName(QStringView name)
{
    const qsizetype index = scheduleDayNames().indexOf(name);
    return index < 0 ? std::nullopt : std::optional<int>(int(index) + 1);
}

} // namespace mandate
