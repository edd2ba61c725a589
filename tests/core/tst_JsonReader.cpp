#include "core/JsonReader.h"
#include "core/StrictJson.h"
#include "tests/support/JsonTestHelpers.h"

#include <QTest>

#include <limits>

using mandate::test::describe;
using mandate::test::parse;

using namespace mandate;

namespace {

constexpr qint64 Int64Max = std::numeric_limits<qint64>::max();

} // namespace

class TstJsonReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsStrings_data();
    void readsStrings();
    void readsIntegers_data();
    void readsIntegers();
    void readsBools_data();
    void readsBools();
    void readsTimestamps_data();
    void readsTimestamps();
    void readsMoney_data();
    void readsMoney();
    void readsSensitivity_data();
    void readsSensitivity();
    void treatsNullAsAbsent();
    void reportsUnknownFields();
    void hasDoesNotCountAsReading();
    void buildsNestedPaths();
    void readsArrays_data();
    void readsArrays();
    void readsStringArrays_data();
    void readsStringArrays();
    void readsRawObjects();
    void collectsEveryError();
    void countsCodePoints_data();
    void countsCodePoints();
};

void TstJsonReader::readsStrings_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<qsizetype>("maxLength");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QStringList>("errors");

    QTest::newRow("plain") << QByteArray(R"({"f":"hello"})") << qsizetype(10) << QStringLiteral("hello")
                           << QStringList();
    QTest::newRow("empty string is a string")
        << QByteArray(R"({"f":""})") << qsizetype(10) << QString() << QStringList();
    QTest::newRow("exactly the limit")
        << QByteArray(R"({"f":"abcde"})") << qsizetype(5) << QStringLiteral("abcde") << QStringList();
    QTest::newRow("one over the limit") << QByteArray(R"({"f":"abcdef"})") << qsizetype(5) << QString()
                                        << QStringList{QStringLiteral("f: must be at most 5 characters")};
    QTest::newRow("emoji count as one character")
        << QByteArray("{\"f\":\"\xF0\x9F\x98\x80\xF0\x9F\x98\x80\"}") << qsizetype(2)
        << QString::fromUtf8("\xF0\x9F\x98\x80\xF0\x9F\x98\x80") << QStringList();
    QTest::newRow("number") << QByteArray(R"({"f":5})") << qsizetype(10) << QString()
                            << QStringList{QStringLiteral("f: must be a string")};
    QTest::newRow("bool") << QByteArray(R"({"f":true})") << qsizetype(10) << QString()
                          << QStringList{QStringLiteral("f: must be a string")};
    QTest::newRow("array") << QByteArray(R"({"f":["a"]})") << qsizetype(10) << QString()
                           << QStringList{QStringLiteral("f: must be a string")};
    QTest::newRow("object") << QByteArray(R"({"f":{}})") << qsizetype(10) << QString()
                            << QStringList{QStringLiteral("f: must be a string")};
    QTest::newRow("absent") << QByteArray("{}") << qsizetype(10) << QString()
                            << QStringList{QStringLiteral("f: is required")};
}

void TstJsonReader::readsStrings()
{
    QFETCH(QByteArray, json);
    QFETCH(qsizetype, maxLength);
    QFETCH(QString, expected);
    QFETCH(QStringList, errors);

    FieldErrors found;
    JsonReader reader(parse(json), QString(), &found);
    const auto value = reader.requiredString(u"f", maxLength);
    reader.finish();
    QCOMPARE(describe(found), errors);
    QCOMPARE(value.has_value(), errors.isEmpty());
    if (value)
        QCOMPARE(*value, expected);
}

void TstJsonReader::readsIntegers_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<qint64>("min");
    QTest::addColumn<qint64>("max");
    QTest::addColumn<qint64>("expected");
    QTest::addColumn<QStringList>("errors");

    auto ok = [](const char *name, const QByteArray &json, qint64 min, qint64 max, qint64 expected) {
        QTest::newRow(name) << json << min << max << expected << QStringList();
    };
    auto bad = [](const char *name, const QByteArray &json, qint64 min, qint64 max, const char *error) {
        QTest::newRow(name) << json << min << max << qint64(0) << QStringList{QString::fromUtf8(error)};
    };

    ok("in range", R"({"f":900})", 1, 900, 900);
    ok("lower bound", R"({"f":1})", 1, 900, 1);
    ok("zero", R"({"f":0})", 0, Int64Max, 0);
    ok("int64 max", R"({"f":9223372036854775807})", 0, Int64Max, Int64Max);
    ok("negative allowed", R"({"f":-5})", -10, 10, -5);
    bad("above the range", R"({"f":901})", 1, 900, "f: must be between 1 and 900");
    bad("below the range", R"({"f":0})", 1, 900, "f: must be between 1 and 900");
    bad("negative where only a minimum", R"({"f":-1})", 0, Int64Max, "f: must not be negative");
    bad("below a minimum", R"({"f":59})", 60, Int64Max, "f: must be at least 60");
    bad("fraction", R"({"f":1.5})", 0, Int64Max, "f: must be an integer (no fraction or exponent)");
    bad("fraction with exponent", R"({"f":1.25e1})", 0, Int64Max,
        "f: must be an integer (no fraction or exponent)");
    bad("whole number beyond int64 by exponent", R"({"f":1e19})", 0, Int64Max,
        "f: must be at most 9223372036854775807");
    bad("2^63", R"({"f":9223372036854775808})", 0, Int64Max, "f: must be at most 9223372036854775807");
    bad("2^63 with a range", R"({"f":9223372036854775808})", 1, 900, "f: must be between 1 and 900");
    bad("below int64 min", R"({"f":-10000000000000000000})", 0, Int64Max, "f: must not be negative");
    bad("huge exponent", R"({"f":1e300})", 0, Int64Max, "f: must be at most 9223372036854775807");
    bad("string of digits", R"({"f":"12"})", 0, Int64Max, "f: must be an integer");
    bad("bool", R"({"f":true})", 0, Int64Max, "f: must be an integer");
    bad("absent", "{}", 0, Int64Max, "f: is required");
    bad("null", R"({"f":null})", 0, Int64Max, "f: is required");
}

void TstJsonReader::readsIntegers()
{
    QFETCH(QByteArray, json);
    QFETCH(qint64, min);
    QFETCH(qint64, max);
    QFETCH(qint64, expected);
    QFETCH(QStringList, errors);

    FieldErrors found;
    JsonReader reader(parse(json), QString(), &found);
    const auto value = reader.requiredInteger(u"f", min, max);
    reader.finish();
    QCOMPARE(describe(found), errors);
    QCOMPARE(value.has_value(), errors.isEmpty());
    if (value)
        QCOMPARE(*value, expected);
}

void TstJsonReader::readsBools_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("expected");
    QTest::addColumn<QStringList>("errors");

    QTest::newRow("true") << QByteArray(R"({"f":true})") << true << QStringList();
    QTest::newRow("false") << QByteArray(R"({"f":false})") << false << QStringList();
    QTest::newRow("number") << QByteArray(R"({"f":1})") << false
                            << QStringList{QStringLiteral("f: must be a boolean")};
    QTest::newRow("string") << QByteArray(R"({"f":"true"})") << false
                            << QStringList{QStringLiteral("f: must be a boolean")};
}

void TstJsonReader::readsBools()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, expected);
    QFETCH(QStringList, errors);

    FieldErrors found;
    JsonReader reader(parse(json), QString(), &found);
    const auto value = reader.optionalBool(u"f");
    reader.finish();
    QCOMPARE(describe(found), errors);
    QCOMPARE(value.has_value(), errors.isEmpty());
    if (value)
        QCOMPARE(*value, expected);
}

void TstJsonReader::readsTimestamps_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QDateTime>("expected");
    QTest::addColumn<QStringList>("errors");

    const QString notATimestamp =
        QStringLiteral("f: must be an RFC 3339 timestamp such as 2026-12-03T10:00:00Z");
    QTest::newRow("UTC") << QByteArray(R"({"f":"2026-12-03T10:00:00Z"})")
                         << QDateTime(QDate(2026, 12, 3), QTime(10, 0), Qt::UTC) << QStringList();
    QTest::newRow("offset converted to UTC")
        << QByteArray(R"({"f":"2026-12-03T11:30:00.250+01:00"})")
        << QDateTime(QDate(2026, 12, 3), QTime(10, 30, 0, 250), Qt::UTC) << QStringList();
    QTest::newRow("date only") << QByteArray(R"({"f":"2026-12-03"})") << QDateTime()
                               << QStringList{notATimestamp};
    QTest::newRow("no offset") << QByteArray(R"({"f":"2026-12-03T10:00:00"})") << QDateTime()
                               << QStringList{notATimestamp};
    QTest::newRow("last representable instant")
        << QByteArray(R"({"f":"9999-12-31T23:59:59.999Z"})")
        << QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59, 999), Qt::UTC) << QStringList();
    QTest::newRow("offset into year 10000")
        << QByteArray(R"({"f":"9999-12-31T23:59:59-01:00"})") << QDateTime()
        << QStringList{QStringLiteral("f: must be an RFC 3339 timestamp such as 2026-12-03T10:00:00Z")};
    QTest::newRow("offset before year 1")
        << QByteArray(R"({"f":"0001-01-01T00:00:00+01:00"})") << QDateTime()
        << QStringList{QStringLiteral("f: must be an RFC 3339 timestamp such as 2026-12-03T10:00:00Z")};
    QTest::newRow("epoch number") << QByteArray(R"({"f":1796292000})") << QDateTime()
                                  << QStringList{notATimestamp};
}

void TstJsonReader::readsTimestamps()
{
    QFETCH(QByteArray, json);
    QFETCH(QDateTime, expected);
    QFETCH(QStringList, errors);

    FieldErrors found;
    JsonReader reader(parse(json), QString(), &found);
    const auto value = reader.requiredTimestamp(u"f");
    reader.finish();
    QCOMPARE(describe(found), errors);
    QCOMPARE(value.has_value(), errors.isEmpty());
    if (value) {
        QCOMPARE(*value, expected);
        QCOMPARE(value->timeSpec(), Qt::UTC);
    }
}

void TstJsonReader::readsMoney_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<qint64>("amount");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QStringList>("errors");

    QTest::newRow("EUR") << QByteArray(R"({"m":{"amount_minor":12500,"currency":"EUR"}})") << qint64(12500)
                         << QStringLiteral("EUR") << QStringList();
    QTest::newRow("zero JPY") << QByteArray(R"({"m":{"currency":"JPY","amount_minor":0}})") << qint64(0)
                              << QStringLiteral("JPY") << QStringList();
    QTest::newRow("negative") << QByteArray(R"({"m":{"amount_minor":-1,"currency":"EUR"}})") << qint64(0)
                              << QString()
                              << QStringList{QStringLiteral("m.amount_minor: must not be negative")};
    QTest::newRow("float") << QByteArray(R"({"m":{"amount_minor":125.5,"currency":"EUR"}})") << qint64(0)
                           << QString()
                           << QStringList{QStringLiteral(
                                  "m.amount_minor: must be an integer (no fraction or exponent)")};
    QTest::newRow("2^63") << QByteArray(R"({"m":{"amount_minor":9223372036854775808,"currency":"EUR"}})")
                          << qint64(0) << QString()
                          << QStringList{
                                 QStringLiteral("m.amount_minor: must be at most 9223372036854775807")};
    QTest::newRow("amount as string")
        << QByteArray(R"({"m":{"amount_minor":"12500","currency":"EUR"}})") << qint64(0) << QString()
        << QStringList{QStringLiteral("m.amount_minor: must be an integer")};
    QTest::newRow("unknown currency")
        << QByteArray(R"({"m":{"amount_minor":1,"currency":"XYZ"}})") << qint64(0) << QString()
        << QStringList{QStringLiteral("m.currency: is not a known ISO 4217 currency")};
    QTest::newRow("lower-case currency")
        << QByteArray(R"({"m":{"amount_minor":1,"currency":"eur"}})") << qint64(0) << QString()
        << QStringList{QStringLiteral("m.currency: is not a known ISO 4217 currency")};
    QTest::newRow("currency as number")
        << QByteArray(R"({"m":{"amount_minor":1,"currency":978}})") << qint64(0) << QString()
        << QStringList{QStringLiteral("m.currency: must be a string")};
    QTest::newRow("missing both") << QByteArray(R"({"m":{}})") << qint64(0) << QString()
                                  << QStringList{QStringLiteral("m.amount_minor: is required"),
                                                 QStringLiteral("m.currency: is required")};
    QTest::newRow("unknown field") << QByteArray(R"({"m":{"amount_minor":1,"currency":"EUR","amount":1}})")
                                   << qint64(0) << QString()
                                   << QStringList{QStringLiteral("m.amount: unknown field")};
    QTest::newRow("a bare number") << QByteArray(R"({"m":12500})") << qint64(0) << QString()
                                   << QStringList{QStringLiteral("m: must be an object")};
    QTest::newRow("a decimal string") << QByteArray(R"({"m":"125.00 EUR"})") << qint64(0) << QString()
                                      << QStringList{QStringLiteral("m: must be an object")};
    QTest::newRow("absent") << QByteArray("{}") << qint64(0) << QString()
                            << QStringList{QStringLiteral("m: is required")};
}

void TstJsonReader::readsMoney()
{
    QFETCH(QByteArray, json);
    QFETCH(qint64, amount);
    QFETCH(QString, currency);
    QFETCH(QStringList, errors);

    FieldErrors found;
    JsonReader reader(parse(json), QString(), &found);
    const auto money = reader.requiredMoney(u"m");
    reader.finish();
    QCOMPARE(describe(found), errors);
    QCOMPARE(money.has_value(), errors.isEmpty());
    if (money) {
        QCOMPARE(money->amountMinor(), amount);
        QCOMPARE(money->currency(), currency);
    }
}

void TstJsonReader::readsSensitivity_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("expected");
    QTest::addColumn<QStringList>("errors");

    const QString notALevel = QStringLiteral("s: must be one of public, internal, confidential, restricted");
    QTest::newRow("public") << QByteArray(R"({"s":"public"})") << int(Sensitivity::Public) << QStringList();
    QTest::newRow("restricted") << QByteArray(R"({"s":"restricted"})") << int(Sensitivity::Restricted)
                                << QStringList();
    QTest::newRow("capitalised") << QByteArray(R"({"s":"Public"})") << 0 << QStringList{notALevel};
    QTest::newRow("unknown level") << QByteArray(R"({"s":"secret"})") << 0 << QStringList{notALevel};
    QTest::newRow("level number") << QByteArray(R"({"s":2})") << 0 << QStringList{notALevel};
}

void TstJsonReader::readsSensitivity()
{
    QFETCH(QByteArray, json);
    QFETCH(int, expected);
    QFETCH(QStringList, errors);

    FieldErrors found;
    JsonReader reader(parse(json), QString(), &found);
    const auto level = reader.requiredSensitivity(u"s");
    reader.finish();
    QCOMPARE(describe(found), errors);
    QCOMPARE(level.has_value(), errors.isEmpty());
    if (level)
        QCOMPARE(int(*level), expected);
}

void TstJsonReader::treatsNullAsAbsent()
{
    FieldErrors found;
    JsonReader reader(parse(R"({"s":null,"i":null,"b":null,"t":null,"m":null,"l":null,"o":null,"r":null,)"
                            R"("a":null,"sa":null})"),
                      QString(), &found);
    QVERIFY(!reader.has(u"s"));
    QVERIFY(!reader.optionalString(u"s"));
    QVERIFY(!reader.optionalInteger(u"i", 0, 1));
    QVERIFY(!reader.optionalBool(u"b"));
    QVERIFY(!reader.optionalTimestamp(u"t"));
    QVERIFY(!reader.optionalMoney(u"m"));
    QVERIFY(!reader.optionalSensitivity(u"l"));
    QVERIFY(!reader.optionalObject(u"o"));
    QVERIFY(!reader.optionalRawObject(u"r"));
    QVERIFY(!reader.optionalArray(u"a", 1));
    QVERIFY(!reader.optionalStringArray(u"sa", 1));
    QVERIFY(!reader.optionalString(u"absent"));
    reader.finish();
    QCOMPARE(describe(found), QStringList());

    FieldErrors required;
    JsonReader strict(parse(R"({"s":null,"m":null,"o":null,"a":null})"), QString(), &required);
    QVERIFY(!strict.requiredString(u"s"));
    QVERIFY(!strict.requiredMoney(u"m"));
    QVERIFY(!strict.requiredObject(u"o"));
    QVERIFY(!strict.requiredArray(u"a", 1));
    strict.finish();
    QCOMPARE(describe(required),
             (QStringList{QStringLiteral("s: is required"), QStringLiteral("m: is required"),
                          QStringLiteral("o: is required"), QStringLiteral("a: is required")}));
}

void TstJsonReader::reportsUnknownFields()
{
    FieldErrors found;
    JsonReader reader(parse(R"({"purpose":"x","max_totl":{"amount_minor":1},"zeta":1,"alpha":null})"),
                      QStringLiteral("scopes[2]"), &found);
    QVERIFY(reader.requiredString(u"purpose"));
    reader.finish();
    // A null unknown field is still a typo, and is reported like any other.
    QCOMPARE(describe(found), (QStringList{QStringLiteral("scopes[2].alpha: unknown field"),
                                           QStringLiteral("scopes[2].max_totl: unknown field"),
                                           QStringLiteral("scopes[2].zeta: unknown field")}));
}

void TstJsonReader::hasDoesNotCountAsReading()
{
    FieldErrors found;
    JsonReader reader(parse(R"({"a":1})"), QString(), &found);
    QVERIFY(reader.has(u"a"));
    QVERIFY(!reader.has(u"b"));
    reader.finish();
    QCOMPARE(describe(found), QStringList{QStringLiteral("a: unknown field")});
}

void TstJsonReader::buildsNestedPaths()
{
    FieldErrors found;
    JsonReader root(parse(R"({"scopes":[{"max_total":{"amount_minor":1,"currency":"ZZZ"},"extra":1},5],)"
                          R"("step_up":{"above":{"amount_minor":-3,"currency":"EUR"},"x":true}})"),
                    QString(), &found);
    QCOMPARE(root.pathOf(u"scopes"), QStringLiteral("scopes"));
    QCOMPARE(root.arrayPath(u"scopes", 1), QStringLiteral("scopes[1]"));

    const auto scopes = root.requiredArray(u"scopes", 10);
    QVERIFY(scopes);
    for (qsizetype i = 0; i < scopes->size(); ++i) {
        auto scope = root.arrayObject(u"scopes", *scopes, i);
        if (!scope)
            continue;
        QCOMPARE(scope->pathOf(u"max_total"), QStringLiteral("scopes[0].max_total"));
        QVERIFY(!scope->optionalMoney(u"max_total"));
        scope->finish();
    }
    auto stepUp = root.optionalObject(u"step_up");
    QVERIFY(stepUp);
    QVERIFY(!stepUp->optionalMoney(u"above"));
    stepUp->finish();
    root.finish();

    QCOMPARE(describe(found),
             (QStringList{QStringLiteral("scopes[0].max_total.currency: is not a known ISO 4217 currency"),
                          QStringLiteral("scopes[0].extra: unknown field"),
                          QStringLiteral("scopes[1]: must be an object"),
                          QStringLiteral("step_up.above.amount_minor: must not be negative"),
                          QStringLiteral("step_up.x: unknown field")}));
}

void TstJsonReader::readsArrays_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<qsizetype>("maxItems");
    QTest::addColumn<qsizetype>("expectedSize");
    QTest::addColumn<QStringList>("errors");

    QTest::newRow("empty") << QByteArray(R"({"a":[]})") << qsizetype(2) << qsizetype(0) << QStringList();
    QTest::newRow("at the limit") << QByteArray(R"({"a":[1,"x"]})") << qsizetype(2) << qsizetype(2)
                                  << QStringList();
    QTest::newRow("over the limit") << QByteArray(R"({"a":[1,2,3]})") << qsizetype(2) << qsizetype(0)
                                    << QStringList{QStringLiteral("a: must have at most 2 items")};
    QTest::newRow("object") << QByteArray(R"({"a":{"0":1}})") << qsizetype(2) << qsizetype(0)
                            << QStringList{QStringLiteral("a: must be an array")};
    QTest::newRow("string") << QByteArray(R"({"a":"x"})") << qsizetype(2) << qsizetype(0)
                            << QStringList{QStringLiteral("a: must be an array")};
    QTest::newRow("absent") << QByteArray("{}") << qsizetype(2) << qsizetype(0)
                            << QStringList{QStringLiteral("a: is required")};
}

void TstJsonReader::readsArrays()
{
    QFETCH(QByteArray, json);
    QFETCH(qsizetype, maxItems);
    QFETCH(qsizetype, expectedSize);
    QFETCH(QStringList, errors);

    FieldErrors found;
    JsonReader reader(parse(json), QString(), &found);
    const auto array = reader.requiredArray(u"a", maxItems);
    reader.finish();
    QCOMPARE(describe(found), errors);
    QCOMPARE(array.has_value(), errors.isEmpty());
    if (array)
        QCOMPARE(array->size(), expectedSize);
}

void TstJsonReader::readsStringArrays_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QStringList>("errors");

    QTest::newRow("strings") << QByteArray(R"({"d":["payee:a","payee:b"]})")
                             << QStringList{QStringLiteral("payee:a"), QStringLiteral("payee:b")}
                             << QStringList();
    QTest::newRow("empty") << QByteArray(R"({"d":[]})") << QStringList() << QStringList();
    QTest::newRow("bad items each reported")
        << QByteArray(R"({"d":[1,null,"too long"]})") << QStringList()
        << QStringList{QStringLiteral("d[0]: must be a string"), QStringLiteral("d[1]: must be a string"),
                       QStringLiteral("d[2]: must be at most 7 characters")};
    QTest::newRow("too many") << QByteArray(R"({"d":["a","b","c","d"]})") << QStringList()
                              << QStringList{QStringLiteral("d: must have at most 3 items")};
    QTest::newRow("not an array") << QByteArray(R"({"d":"payee:a"})") << QStringList()
                                  << QStringList{QStringLiteral("d: must be an array")};
}

void TstJsonReader::readsStringArrays()
{
    QFETCH(QByteArray, json);
    QFETCH(QStringList, expected);
    QFETCH(QStringList, errors);

    FieldErrors found;
    JsonReader reader(parse(json), QString(), &found);
    const auto strings = reader.optionalStringArray(u"d", 3, 7);
    reader.finish();
    QCOMPARE(describe(found), errors);
    QCOMPARE(strings.has_value(), errors.isEmpty());
    if (strings)
        QCOMPARE(*strings, expected);
}

void TstJsonReader::readsRawObjects()
{
    FieldErrors found;
    JsonReader reader(parse(R"({"context":{"agent_version":"1.4.2","n":3},"data":[1]})"), QString(), &found);
    const auto context = reader.optionalRawObject(u"context");
    QVERIFY(context);
    QCOMPARE(context->value(QStringLiteral("agent_version")).toString(), QStringLiteral("1.4.2"));
    QVERIFY(!reader.optionalRawObject(u"data"));
    reader.finish();
    QCOMPARE(describe(found), QStringList{QStringLiteral("data: must be an object")});
}

void TstJsonReader::collectsEveryError()
{
    FieldErrors found;
    JsonReader reader(parse(R"({"a":1,"b":"x","c":2.5,"d":"never read"})"), QString(), &found);
    QVERIFY(!reader.requiredString(u"a"));
    QVERIFY(!reader.requiredInteger(u"b", 0, 10));
    QVERIFY(!reader.requiredInteger(u"c", 0, 10));
    QVERIFY(!reader.requiredBool(u"e"));
    reader.addError(u"custom", QStringLiteral("is wrong"));
    reader.finish();
    QCOMPARE(describe(found),
             (QStringList{QStringLiteral("a: must be a string"), QStringLiteral("b: must be an integer"),
                          QStringLiteral("c: must be an integer (no fraction or exponent)"),
                          QStringLiteral("e: is required"), QStringLiteral("custom: is wrong"),
                          QStringLiteral("d: unknown field")}));
    QCOMPARE(reader.errors(), &found);
}

void TstJsonReader::countsCodePoints_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qsizetype>("count");

    QTest::newRow("empty") << QString() << qsizetype(0);
    QTest::newRow("ascii") << QStringLiteral("abc") << qsizetype(3);
    QTest::newRow("accented") << QString::fromUtf8("caf\xC3\xA9") << qsizetype(4);
    QTest::newRow("emoji") << QString::fromUtf8("a\xF0\x9F\x98\x80z") << qsizetype(3);
    QTest::newRow("two emoji") << QString::fromUtf8("\xF0\x9F\x98\x80\xF0\x9F\x98\x80") << qsizetype(2);
}

void TstJsonReader::countsCodePoints()
{
    QFETCH(QString, text);
    QFETCH(qsizetype, count);

    QCOMPARE(JsonReader::codePointCount(text), count);
}

QTEST_APPLESS_MAIN(TstJsonReader)
#include "tst_JsonReader.moc"
