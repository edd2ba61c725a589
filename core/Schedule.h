#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QTime>

#include <optional>

namespace mandate {

// When a scope may be used: on some weekdays, between two wall-clock times, in one IANA time
// zone. The wall clock is read in that zone at the moment of the request, so a window of
// 08:00–18:00 stays 08:00–18:00 local time across a daylight-saving change.
struct Schedule
{
    QString timeZone; // IANA name, "Europe/Berlin"
    QList<int> days;  // Qt::DayOfWeek values, 1 = Monday … 7 = Sunday, ascending, no repeats
    QTime from;       // inclusive
    QTime to;         // exclusive; later than `from` (windows do not cross midnight)

    // Is `instant` (any time spec) inside the window? An unknown zone admits nothing.
    bool admits(const QDateTime &instant) const;
    // Does this window lie wholly inside `outer`? The same zone, a subset of its days and hours.
    bool liesWithin(const Schedule &outer) const;
    // "Mon–Fri 08:00–18:00 (Europe/Berlin)": for messages and the console's review.
    QString describe() const;

    static QString dayName(int day); // "mon" … "sun", the wire names
    static std::optional<int> dayFromName(QStringView name);

    friend bool operator==(const Schedule &, const Schedule &) = default;
};

} // namespace mandate
