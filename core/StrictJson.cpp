#include "core/StrictJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QVarLengthArray>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <system_error>
#include <utility>
#include <vector>

namespace mandate {

namespace {

// A key of an open object as UTF-8: a view of the input when the key has no escapes, else of its
// decoded copy. Duplicates are found by comparing these bytes, so "a" and "\u0061" collide.
struct Key
{
    QByteArrayView utf8;
    qsizetype offset = 0;
};

// One open array or object; an object's keys are the parser's keys from firstKey on.
struct Frame
{
    bool isObject = false;
    qsizetype firstKey = 0;
};

constexpr bool isJsonWhitespace(uchar c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

constexpr bool isDigit(uchar c)
{
    return c >= '0' && c <= '9';
}

constexpr int hexValue(uchar c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

constexpr bool isHighSurrogate(char32_t unit)
{
    return unit >= 0xD800 && unit <= 0xDBFF;
}

constexpr bool isLowSurrogate(char32_t unit)
{
    return unit >= 0xDC00 && unit <= 0xDFFF;
}

// "0x0A": how a byte that cannot be shown as a character appears in a message.
QString hexByte(uchar c)
{
    return QStringLiteral("0x") + QStringLiteral("%1").arg(uint(c), 2, 16, QLatin1Char('0')).toUpper();
}

// A key as quoted in a message: an error about a megabyte-long key need not repeat it.
QString shortened(const QString &key)
{
    constexpr qsizetype MaxQuotedLength = 64;
    if (key.size() <= MaxQuotedLength)
        return key;
    return key.left(MaxQuotedLength) + QStringLiteral("...");
}

// A whole number within int64 range must be written as an integer literal. QJsonValue stores an
// integral double of magnitude ≤ 2^53 as an integer, so "1.0" would become indistinguishable from
// "1" and slip through every "must be an integer" check; and QJsonDocument writes larger whole
// doubles as plain digits, which read back as a different integer ("922337222220368757.5e0").
// -2^63 is within range: Qt's parser reads every whole double from there up to 2^63 as an integer.
bool isWholeNumberWithinInt64(double number)
{
    constexpr double twoToThe63 = 9223372036854775808.0;
    return std::trunc(number) == number && number >= -twoToThe63 && number < twoToThe63;
}

// The first key, in document order, that repeats an earlier key of the same object.
const Key *firstRepeatedKey(const Key *keys, qsizetype count)
{
    // Small objects (every request body) are compared pairwise; a hostile 100k-key object is
    // sorted instead of compared quadratically.
    constexpr qsizetype PairwiseUpTo = 16;
    if (count <= PairwiseUpTo) {
        for (qsizetype i = 1; i < count; ++i) {
            for (qsizetype j = 0; j < i; ++j) {
                if (keys[j].utf8 == keys[i].utf8)
                    return keys + i;
            }
        }
        return nullptr;
    }
    std::vector<const Key *> byBytes(count);
    for (qsizetype i = 0; i < count; ++i)
        byBytes[size_t(i)] = keys + i;
    // Stable: within a run of equal keys the first in the document leads, and every other repeats it.
    std::stable_sort(byBytes.begin(), byBytes.end(),
                     [](const Key *a, const Key *b) { return a->utf8.compare(b->utf8) < 0; });
    const Key *first = nullptr;
    for (size_t i = 1; i < byBytes.size(); ++i) {
        if (byBytes[i]->utf8 == byBytes[i - 1]->utf8 && (!first || byBytes[i]->offset < first->offset))
            first = byBytes[i];
    }
    return first;
}

// Checks the whole document before anything is built, and builds only what passed: Qt's own parser
// then turns the checked bytes into QJsonValues at a fraction of the cost of building them here,
// where every key, string and member was an allocation of its own. Qt's parser is laxer (it keeps
// the last of duplicate keys, takes lone surrogates, nests 1,024 deep, reads "1.0" as 1), so
// nothing reaches it that this parser would refuse.
class Parser
{
public:
    Parser(QByteArrayView input, int maxDepth)
        : m_input(input)
        , m_data(reinterpret_cast<const uchar *>(input.data()))
        , m_size(input.size())
        , m_maxDepth(qMin(maxDepth, StrictJson::MaxDepth))
    {}

    Expected<QJsonValue, StrictJson::ParseError> run();

private:
    bool atEnd() const { return m_pos >= m_size; }
    uchar current() const { return m_data[m_pos]; }
    void skipWhitespace()
    {
        while (m_pos < m_size && isJsonWhitespace(m_data[m_pos]))
            ++m_pos;
    }

    bool fail(qsizetype offset, const QString &what)
    {
        m_error =
            StrictJson::ParseError{offset, what + QStringLiteral(" at byte ") + QString::number(offset)};
        return false;
    }
    // "unexpected character 'x' at byte 5, expected ',' or '}'"
    bool failUnexpected(QStringView expectation = {});

    bool checkContainers();
    bool openContainer(bool isObject);
    bool closeObject();
    bool readKey();
    // Each reader stores what it read only when given somewhere to store it (a top-level scalar).
    bool readScalar(QJsonValue *value);
    bool readLiteral(QLatin1StringView literal);
    bool readNumber(QJsonValue *value);
    bool readString(QString *out, bool *escaped = nullptr);
    bool readEscape(QString *out);
    bool readHexQuad(char32_t &unit);
    qsizetype utf8SequenceLength() const;

    QByteArrayView m_input;
    const uchar *m_data;
    qsizetype m_size;
    int m_maxDepth;
    qsizetype m_pos = 0;
    // Open containers, innermost last; explicit, so hostile nesting costs heap, never C++ stack.
    QVarLengthArray<Frame, 8> m_frames;
    QVarLengthArray<Key, 32> m_keys;
    QList<QByteArray> m_decodedKeys; // what the escaped keys in m_keys view
    StrictJson::ParseError m_error;
};

bool Parser::failUnexpected(QStringView expectation)
{
    QString what;
    if (atEnd()) {
        what = QStringLiteral("unexpected end of input");
    } else if (current() >= 0x20 && current() < 0x7F) {
        what = QStringLiteral("unexpected character '") + QLatin1Char(char(current())) + QLatin1Char('\'');
    } else {
        what = QStringLiteral("unexpected byte ") + hexByte(current());
    }
    m_error = StrictJson::ParseError{m_pos, what + QStringLiteral(" at byte ") + QString::number(m_pos)};
    if (!expectation.isEmpty()) {
        m_error.message += QStringLiteral(", expected ");
        m_error.message += expectation;
    }
    return false;
}

Expected<QJsonValue, StrictJson::ParseError> Parser::run()
{
    skipWhitespace();
    QJsonValue value;
    if (atEnd()) {
        failUnexpected(u"a value");
        return mandate::unexpected(m_error);
    }
    const bool container = current() == '{' || current() == '[';
    if (container ? !checkContainers() : !readScalar(&value))
        return mandate::unexpected(m_error);
    skipWhitespace();
    if (!atEnd()) {
        fail(m_pos, QStringLiteral("trailing content after the JSON value"));
        return mandate::unexpected(m_error);
    }
    if (!container)
        return value;
    QJsonParseError qtError;
    const QJsonDocument document =
        QJsonDocument::fromJson(QByteArray::fromRawData(m_input.data(), m_input.size()), &qtError);
    if (qtError.error != QJsonParseError::NoError) {
        // Not reached for anything the checks passed; refused rather than trusted if it were.
        fail(qtError.offset, QStringLiteral("unreadable JSON (%1)").arg(qtError.errorString()));
        return mandate::unexpected(m_error);
    }
    return document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array());
}

// Checks the container at the position and everything in it, leaving the position after it.
bool Parser::checkContainers()
{
    for (;;) {
        skipWhitespace();
        if (atEnd())
            return failUnexpected(u"a value");
        bool haveValue = false;
        if (current() == '{' || current() == '[') {
            const bool isObject = current() == '{';
            if (!openContainer(isObject))
                return false;
            skipWhitespace();
            const uchar closer = isObject ? '}' : ']';
            if (!atEnd() && current() == closer) {
                ++m_pos;
                m_frames.removeLast();
                haveValue = true;
            } else if (isObject && !readKey()) {
                return false;
            }
        } else {
            if (!readScalar(nullptr))
                return false;
            haveValue = true;
        }

        // Close every container that ends here, until a ',' asks for the next value.
        while (haveValue) {
            if (m_frames.isEmpty())
                return true;
            const bool isObject = m_frames.last().isObject;
            skipWhitespace();
            if (!atEnd() && current() == ',') {
                ++m_pos;
                if (isObject) {
                    skipWhitespace();
                    if (!readKey())
                        return false;
                }
                haveValue = false;
            } else if (!atEnd() && current() == (isObject ? '}' : ']')) {
                ++m_pos;
                if (isObject && !closeObject())
                    return false;
                m_frames.removeLast();
            } else {
                return failUnexpected(isObject ? u"',' or '}'" : u"',' or ']'");
            }
        }
    }
}

bool Parser::openContainer(bool isObject)
{
    if (m_frames.size() >= m_maxDepth)
        return fail(m_pos, QStringLiteral("nesting deeper than %1 levels").arg(m_maxDepth));
    ++m_pos;
    m_frames.append(Frame{isObject, m_keys.size()});
    return true;
}

bool Parser::closeObject()
{
    const qsizetype first = m_frames.last().firstKey;
    if (const Key *repeated = firstRepeatedKey(m_keys.constData() + first, m_keys.size() - first)) {
        return fail(repeated->offset,
                    QStringLiteral("duplicate key \"%1\"").arg(shortened(QString::fromUtf8(repeated->utf8))));
    }
    m_keys.resize(first);
    return true;
}

// Reads `"key" :` and leaves the position at the member's value.
bool Parser::readKey()
{
    if (atEnd() || current() != '"')
        return failUnexpected(u"a string key");
    const qsizetype keyOffset = m_pos;
    bool escaped = false;
    if (!readString(nullptr, &escaped))
        return false;
    QByteArrayView utf8 = m_input.sliced(keyOffset + 1, m_pos - keyOffset - 2);
    if (escaped) {
        // Read again to decode: it has just passed, and escaped keys are rare.
        const qsizetype end = std::exchange(m_pos, keyOffset);
        QString decoded;
        readString(&decoded);
        m_pos = end;
        utf8 = m_decodedKeys.emplaceBack(decoded.toUtf8());
    }
    m_keys.append(Key{utf8, keyOffset});
    skipWhitespace();
    if (atEnd() || current() != ':')
        return failUnexpected(u"':'");
    ++m_pos;
    return true;
}

bool Parser::readScalar(QJsonValue *value)
{
    switch (current()) {
    case '"': {
        QString text;
        if (!readString(value ? &text : nullptr))
            return false;
        if (value)
            *value = QJsonValue(text);
        return true;
    }
    case 't':
        if (value)
            *value = QJsonValue(true);
        return readLiteral(QLatin1StringView("true"));
    case 'f':
        if (value)
            *value = QJsonValue(false);
        return readLiteral(QLatin1StringView("false"));
    case 'n':
        if (value)
            *value = QJsonValue(QJsonValue::Null);
        return readLiteral(QLatin1StringView("null"));
    default:
        if (current() == '-' || isDigit(current()))
            return readNumber(value);
        return failUnexpected(u"a value");
    }
}

bool Parser::readLiteral(QLatin1StringView literal)
{
    for (const char expected : literal) {
        if (atEnd() || current() != uchar(expected))
            return failUnexpected();
        ++m_pos;
    }
    return true;
}

// RFC 8259: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? — nothing laxer ("+1", ".5", "1.", "01").
bool Parser::readNumber(QJsonValue *value)
{
    const qsizetype start = m_pos;
    const bool negative = current() == '-';
    if (negative)
        ++m_pos;
    if (atEnd() || !isDigit(current()))
        return failUnexpected(u"a digit");

    // Accumulate the magnitude while it can still be an int64 (|INT64_MIN| for negatives).
    const quint64 limit = negative ? quint64(std::numeric_limits<qint64>::max()) + 1
                                   : quint64(std::numeric_limits<qint64>::max());
    quint64 magnitude = 0;
    bool fitsInteger = true;
    if (current() == '0') {
        ++m_pos;
        if (!atEnd() && isDigit(current()))
            return fail(m_pos - 1, QStringLiteral("leading zero in number"));
    } else {
        while (!atEnd() && isDigit(current())) {
            const quint64 digit = quint64(current() - '0');
            if (fitsInteger && magnitude <= (limit - digit) / 10)
                magnitude = magnitude * 10 + digit;
            else
                fitsInteger = false;
            ++m_pos;
        }
    }

    bool isInteger = true;
    if (!atEnd() && current() == '.') {
        isInteger = false;
        ++m_pos;
        if (atEnd() || !isDigit(current()))
            return failUnexpected(u"a digit after '.'");
        while (!atEnd() && isDigit(current()))
            ++m_pos;
    }
    if (!atEnd() && (current() == 'e' || current() == 'E')) {
        isInteger = false;
        ++m_pos;
        if (!atEnd() && (current() == '+' || current() == '-'))
            ++m_pos;
        if (atEnd() || !isDigit(current()))
            return failUnexpected(u"a digit in the exponent");
        while (!atEnd() && isDigit(current()))
            ++m_pos;
    }

    if (isInteger && fitsInteger) {
        // Negating in unsigned space keeps INT64_MIN representable without signed overflow.
        if (value)
            *value = QJsonValue(negative ? qint64(0 - magnitude) : qint64(magnitude));
        return true;
    }

    const char *first = reinterpret_cast<const char *>(m_data + start);
    const char *last = reinterpret_cast<const char *>(m_data + m_pos);
    double number = 0;
    const auto result = std::from_chars(first, last, number);
    // from_chars reports both overflow and underflow of a non-zero literal as out of range: a
    // number a double cannot hold is refused rather than silently turned into inf or 0.
    if (result.ec != std::errc() || result.ptr != last)
        return fail(start, QStringLiteral("number out of range"));
    // An integer literal just below INT64_MIN rounds to -2^63 as a double, which would read back as
    // INT64_MIN: a different integer.
    if (isInteger && isWholeNumberWithinInt64(number))
        return fail(start, QStringLiteral("number out of range"));
    if (!isInteger && isWholeNumberWithinInt64(number))
        return fail(start, QStringLiteral("integral number written with a fraction or exponent"));
    if (value)
        *value = QJsonValue(number);
    return true;
}

// The length of the well-formed UTF-8 sequence at the position (RFC 3629 table 3-7), or 0 for an
// overlong form, an encoded surrogate, a code point above U+10FFFF or a truncated sequence.
qsizetype Parser::utf8SequenceLength() const
{
    const uchar lead = current();
    const qsizetype remaining = m_size - m_pos;
    auto continuation = [this](qsizetype i, uchar low = 0x80, uchar high = 0xBF) {
        const uchar c = m_data[m_pos + i];
        return c >= low && c <= high;
    };
    if (lead >= 0xC2 && lead <= 0xDF)
        return remaining >= 2 && continuation(1) ? 2 : 0;
    if (lead >= 0xE0 && lead <= 0xEF) {
        const uchar low = lead == 0xE0 ? 0xA0 : 0x80;
        const uchar high = lead == 0xED ? 0x9F : 0xBF;
        return remaining >= 3 && continuation(1, low, high) && continuation(2) ? 3 : 0;
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
        const uchar low = lead == 0xF0 ? 0x90 : 0x80;
        const uchar high = lead == 0xF4 ? 0x8F : 0xBF;
        return remaining >= 4 && continuation(1, low, high) && continuation(2) && continuation(3) ? 4 : 0;
    }
    return 0;
}

bool Parser::readString(QString *out, bool *escaped)
{
    ++m_pos; // opening quote
    qsizetype runStart = m_pos;
    bool sawEscape = false;
    auto flushRun = [&] {
        if (out && m_pos > runStart)
            out->append(
                QString::fromUtf8(reinterpret_cast<const char *>(m_data + runStart), m_pos - runStart));
    };
    for (;;) {
        if (atEnd())
            return failUnexpected(u"'\"'");
        const uchar c = current();
        if (c == '"') {
            if (sawEscape)
                flushRun();
            else if (out)
                *out = QString::fromUtf8(reinterpret_cast<const char *>(m_data + runStart), m_pos - runStart);
            if (escaped)
                *escaped = sawEscape;
            ++m_pos;
            return true;
        }
        if (c == '\\') {
            flushRun();
            sawEscape = true;
            if (!readEscape(out))
                return false;
            runStart = m_pos;
        } else if (c < 0x20) {
            return fail(m_pos, QStringLiteral("unescaped control character ") + hexByte(c) +
                                   QStringLiteral(" in string"));
        } else if (c < 0x80) {
            ++m_pos;
        } else {
            const qsizetype length = utf8SequenceLength();
            if (length == 0)
                return fail(m_pos, QStringLiteral("invalid UTF-8"));
            m_pos += length;
        }
    }
}

bool Parser::readEscape(QString *out)
{
    const qsizetype escapeOffset = m_pos;
    ++m_pos; // backslash
    if (atEnd())
        return failUnexpected(u"an escape character");
    const uchar c = current();
    ++m_pos;
    const auto append = [out](auto character) {
        if (out)
            out->append(character);
    };
    switch (c) {
    case '"':
        append(QLatin1Char('"'));
        return true;
    case '\\':
        append(QLatin1Char('\\'));
        return true;
    case '/':
        append(QLatin1Char('/'));
        return true;
    case 'b':
        append(QLatin1Char('\b'));
        return true;
    case 'f':
        append(QLatin1Char('\f'));
        return true;
    case 'n':
        append(QLatin1Char('\n'));
        return true;
    case 'r':
        append(QLatin1Char('\r'));
        return true;
    case 't':
        append(QLatin1Char('\t'));
        return true;
    case 'u':
        break;
    default:
        --m_pos;
        return failUnexpected(u"an escape character");
    }

    char32_t unit = 0;
    if (!readHexQuad(unit))
        return false;
    auto unpaired = [&](char32_t surrogate) {
        return fail(escapeOffset, QStringLiteral("unpaired surrogate \\u") +
                                      QStringLiteral("%1").arg(uint(surrogate), 4, 16).toUpper());
    };
    if (isLowSurrogate(unit))
        return unpaired(unit);
    if (!isHighSurrogate(unit)) {
        append(QChar(char16_t(unit)));
        return true;
    }
    if (m_size - m_pos < 2 || m_data[m_pos] != '\\' || m_data[m_pos + 1] != 'u')
        return unpaired(unit);
    m_pos += 2;
    char32_t low = 0;
    if (!readHexQuad(low))
        return false;
    if (!isLowSurrogate(low))
        return unpaired(unit);
    append(QChar(char16_t(unit)));
    append(QChar(char16_t(low)));
    return true;
}

bool Parser::readHexQuad(char32_t &unit)
{
    for (int i = 0; i < 4; ++i) {
        const int digit = atEnd() ? -1 : hexValue(current());
        if (digit < 0)
            return failUnexpected(u"a hexadecimal digit");
        unit = unit * 16 + char32_t(digit);
        ++m_pos;
    }
    return true;
}

} // namespace

Expected<QJsonValue, StrictJson::ParseError> StrictJson::parse(QByteArrayView utf8, int maxDepth)
{
    return Parser(utf8, maxDepth).run();
}

Expected<QJsonObject, StrictJson::ParseError> StrictJson::parseObject(QByteArrayView utf8, int maxDepth)
{
    auto parsed = parse(utf8, maxDepth);
    if (!parsed)
        return unexpected(parsed.error());
    if (!parsed->isObject()) {
        qsizetype offset = 0;
        while (offset < utf8.size() && isJsonWhitespace(uchar(utf8[offset])))
            ++offset;
        return unexpected(
            ParseError{offset, QStringLiteral("expected a JSON object at byte ") + QString::number(offset)});
    }
    return parsed->toObject();
}

} // namespace mandate
