#include "core/StrictJson.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace mandate;

namespace {

QByteArray nested(int depth, char open, char close)
{
    return QByteArray(depth, open) + QByteArray(depth, close);
}

// Alternating objects and arrays: {"a":[{"a":[ ... ]}]} with `depth` containers in total.
QByteArray mixedNesting(int depth)
{
    QByteArray prefix;
    QByteArray suffix;
    for (int level = 0; level < depth; ++level) {
        if (level % 2 == 0) {
            prefix += "{\"a\":";
            suffix.prepend('}');
        } else {
            prefix += '[';
            suffix.prepend(']');
        }
    }
    // The innermost container must be complete on its own.
    if (depth % 2 == 1)
        return prefix + "1" + suffix;
    return prefix + suffix;
}

bool holdsInteger(const QJsonValue &value)
{
    return value.toVariant().typeId() == QMetaType::LongLong;
}

} // namespace

class TstStrictJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptsValidDocuments_data();
    void acceptsValidDocuments();
    void typesNumbers_data();
    void typesNumbers();
    void rejectsInvalidDocuments_data();
    void rejectsInvalidDocuments();
    void validatesUtf8_data();
    void validatesUtf8();
    void limitsNestingDepth_data();
    void limitsNestingDepth();
    void honoursCustomMaxDepth();
    void survivesHostileNesting();
    void decodesEscapes_data();
    void decodesEscapes();
    void keepsEveryMemberOfALargeObject();
    void parseObjectRequiresAnObject_data();
    void parseObjectRequiresAnObject();
};

void TstStrictJson::acceptsValidDocuments_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QJsonValue>("expected");

    QTest::newRow("empty object") << QByteArray("{}") << QJsonValue(QJsonObject());
    QTest::newRow("empty array") << QByteArray("[]") << QJsonValue(QJsonArray());
    QTest::newRow("whitespace everywhere")
        << QByteArray(" \t\r\n{ \"a\" : [ 1 , true ] , \"b\" : null }\n ")
        << QJsonValue(QJsonObject{{QStringLiteral("a"), QJsonArray{1, true}},
                                  {QStringLiteral("b"), QJsonValue::Null}});
    QTest::newRow("top-level string") << QByteArray("\"x\"") << QJsonValue(QStringLiteral("x"));
    QTest::newRow("top-level number") << QByteArray(" 42 ") << QJsonValue(qint64(42));
    QTest::newRow("true") << QByteArray("true") << QJsonValue(true);
    QTest::newRow("false") << QByteArray("false") << QJsonValue(false);
    QTest::newRow("null") << QByteArray("null") << QJsonValue(QJsonValue::Null);
    QTest::newRow("nested")
        << QByteArray(R"({"scopes":[{"action":"data.read","max_uses":3}],"x":{}})")
        << QJsonValue(
               QJsonObject{{QStringLiteral("scopes"),
                            QJsonArray{QJsonObject{{QStringLiteral("action"), QStringLiteral("data.read")},
                                                   {QStringLiteral("max_uses"), 3}}}},
                           {QStringLiteral("x"), QJsonObject()}});
    QTest::newRow("array of arrays") << QByteArray("[[],[[]],[1,[2]]]")
                                     << QJsonValue(QJsonArray{QJsonArray(), QJsonArray{QJsonArray()},
                                                              QJsonArray{1, QJsonArray{2}}});
    QTest::newRow("same key in sibling objects")
        << QByteArray(R"([{"a":1},{"a":2}])")
        << QJsonValue(
               QJsonArray{QJsonObject{{QStringLiteral("a"), 1}}, QJsonObject{{QStringLiteral("a"), 2}}});
    QTest::newRow("same key at two levels")
        << QByteArray(R"({"a":{"a":1}})")
        << QJsonValue(QJsonObject{{QStringLiteral("a"), QJsonObject{{QStringLiteral("a"), 1}}}});
    QTest::newRow("empty key") << QByteArray(R"({"":1})") << QJsonValue(QJsonObject{{QString(), 1}});
    QTest::newRow("keys differing in case")
        << QByteArray(R"({"a":1,"A":2})")
        << QJsonValue(QJsonObject{{QStringLiteral("a"), 1}, {QStringLiteral("A"), 2}});
    QTest::newRow("DEL is not a control character")
        << QByteArray("\"\x7f\"") << QJsonValue(QString(QChar(char16_t(0x7F))));
}

void TstStrictJson::acceptsValidDocuments()
{
    QFETCH(QByteArray, input);
    QFETCH(QJsonValue, expected);

    const auto parsed = StrictJson::parse(input);
    QVERIFY2(parsed.hasValue(), qPrintable(parsed.hasValue() ? QString() : parsed.error().message));
    QCOMPARE(*parsed, expected);
}

void TstStrictJson::typesNumbers_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("integer");
    QTest::addColumn<QJsonValue>("expected");

    QTest::newRow("zero") << QByteArray("0") << true << QJsonValue(qint64(0));
    QTest::newRow("minus zero") << QByteArray("-0") << true << QJsonValue(qint64(0));
    QTest::newRow("positive") << QByteArray("12500") << true << QJsonValue(qint64(12500));
    QTest::newRow("negative") << QByteArray("-17") << true << QJsonValue(qint64(-17));
    QTest::newRow("int64 max") << QByteArray("9223372036854775807") << true
                               << QJsonValue(std::numeric_limits<qint64>::max());
    QTest::newRow("int64 min") << QByteArray("-9223372036854775808") << true
                               << QJsonValue(std::numeric_limits<qint64>::min());
    QTest::newRow("2^53 + 1 stays exact")
        << QByteArray("9007199254740993") << true << QJsonValue(qint64(9007199254740993));
    QTest::newRow("int64 max + 1 becomes a double")
        << QByteArray("9223372036854775808") << false << QJsonValue(9223372036854775808.0);
    QTest::newRow("20 digits") << QByteArray("18446744073709551616") << false
                               << QJsonValue(18446744073709551616.0);
    QTest::newRow("fraction") << QByteArray("1.5") << false << QJsonValue(1.5);
    QTest::newRow("negative exponent") << QByteArray("-5e-1") << false << QJsonValue(-0.5);
    QTest::newRow("upper-case exponent") << QByteArray("15E-1") << false << QJsonValue(1.5);
    QTest::newRow("signed exponent") << QByteArray("25e+100") << false << QJsonValue(25e100);
    QTest::newRow("whole number beyond int64 stays a double")
        << QByteArray("1e19") << false << QJsonValue(1e19);
    QTest::newRow("smallest subnormal") << QByteArray("4.9e-324") << false << QJsonValue(4.9e-324);
    QTest::newRow("largest double") << QByteArray("1.7976931348623157e308") << false
                                    << QJsonValue(1.7976931348623157e308);
}

void TstStrictJson::typesNumbers()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, integer);
    QFETCH(QJsonValue, expected);

    const auto parsed = StrictJson::parse(input);
    QVERIFY2(parsed.hasValue(), qPrintable(parsed.hasValue() ? QString() : parsed.error().message));
    QCOMPARE(holdsInteger(*parsed), integer);
    if (integer)
        QCOMPARE(parsed->toInteger(), expected.toInteger());
    else
        QCOMPARE(parsed->toDouble(), expected.toDouble());
}

void TstStrictJson::rejectsInvalidDocuments_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<qsizetype>("offset");
    QTest::addColumn<QString>("message");

    auto row = [](const char *name, const QByteArray &input, qsizetype offset, const char *message) {
        QTest::newRow(name) << input << offset << QString::fromUtf8(message);
    };

    row("empty input", "", 0, "unexpected end of input at byte 0, expected a value");
    row("only whitespace", "  \n", 3, "unexpected end of input at byte 3, expected a value");
    row("unclosed object", "{", 1, "unexpected end of input at byte 1, expected a string key");
    row("unclosed array", "[1", 2, "unexpected end of input at byte 2, expected ',' or ']'");
    row("stray closer", "}", 0, "unexpected character '}' at byte 0, expected a value");
    row("mismatched closer", "[1}", 2, "unexpected character '}' at byte 2, expected ',' or ']'");
    row("trailing comma in array", "[1,]", 3, "unexpected character ']' at byte 3, expected a value");
    row("trailing comma in object", R"({"a":1,})", 7,
        "unexpected character '}' at byte 7, expected a string key");
    row("leading comma", "[,1]", 1, "unexpected character ',' at byte 1, expected a value");
    row("missing colon", R"({"a" 1})", 5, "unexpected character '1' at byte 5, expected ':'");
    row("missing comma", R"({"a":1 "b":2})", 7, "unexpected character '\"' at byte 7, expected ',' or '}'");
    row("unquoted key", "{a:1}", 1, "unexpected character 'a' at byte 1, expected a string key");
    row("single-quoted string", "['a']", 1, "unexpected character ''' at byte 1, expected a value");
    row("number key", "{1:1}", 1, "unexpected character '1' at byte 1, expected a string key");
    row("trailing content", "{} x", 3, "trailing content after the JSON value at byte 3");
    row("two documents", "{}{}", 2, "trailing content after the JSON value at byte 2");
    row("trailing NUL", QByteArray("{}\0", 3), 2, "trailing content after the JSON value at byte 2");
    row("comment", "{} // hi", 3, "trailing content after the JSON value at byte 3");
    row("byte order mark", "\xEF\xBB\xBF{}", 0, "unexpected byte 0xEF at byte 0, expected a value");
    row("truncated true", "tru", 3, "unexpected end of input at byte 3");
    row("misspelled false", "[fals3]", 5, "unexpected character '3' at byte 5");
    row("capitalised literal", "True", 0, "unexpected character 'T' at byte 0, expected a value");
    row("literal with suffix", "[nullx]", 5, "unexpected character 'x' at byte 5, expected ',' or ']'");
    row("NaN", "[NaN]", 1, "unexpected character 'N' at byte 1, expected a value");
    row("Infinity", "[Infinity]", 1, "unexpected character 'I' at byte 1, expected a value");
    row("minus Infinity", "[-Infinity]", 2, "unexpected character 'I' at byte 2, expected a digit");
    row("plus sign", "[+1]", 1, "unexpected character '+' at byte 1, expected a value");
    row("leading dot", "[.5]", 1, "unexpected character '.' at byte 1, expected a value");
    row("trailing dot", "[1.]", 3, "unexpected character ']' at byte 3, expected a digit after '.'");
    row("dot then exponent", "1.e5", 2, "unexpected character 'e' at byte 2, expected a digit after '.'");
    row("leading zero", "[01]", 1, "leading zero in number at byte 1");
    row("negative leading zero", "-012", 1, "leading zero in number at byte 1");
    row("bare minus", "-", 1, "unexpected end of input at byte 1, expected a digit");
    row("double minus", "--1", 1, "unexpected character '-' at byte 1, expected a digit");
    row("empty exponent", "[1e]", 3, "unexpected character ']' at byte 3, expected a digit in the exponent");
    row("signed empty exponent", "1e+", 3,
        "unexpected end of input at byte 3, expected a digit in the exponent");
    row("hex number", "0x10", 1, "trailing content after the JSON value at byte 1");
    row("overflow to infinity", "[1e400]", 1, "number out of range at byte 1");
    row("negative overflow", "-1e309", 0, "number out of range at byte 0");
    row("huge integer", "[" + QByteArray(400, '9') + "]", 1, "number out of range at byte 1");
    row("underflow of a non-zero number", "1e-400", 0, "number out of range at byte 0");
    // As a double it is -2^63, which would read back as the integer INT64_MIN.
    row("int64 min - 1", "[-9223372036854775809]", 1, "number out of range at byte 1");
    row("int64 min with a fraction", "[-9223372036854775808.0]", 1,
        "integral number written with a fraction or exponent at byte 1");
    row("integral fraction", "[1.0]", 1, "integral number written with a fraction or exponent at byte 1");
    row("integral exponent", "1e2", 0, "integral number written with a fraction or exponent at byte 0");
    row("integral mantissa and exponent", "[1.5e1]", 1,
        "integral number written with a fraction or exponent at byte 1");
    row("negative zero fraction", "-0.0", 0, "integral number written with a fraction or exponent at byte 0");
    row("zero with exponent", "0e-400", 0, "integral number written with a fraction or exponent at byte 0");
    row("2^53 as a fraction", "9007199254740992.0", 0,
        "integral number written with a fraction or exponent at byte 0");
    row("rounds to 2^53", "9007199254740993.0", 0,
        "integral number written with a fraction or exponent at byte 0");
    row("whole number beyond 2^53", "[1e17]", 1,
        "integral number written with a fraction or exponent at byte 1");
    row("just below 2^63", "-9.2233720368547748e18", 0,
        "integral number written with a fraction or exponent at byte 0");
    row("duplicate key", R"({"a":1,"a":2})", 7, "duplicate key \"a\" at byte 7");
    row("duplicate key with other types", R"({"a":{},"b":1,"a":[]})", 14, "duplicate key \"a\" at byte 14");
    row("duplicate key in nested object", R"({"x":[{"max_total":1,"max_total":2}]})", 21,
        "duplicate key \"max_total\" at byte 21");
    row("first duplicate in document order", R"({"b":1,"a":1,"b":2,"a":2})", 13,
        "duplicate key \"b\" at byte 13");
    row("key repeated three times", R"({"a":1,"a":2,"a":3})", 7, "duplicate key \"a\" at byte 7");
    row("duplicate among many keys",
        R"({"k0":0,"k1":1,"k2":2,"k3":3,"k4":4,"k5":5,"k6":6,"k7":7,"k8":8,"k9":9,)"
        R"("k10":0,"k11":1,"k12":2,"k13":3,"k14":4,"k15":5,"k16":6,"k3":7})",
        127, "duplicate key \"k3\" at byte 127");
    row("first of several duplicates among many keys, one escaped",
        R"({"k0":0,"k1":1,"k2":2,"k3":3,"k4":4,"k5":5,"k6":6,"k7":7,"k8":8,"k9":9,)"
        R"("k10":0,"k11":1,"k12":2,"k13":3,"k14":4,"k15":5,"k16":6,"\u006b9":1,"k3":7})",
        127, "duplicate key \"k9\" at byte 127");
    row("long duplicate key is shortened",
        "{\"" + QByteArray(100, 'k') + "\":1,\"" + QByteArray(100, 'k') + "\":2}", 106,
        qPrintable(QStringLiteral("duplicate key \"%1...\" at byte 106").arg(QString(64, u'k'))));
    row("duplicate key spelt with an escape", R"({"ab":1,"\u0061b":2})", 8, "duplicate key \"ab\" at byte 8");
    row("unterminated string", "\"abc", 4, "unexpected end of input at byte 4, expected '\"'");
    row("raw newline in string", "\"a\nb\"", 2, "unescaped control character 0x0A in string at byte 2");
    row("raw tab in string", "\"\t\"", 1, "unescaped control character 0x09 in string at byte 1");
    row("raw NUL in string", QByteArray("\"\0\"", 3), 1,
        "unescaped control character 0x00 in string at byte 1");
    row("invalid escape", R"("\q")", 2, "unexpected character 'q' at byte 2, expected an escape character");
    row("escaped single quote", R"("\'")", 2,
        "unexpected character ''' at byte 2, expected an escape character");
    row("backslash at end", "\"\\", 2, "unexpected end of input at byte 2, expected an escape character");
    row("short unicode escape", R"("\u12")", 5,
        "unexpected character '\"' at byte 5, expected a hexadecimal digit");
    row("non-hex unicode escape", R"("\u12G4")", 5,
        "unexpected character 'G' at byte 5, expected a hexadecimal digit");
    row("upper-case U escape", R"("\U0041")", 2,
        "unexpected character 'U' at byte 2, expected an escape character");
    row("lone high surrogate", R"("\uD800")", 1, "unpaired surrogate \\uD800 at byte 1");
    row("lone low surrogate", R"("x\uDC00")", 2, "unpaired surrogate \\uDC00 at byte 2");
    row("high surrogate then text", R"("\uD83Dx")", 1, "unpaired surrogate \\uD83D at byte 1");
    row("two high surrogates", R"("\uD83D\uD83D")", 1, "unpaired surrogate \\uD83D at byte 1");
    row("high surrogate then BMP escape", R"("\uD83D\u0041")", 1, "unpaired surrogate \\uD83D at byte 1");
    row("high surrogate then other escape", R"("\uD83D\n")", 1, "unpaired surrogate \\uD83D at byte 1");
    row("reversed surrogate pair", R"("\uDE00\uD83D")", 1, "unpaired surrogate \\uDE00 at byte 1");
}

void TstStrictJson::rejectsInvalidDocuments()
{
    QFETCH(QByteArray, input);
    QFETCH(qsizetype, offset);
    QFETCH(QString, message);

    const auto parsed = StrictJson::parse(input);
    QVERIFY(!parsed.hasValue());
    QCOMPARE(parsed.error().message, message);
    QCOMPARE(parsed.error().offset, offset);
}

void TstStrictJson::validatesUtf8_data()
{
    QTest::addColumn<QByteArray>("content"); // placed between the quotes of a JSON string
    QTest::addColumn<bool>("valid");
    QTest::addColumn<qsizetype>("badOffset"); // within `content`

    QTest::newRow("ascii") << QByteArray("plain") << true << qsizetype(0);
    QTest::newRow("2-byte é") << QByteArray("\xC3\xA9") << true << qsizetype(0);
    QTest::newRow("smallest 2-byte U+0080") << QByteArray("\xC2\x80") << true << qsizetype(0);
    QTest::newRow("3-byte €") << QByteArray("\xE2\x82\xAC") << true << qsizetype(0);
    QTest::newRow("smallest 3-byte U+0800") << QByteArray("\xE0\xA0\x80") << true << qsizetype(0);
    QTest::newRow("last before surrogates U+D7FF") << QByteArray("\xED\x9F\xBF") << true << qsizetype(0);
    QTest::newRow("first after surrogates U+E000") << QByteArray("\xEE\x80\x80") << true << qsizetype(0);
    QTest::newRow("U+FFFF") << QByteArray("\xEF\xBF\xBF") << true << qsizetype(0);
    QTest::newRow("4-byte emoji") << QByteArray("\xF0\x9F\x98\x80") << true << qsizetype(0);
    QTest::newRow("U+10FFFF") << QByteArray("\xF4\x8F\xBF\xBF") << true << qsizetype(0);
    QTest::newRow("mixed") << QByteArray("a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80z") << true << qsizetype(0);

    QTest::newRow("lone continuation byte") << QByteArray("a\x80") << false << qsizetype(1);
    QTest::newRow("overlong NUL C0 80") << QByteArray("\xC0\x80") << false << qsizetype(0);
    QTest::newRow("overlong C1 BF") << QByteArray("\xC1\xBF") << false << qsizetype(0);
    QTest::newRow("overlong 3-byte E0 80 80") << QByteArray("\xE0\x80\x80") << false << qsizetype(0);
    QTest::newRow("overlong 3-byte E0 9F BF") << QByteArray("\xE0\x9F\xBF") << false << qsizetype(0);
    QTest::newRow("overlong 4-byte F0 80 80 80") << QByteArray("\xF0\x80\x80\x80") << false << qsizetype(0);
    QTest::newRow("overlong 4-byte F0 8F BF BF") << QByteArray("\xF0\x8F\xBF\xBF") << false << qsizetype(0);
    QTest::newRow("high surrogate ED A0 80") << QByteArray("\xED\xA0\x80") << false << qsizetype(0);
    QTest::newRow("low surrogate ED BF BF") << QByteArray("x\xED\xBF\xBF") << false << qsizetype(1);
    QTest::newRow("CESU-8 surrogate pair") << QByteArray("\xED\xA0\xBD\xED\xB8\x80") << false << qsizetype(0);
    QTest::newRow("above U+10FFFF F4 90 80 80") << QByteArray("\xF4\x90\x80\x80") << false << qsizetype(0);
    QTest::newRow("lead byte F5") << QByteArray("\xF5\x80\x80\x80") << false << qsizetype(0);
    QTest::newRow("lead byte FE") << QByteArray("\xFE") << false << qsizetype(0);
    QTest::newRow("lead byte FF") << QByteArray("ab\xFF") << false << qsizetype(2);
    QTest::newRow("truncated 2-byte") << QByteArray("\xC3") << false << qsizetype(0);
    QTest::newRow("truncated 3-byte") << QByteArray("\xE2\x82") << false << qsizetype(0);
    QTest::newRow("truncated 4-byte") << QByteArray("\xF0\x9F\x98") << false << qsizetype(0);
    QTest::newRow("lead byte followed by ASCII") << QByteArray("\xC3(") << false << qsizetype(0);
    QTest::newRow("3-byte with ASCII continuation") << QByteArray("\xE2\x28\xA1") << false << qsizetype(0);
}

void TstStrictJson::validatesUtf8()
{
    QFETCH(QByteArray, content);
    QFETCH(bool, valid);
    QFETCH(qsizetype, badOffset);

    // The bytes once as a string value and once as a key, so both paths are covered.
    const QByteArray asValue = "[\"" + content + "\"]";
    const QByteArray asKey = "{\"" + content + "\":1}";
    const auto value = StrictJson::parse(asValue);
    const auto key = StrictJson::parse(asKey);
    if (valid) {
        QVERIFY(value.hasValue());
        QVERIFY(key.hasValue());
        const QString expected = QString::fromUtf8(content);
        QCOMPARE(value->toArray().at(0).toString(), expected);
        QCOMPARE(key->toObject().keys(), QStringList{expected});
        return;
    }
    QVERIFY(!value.hasValue());
    QVERIFY(!key.hasValue());
    QCOMPARE(value.error().offset, badOffset + 2);
    QCOMPARE(value.error().message, QStringLiteral("invalid UTF-8 at byte %1").arg(badOffset + 2));
    QCOMPARE(key.error().offset, badOffset + 2);
}

void TstStrictJson::limitsNestingDepth_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("valid");

    QTest::newRow("arrays 32") << nested(32, '[', ']') << true;
    QTest::newRow("arrays 33") << nested(33, '[', ']') << false;
    QTest::newRow("mixed 32") << mixedNesting(32) << true;
    QTest::newRow("mixed 33") << mixedNesting(33) << false;
    QTest::newRow("mixed 31 with a scalar leaf") << mixedNesting(31) << true;
    QTest::newRow("siblings do not add depth")
        << QByteArray("[") + nested(31, '[', ']') + "," + nested(31, '[', ']') + "]" << true;
}

void TstStrictJson::limitsNestingDepth()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, valid);

    const auto parsed = StrictJson::parse(input);
    QCOMPARE(parsed.hasValue(), valid);
    if (!valid) {
        QCOMPARE(parsed.error().message,
                 QStringLiteral("nesting deeper than 32 levels at byte %1").arg(parsed.error().offset));
        const char opener = input.at(parsed.error().offset);
        QVERIFY(opener == '[' || opener == '{');
    }
}

void TstStrictJson::honoursCustomMaxDepth()
{
    QVERIFY(StrictJson::parse("[[1]]", 2).hasValue());
    const auto tooDeep = StrictJson::parse("[[[1]]]", 2);
    QVERIFY(!tooDeep.hasValue());
    QCOMPARE(tooDeep.error().message, QStringLiteral("nesting deeper than 2 levels at byte 2"));
    QVERIFY(StrictJson::parse("7", 0).hasValue());
    QVERIFY(!StrictJson::parse("[]", 0).hasValue());
}

void TstStrictJson::survivesHostileNesting()
{
    const QByteArray deep(1 << 20, '[');
    const auto parsed = StrictJson::parse(deep);
    QVERIFY(!parsed.hasValue());
    QCOMPARE(parsed.error().offset, qsizetype(32));

    // A larger limit is lowered to the deepest Qt's parser builds.
    QVERIFY(StrictJson::parse(nested(StrictJson::MaxDepth, '[', ']'), 5000).hasValue());
    const auto tooDeep = StrictJson::parse(nested(5000, '[', ']'), 5000);
    QVERIFY(!tooDeep.hasValue());
    QCOMPARE(tooDeep.error().message, QStringLiteral("nesting deeper than 1024 levels at byte 1024"));
}

void TstStrictJson::decodesEscapes_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("simple escapes") << QByteArray(R"("\"\\\/\b\f\n\r\t")")
                                    << QStringLiteral("\"\\/\b\f\n\r\t");
    QTest::newRow("BMP escape") << QByteArray(R"("caf\u00e9")") << QStringLiteral("caf\u00e9");
    QTest::newRow("upper-case hex") << QByteArray(R"("\u00E9")") << QStringLiteral("\u00e9");
    QTest::newRow("surrogate pair") << QByteArray(R"("\ud83d\ude00")")
                                    << QString::fromUtf8("\xF0\x9F\x98\x80");
    QTest::newRow("escaped NUL") << QByteArray(R"("a\u0000b")") << QStringView(u"a\0b", 3).toString();
    QTest::newRow("escapes between raw UTF-8")
        << QByteArray("\"\xC3\xA9\\n\xE2\x82\xAC\"") << QString::fromUtf8("\xC3\xA9\n\xE2\x82\xAC");
    QTest::newRow("U+FFFF escape") << QByteArray(R"("\uFFFF")") << QString(QChar(char16_t(0xFFFF)));
}

void TstStrictJson::decodesEscapes()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, expected);

    const auto parsed = StrictJson::parse(input);
    QVERIFY2(parsed.hasValue(), qPrintable(parsed.hasValue() ? QString() : parsed.error().message));
    QCOMPARE(parsed->toString(), expected);
}

void TstStrictJson::keepsEveryMemberOfALargeObject()
{
    constexpr int count = 50000;
    QByteArray input = "{";
    for (int i = count - 1; i >= 0; --i) {
        input += '"' + QByteArray::number(i) + "\":" + QByteArray::number(i);
        if (i > 0)
            input += ',';
    }
    input += '}';

    const auto parsed = StrictJson::parseObject(input);
    QVERIFY(parsed.hasValue());
    QCOMPARE(parsed->size(), count);
    for (int i = 0; i < count; i += 997)
        QCOMPARE(parsed->value(QString::number(i)).toInteger(), qint64(i));
}

void TstStrictJson::parseObjectRequiresAnObject_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<qsizetype>("offset");
    QTest::addColumn<QString>("message");

    QTest::newRow("array") << QByteArray("  [1]") << qsizetype(2)
                           << QStringLiteral("expected a JSON object at byte 2");
    QTest::newRow("string") << QByteArray("\"{}\"") << qsizetype(0)
                            << QStringLiteral("expected a JSON object at byte 0");
    QTest::newRow("null") << QByteArray("null") << qsizetype(0)
                          << QStringLiteral("expected a JSON object at byte 0");
    QTest::newRow("syntax errors come first")
        << QByteArray("[1,") << qsizetype(3)
        << QStringLiteral("unexpected end of input at byte 3, expected a value");
}

void TstStrictJson::parseObjectRequiresAnObject()
{
    QFETCH(QByteArray, input);
    QFETCH(qsizetype, offset);
    QFETCH(QString, message);

    const auto parsed = StrictJson::parseObject(input);
    QVERIFY(!parsed.hasValue());
    QCOMPARE(parsed.error().offset, offset);
    QCOMPARE(parsed.error().message, message);

    const auto object = StrictJson::parseObject(R"( {"a": [1, 2]} )");
    QVERIFY(object.hasValue());
    QCOMPARE(object->value(QStringLiteral("a")).toArray().size(), 2);
}

QTEST_APPLESS_MAIN(TstStrictJson)
#include "tst_StrictJson.moc"
