#include "core/Timestamp.h"

namespace mandate {

namespace {

bool isAsciiDigit(char16_t unit)
{
    return unit >= u'0' && unit <= u'9';
}

// Reads exactly `count` ASCII digits at `position`; -1 when any of them is not a digit.
int readDigits(QStringView text, qsizetype position, qsizetype count)
{
    int value = 0;
    for (qsizetype i = position; i < position + count; ++i) {
        const char16_t unit = text[i].unicode();
        if (!isAsciiDigit(unit))
            return -1;
        value = value * 10 + (unit - u'0');
    }
    return value;
}

bool isAt(QStringView text, qsizetype position, char16_t expected)
{
    return position < text.size() && text[position].unicode() == expected;
}

} // namespace

// RFC 3339 section 5.6: full-date "T" full-time, where full-time = HH:MM:SS [.fraction] offset.
// "T" and "Z" may be lowercase per the RFC's note. A leap second (":60") is refused because
// QDateTime cannot hold one, and none has been inserted since 2016.
std::optional<QDateTime> parseTimestamp(QStringView text)
{
    constexpr qsizetype dateTimeLength = 19; // yyyy-MM-ddTHH:mm:ss
    if (text.size() < dateTimeLength + 1)
        return std::nullopt;
    if (!isAt(text, 4, u'-') || !isAt(text, 7, u'-') || !(isAt(text, 10, u'T') || isAt(text, 10, u't')) ||
        !isAt(text, 13, u':') || !isAt(text, 16, u':'))
        return std::nullopt;

    const int year = readDigits(text, 0, 4);
    const int month = readDigits(text, 5, 2);
    const int day = readDigits(text, 8, 2);
    const int hour = readDigits(text, 11, 2);
    const int minute = readDigits(text, 14, 2);
    const int second = readDigits(text, 17, 2);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0)
        return std::nullopt;
    if (!QDate::isValid(year, month, day) || !QTime::isValid(hour, minute, second))
        return std::nullopt;

    qsizetype position = dateTimeLength;
    int millisecond = 0;
    if (isAt(text, position, u'.')) {
        const qsizetype fractionStart = ++position;
        while (position < text.size() && isAsciiDigit(text[position].unicode()))
            ++position;
        const qsizetype fractionDigits = position - fractionStart;
        if (fractionDigits < 1 || fractionDigits > 9)
            return std::nullopt;
        // QDateTime resolves milliseconds; finer digits are dropped rather than rounded so that
        // a time never moves into the next second.
        for (qsizetype i = 0; i < 3; ++i)
            millisecond =
                millisecond * 10 + (i < fractionDigits ? text[fractionStart + i].unicode() - u'0' : 0);
    }

    int offsetSeconds = 0;
    if (isAt(text, position, u'Z') || isAt(text, position, u'z')) {
        ++position;
    } else if (isAt(text, position, u'+') || isAt(text, position, u'-')) {
        const int sign = text[position].unicode() == u'+' ? 1 : -1;
        if (text.size() - position != 6 || !isAt(text, position + 3, u':'))
            return std::nullopt;
        const int offsetHours = readDigits(text, position + 1, 2);
        const int offsetMinutes = readDigits(text, position + 4, 2);
        if (offsetHours < 0 || offsetHours > 23 || offsetMinutes < 0 || offsetMinutes > 59)
            return std::nullopt;
        offsetSeconds = sign * (offsetHours * 3600 + offsetMinutes * 60);
        position += 6;
    } else {
        return std::nullopt;
    }
    if (position != text.size())
        return std::nullopt;

    const QDateTime wallClock(QDate(year, month, day), QTime(hour, minute, second, millisecond), Qt::UTC);
    const QDateTime utc = wallClock.addSecs(-offsetSeconds);
    // An offset can push a time at either end of the calendar out of it ("9999-12-31T23:59:59-01:00"
    // is year 10000 in UTC); such a time could never be written back, so it is refused here.
    if (utc.date().year() < 1 || utc.date().year() > 9999)
        return std::nullopt;
    return utc;
}

QString formatTimestamp(const QDateTime &utc)
{
    if (!utc.isValid())
        return {};
    const QDateTime t = utc.toUTC();
    const QDate date = t.date();
    if (date.year() < 1 || date.year() > 9999)
        return t.toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"));
    // Composed by hand: toString() with a format was 4 % of the store thread's time under authorize
    // load, where every decision writes several timestamps.
    const QTime time = t.time();
    QString out(24, Qt::Uninitialized);
    QChar *at = out.data();
    const auto digits = [&at](int value, int count) {
        for (int i = count - 1; i >= 0; --i) {
            at[i] = QChar(static_cast<char16_t>(u'0' + value % 10));
            value /= 10;
        }
        at += count;
    };
    const auto literal = [&at](char16_t unit) {
        *at++ = QChar(unit);
    };
    digits(date.year(), 4);
    literal(u'-');
    digits(date.month(), 2);
    literal(u'-');
    digits(date.day(), 2);
    literal(u'T');
    digits(time.hour(), 2);
    literal(u':');
    digits(time.minute(), 2);
    literal(u':');
    digits(time.second(), 2);
    literal(u'.');
    digits(time.msec(), 3);
    literal(u'Z');
    return out;
}

} // namespace mandate
