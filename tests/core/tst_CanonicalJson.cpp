#include "core/CanonicalJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <limits>

using namespace mandate;

namespace {

QJsonObject object(std::initializer_list<QPair<QString, QJsonValue>> members)
{
    QJsonObject result;
    for (const auto &member : members) {
        result.insert(member.first, member.second);
    }
    return result;
}

// From a UTF-16 literal, embedded NULs included.
template <qsizetype N>
QString text(const char16_t (&utf16)[N])
{
    return QString::fromUtf16(utf16, N - 1);
}

} // namespace

class TstCanonicalJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void serialize_data();
    void serialize();
    void insertionOrderDoesNotMatter();
    void outputParsesBackToTheSameValue_data();
    void outputParsesBackToTheSameValue();
};

void TstCanonicalJson::serialize_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QByteArray>("expected");

    const qint64 maxInt = std::numeric_limits<qint64>::max();
    const qint64 minInt = std::numeric_limits<qint64>::min();

    QTest::newRow("null") << QJsonValue(QJsonValue::Null) << QByteArray("null");
    QTest::newRow("true") << QJsonValue(true) << QByteArray("true");
    QTest::newRow("false") << QJsonValue(false) << QByteArray("false");

    QTest::newRow("zero") << QJsonValue(qint64(0)) << QByteArray("0");
    QTest::newRow("negative integer") << QJsonValue(qint64(-1)) << QByteArray("-1");
    QTest::newRow("int64 max") << QJsonValue(maxInt) << QByteArray("9223372036854775807");
    QTest::newRow("int64 min") << QJsonValue(minInt) << QByteArray("-9223372036854775808");
    QTest::newRow("integral double") << QJsonValue(2.0) << QByteArray("2");
    QTest::newRow("negative zero") << QJsonValue(-0.0) << QByteArray("0");
    QTest::newRow("fraction") << QJsonValue(1.5) << QByteArray("1.5");
    QTest::newRow("shortest round trip") << QJsonValue(0.1) << QByteArray("0.1");
    QTest::newRow("sum that is not 0.3") << QJsonValue(0.1 + 0.2) << QByteArray("0.30000000000000004");
    QTest::newRow("1e20 in full") << QJsonValue(1e20) << QByteArray("100000000000000000000");
    QTest::newRow("1e21 as exponent") << QJsonValue(1e21) << QByteArray("1e+21");
    QTest::newRow("1e-6 in full") << QJsonValue(0.000001) << QByteArray("0.000001");
    QTest::newRow("1e-7 as exponent") << QJsonValue(1.5e-7) << QByteArray("1.5e-7");
    QTest::newRow("largest double") << QJsonValue(1.7976931348623157e308)
                                    << QByteArray("1.7976931348623157e+308");
    QTest::newRow("smallest subnormal") << QJsonValue(5e-324) << QByteArray("5e-324");
    QTest::newRow("negative fraction") << QJsonValue(-123456789.125) << QByteArray("-123456789.125");

    QTest::newRow("empty string") << QJsonValue(QString()) << QByteArray("\"\"");
    QTest::newRow("quote and backslash")
        << QJsonValue(QStringLiteral("a\"b\\c")) << QByteArray(R"("a\"b\\c")");
    QTest::newRow("short escapes") << QJsonValue(QStringLiteral("\b\f\n\r\t"))
                                   << QByteArray(R"("\b\f\n\r\t")");
    QTest::newRow("other controls") << QJsonValue(text(u"\u0001\u001f\u0000x"))
                                    << QByteArray(R"("\u0001\u001f\u0000x")");
    QTest::newRow("no escape for slash or DEL")
        << QJsonValue(QStringLiteral("a/b\x7f")) << QByteArray("\"a/b\x7f\"");
    QTest::newRow("unicode as UTF-8")
        << QJsonValue(text(u"é€\u2028")) << QByteArray("\"\xc3\xa9\xe2\x82\xac\xe2\x80\xa8\"");
    QTest::newRow("astral plane as UTF-8") << QJsonValue(text(u"😀")) << QByteArray("\"\xf0\x9f\x98\x80\"");

    QTest::newRow("empty array") << QJsonValue(QJsonArray()) << QByteArray("[]");
    QTest::newRow("empty object") << QJsonValue(QJsonObject()) << QByteArray("{}");
    QTest::newRow("array keeps its order")
        << QJsonValue(QJsonArray{3, QStringLiteral("a"), QJsonValue::Null, false})
        << QByteArray(R"([3,"a",null,false])");
    QTest::newRow("keys sorted") << QJsonValue(object({{QStringLiteral("b"), 1},
                                                       {QStringLiteral("a"), 2},
                                                       {QStringLiteral("A"), 3},
                                                       {QStringLiteral("_"), 4},
                                                       {QStringLiteral("aa"), 5}}))
                                 << QByteArray(R"({"A":3,"_":4,"a":2,"aa":5,"b":1})");
    // RFC 8785 sorts by UTF-16 code units: U+1F600 (D83D DE00) sorts before U+FFFF, U+00E9 after "z".
    QTest::newRow("keys sorted by UTF-16 code units")
        << QJsonValue(
               object({{text(u"\uffff"), 1}, {text(u"😀"), 2}, {text(u"é"), 3}, {QStringLiteral("z"), 4}}))
        << QByteArray("{\"z\":4,\"\xc3\xa9\":3,\"\xf0\x9f\x98\x80\":2,\"\xef\xbf\xbf\":1}");
    QTest::newRow("keys escaped") << QJsonValue(object({{QStringLiteral("a\"\n"), true}}))
                                  << QByteArray(R"({"a\"\n":true})");
    QTest::newRow("nested")
        << QJsonValue(object({
               {QStringLiteral("z"), QJsonObject()},
               {QStringLiteral("a"),
                QJsonArray{1, object({{QStringLiteral("c"), QJsonValue::Null},
                                      {QStringLiteral("b"), QJsonArray{true, QJsonArray()}}})}},
               {QStringLiteral("m"), object({{QStringLiteral("y"), qint64(-7)}, {QStringLiteral("x"), 0.5}})},
           }))
        << QByteArray(R"({"a":[1,{"b":[true,[]],"c":null}],"m":{"x":0.5,"y":-7},"z":{}})");
}

void TstCanonicalJson::serialize()
{
    QFETCH(QJsonValue, value);
    QFETCH(QByteArray, expected);
    QCOMPARE(CanonicalJson::serialize(value), expected);
}

void TstCanonicalJson::insertionOrderDoesNotMatter()
{
    QJsonObject forward;
    QJsonObject backward;
    const QStringList keys{QStringLiteral("seq"), QStringLiteral("at"), QStringLiteral("type"),
                           QStringLiteral("actor"), QStringLiteral("data")};
    for (qsizetype i = 0; i < keys.size(); ++i) {
        forward.insert(keys.at(i), i);
        backward.insert(keys.at(keys.size() - 1 - i), keys.size() - 1 - i);
    }
    QCOMPARE(CanonicalJson::serialize(forward), CanonicalJson::serialize(backward));
}

void TstCanonicalJson::outputParsesBackToTheSameValue_data()
{
    QTest::addColumn<QJsonObject>("value");
    QTest::newRow("event-like") << object({
        {QStringLiteral("seq"), qint64(42)},
        {QStringLiteral("type"), QStringLiteral("decision.made")},
        {QStringLiteral("data"), object({{QStringLiteral("amount_minor"), std::numeric_limits<qint64>::max()},
                                         {QStringLiteral("note"), text(u"tab\tquote\" é 😀 \u0007")}})},
    });
    QTest::newRow("arrays of everything") << object({
        {QStringLiteral("list"),
         QJsonArray{QJsonValue::Null, true, qint64(-1), 2.5, QStringLiteral("s"), QJsonArray{QJsonObject()}}},
    });
}

void TstCanonicalJson::outputParsesBackToTheSameValue()
{
    QFETCH(QJsonObject, value);
    const QByteArray bytes = CanonicalJson::serialize(value);
    QJsonParseError error;
    const QJsonDocument parsed = QJsonDocument::fromJson(bytes, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(parsed.object(), value);
    QCOMPARE(CanonicalJson::serialize(parsed.object()), bytes);
}

QTEST_APPLESS_MAIN(TstCanonicalJson)
#include "tst_CanonicalJson.moc"
