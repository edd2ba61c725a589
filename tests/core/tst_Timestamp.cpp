#include "core/Timestamp.h"

#include <QTest>

using namespace mandate;

namespace {

QDateTime utc(int year, int month, int day, int hour, int minute, int second = 0, int millisecond = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second, millisecond), Qt::UTC);
}

} // namespace

class TstTimestamp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseValid_data();
    void parseValid();
    void parseInvalid_data();
    void parseInvalid();
    void format_data();
    void format();
    void roundTrip_data();
    void roundTrip();
};

void TstTimestamp::parseValid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("expected");

    QTest::newRow("UTC") << QStringLiteral("2026-12-03T10:00:00Z") << utc(2026, 12, 3, 10, 0);
    QTest::newRow("milliseconds") << QStringLiteral("2026-12-03T10:00:00.123Z")
                                  << utc(2026, 12, 3, 10, 0, 0, 123);
    QTest::newRow("one fraction digit")
        << QStringLiteral("2026-12-03T10:00:00.1Z") << utc(2026, 12, 3, 10, 0, 0, 100);
    QTest::newRow("two fraction digits")
        << QStringLiteral("2026-12-03T10:00:00.05Z") << utc(2026, 12, 3, 10, 0, 0, 50);
    QTest::newRow("nanoseconds are truncated")
        << QStringLiteral("2026-12-03T10:00:00.123456789Z") << utc(2026, 12, 3, 10, 0, 0, 123);
    QTest::newRow("never rounded into the next second")
        << QStringLiteral("2026-12-03T10:00:59.999999999Z") << utc(2026, 12, 3, 10, 0, 59, 999);
    QTest::newRow("positive offset") << QStringLiteral("2026-12-03T12:00:00+02:00")
                                     << utc(2026, 12, 3, 10, 0);
    QTest::newRow("negative offset with minutes")
        << QStringLiteral("2026-12-03T05:30:00-04:30") << utc(2026, 12, 3, 10, 0);
    QTest::newRow("zero offset") << QStringLiteral("2026-12-03T10:00:00+00:00") << utc(2026, 12, 3, 10, 0);
    QTest::newRow("unknown local offset")
        << QStringLiteral("2026-12-03T10:00:00-00:00") << utc(2026, 12, 3, 10, 0);
    QTest::newRow("largest offset") << QStringLiteral("2026-12-03T23:30:00-23:59")
                                    << utc(2026, 12, 4, 23, 29);
    QTest::newRow("offset crosses the year")
        << QStringLiteral("2026-01-01T01:00:00+02:00") << utc(2025, 12, 31, 23, 0);
    QTest::newRow("fraction and offset")
        << QStringLiteral("2026-12-03T12:00:00.250+02:00") << utc(2026, 12, 3, 10, 0, 0, 250);
    QTest::newRow("lowercase t and z") << QStringLiteral("2026-12-03t10:00:00z") << utc(2026, 12, 3, 10, 0);
    QTest::newRow("leap day") << QStringLiteral("2028-02-29T00:00:00Z") << utc(2028, 2, 29, 0, 0);
    QTest::newRow("last moment of a year")
        << QStringLiteral("2026-12-31T23:59:59.999Z") << utc(2026, 12, 31, 23, 59, 59, 999);
}

void TstTimestamp::parseValid()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, expected);

    const std::optional<QDateTime> parsed = parseTimestamp(text);
    QVERIFY(parsed.has_value());
    QCOMPARE(*parsed, expected);
    QCOMPARE(parsed->timeSpec(), Qt::UTC);
}

void TstTimestamp::parseInvalid_data()
{
    QTest::addColumn<QString>("text");

    QTest::newRow("empty") << QString();
    QTest::newRow("date only") << QStringLiteral("2026-12-03");
    QTest::newRow("missing offset") << QStringLiteral("2026-12-03T10:00:00");
    QTest::newRow("missing offset with fraction") << QStringLiteral("2026-12-03T10:00:00.123");
    QTest::newRow("space instead of T") << QStringLiteral("2026-12-03 10:00:00Z");
    QTest::newRow("missing seconds") << QStringLiteral("2026-12-03T10:00Z");
    QTest::newRow("hour 24") << QStringLiteral("2026-12-03T24:00:00Z");
    QTest::newRow("minute 60") << QStringLiteral("2026-12-03T10:60:00Z");
    QTest::newRow("leap second") << QStringLiteral("2016-12-31T23:59:60Z");
    QTest::newRow("month 13") << QStringLiteral("2026-13-01T00:00:00Z");
    QTest::newRow("offset pushes past year 9999") << QStringLiteral("9999-12-31T23:59:59-01:00");
    QTest::newRow("offset pushes before year 1") << QStringLiteral("0001-01-01T00:00:00+01:00");
    QTest::newRow("month 0") << QStringLiteral("2026-00-01T00:00:00Z");
    QTest::newRow("day 0") << QStringLiteral("2026-12-00T00:00:00Z");
    QTest::newRow("April 31") << QStringLiteral("2026-04-31T00:00:00Z");
    QTest::newRow("February 29 in a common year") << QStringLiteral("2026-02-29T00:00:00Z");
    QTest::newRow("one-digit day") << QStringLiteral("2026-12-3T10:00:00Z");
    QTest::newRow("two-digit year") << QStringLiteral("26-12-03T10:00:00Z");
    QTest::newRow("five-digit year") << QStringLiteral("+2026-12-03T10:00:00Z");
    QTest::newRow("empty fraction") << QStringLiteral("2026-12-03T10:00:00.Z");
    QTest::newRow("ten fraction digits") << QStringLiteral("2026-12-03T10:00:00.1234567890Z");
    QTest::newRow("comma fraction") << QStringLiteral("2026-12-03T10:00:00,5Z");
    QTest::newRow("offset without colon") << QStringLiteral("2026-12-03T10:00:00+0200");
    QTest::newRow("offset hours only") << QStringLiteral("2026-12-03T10:00:00+02");
    QTest::newRow("offset hour 24") << QStringLiteral("2026-12-03T10:00:00+24:00");
    QTest::newRow("offset minute 60") << QStringLiteral("2026-12-03T10:00:00+02:60");
    QTest::newRow("offset and Z") << QStringLiteral("2026-12-03T10:00:00+02:00Z");
    QTest::newRow("double Z") << QStringLiteral("2026-12-03T10:00:00ZZ");
    QTest::newRow("trailing space") << QStringLiteral("2026-12-03T10:00:00Z ");
    QTest::newRow("leading space") << QStringLiteral(" 2026-12-03T10:00:00Z");
    QTest::newRow("letter in the hour") << QStringLiteral("2026-12-03T1a:00:00Z");
    QTest::newRow("sign in a field") << QStringLiteral("2026-12-03T10:-1:00Z");
    QTest::newRow("slashes") << QStringLiteral("2026/12/03T10:00:00Z");
    QTest::newRow("non-ASCII digits")
        << QString::fromUtf8("\xD9\xA2\xD9\xA0\xD9\xA2\xD9\xA6-12-03T10:00:00Z");
    QTest::newRow("non-ASCII fraction digit") << QString::fromUtf8("2026-12-03T10:00:00.\xD9\xA1Z");
    QTest::newRow("year 0") << QStringLiteral("0000-01-01T00:00:00Z");
}

void TstTimestamp::parseInvalid()
{
    QFETCH(QString, text);

    QCOMPARE(parseTimestamp(text), std::nullopt);
}

void TstTimestamp::format_data()
{
    QTest::addColumn<QDateTime>("time");
    QTest::addColumn<QString>("expected");

    QTest::newRow("UTC") << utc(2026, 12, 3, 10, 0) << QStringLiteral("2026-12-03T10:00:00.000Z");
    QTest::newRow("milliseconds") << utc(2026, 12, 3, 10, 0, 5, 7)
                                  << QStringLiteral("2026-12-03T10:00:05.007Z");
    QTest::newRow("offset converted to UTC")
        << QDateTime(QDate(2026, 1, 1), QTime(1, 0), Qt::OffsetFromUTC, 2 * 3600)
        << QStringLiteral("2025-12-31T23:00:00.000Z");
    QTest::newRow("year below 1000") << utc(999, 1, 2, 3, 4, 5, 60)
                                     << QStringLiteral("0999-01-02T03:04:05.060Z");
    QTest::newRow("last millisecond")
        << utc(9999, 12, 31, 23, 59, 59, 999) << QStringLiteral("9999-12-31T23:59:59.999Z");
    QTest::newRow("beyond 9999") << utc(10000, 1, 1, 0, 0) << QStringLiteral("10000-01-01T00:00:00.000Z");
    QTest::newRow("invalid") << QDateTime() << QString();
}

void TstTimestamp::format()
{
    QFETCH(QDateTime, time);
    QFETCH(QString, expected);

    QCOMPARE(formatTimestamp(time), expected);
}

void TstTimestamp::roundTrip_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("canonical");

    QTest::newRow("canonical stays") << QStringLiteral("2026-12-03T10:00:00.000Z")
                                     << QStringLiteral("2026-12-03T10:00:00.000Z");
    QTest::newRow("offset becomes Z")
        << QStringLiteral("2026-12-03T12:00:00+02:00") << QStringLiteral("2026-12-03T10:00:00.000Z");
    QTest::newRow("micro becomes milli")
        << QStringLiteral("2026-12-03T10:00:00.123456Z") << QStringLiteral("2026-12-03T10:00:00.123Z");
}

void TstTimestamp::roundTrip()
{
    QFETCH(QString, text);
    QFETCH(QString, canonical);

    const std::optional<QDateTime> parsed = parseTimestamp(text);
    QVERIFY(parsed.has_value());
    QCOMPARE(formatTimestamp(*parsed), canonical);
    QCOMPARE(parseTimestamp(canonical), parsed);
}

QTEST_APPLESS_MAIN(TstTimestamp)
#include "tst_Timestamp.moc"
