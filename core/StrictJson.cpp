#include "core/StrictJson.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <compare>
#include <limits>
#include <system_error>
#include <utility>

namespace mandate {

namespace {

struct Member
{
    QString key;
    qsizetype keyOffset = 0;
    QJsonValue value;
};

// One open array or object. Object members are collected and only turned into a QJsonObject when
// the object closes: QJsonObject keeps its keys sorted, so inserting them in arrival order would
// cost a memmove per key (quadratic for a hostile 100k-key object), while inserting them sorted
// appends. The same sort finds duplicate keys.
struct Frame
{
    bool isObject = false;
    QJsonArray array;
    QList<Member> members;
    QString pendingKey;
    qsizetype pendingKeyOffset = 0;
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
bool isWholeNumberWithinInt64(double number)
{
    constexpr double twoToThe63 = 9223372036854775808.0;
    return std::trunc(number) == number && std::fabs(number) < twoToThe63;
}

// Orders by key in UTF-16 code units (QJsonObject's own order), equal keys in document order.
std::strong_ordering compareMembers(const Member &a, const Member &b)
{
    const ushort *left = a.key.utf16();
    const ushort *right = b.key.utf16();
    const auto byKey =
        std::lexicographical_compare_three_way(left, left + a.key.size(), right, right + b.key.size());
    return byKey != 0 ? byKey : a.keyOffset <=> b.keyOffset;
}

// Sorts the members and returns the repeated key that comes first in the document, if any.
const Member *sortMembersAndFindDuplicate(QList<Member> &members)
{
    const auto less = [](const Member &a, const Member &b) {
        return compareMembers(a, b) < 0;
    };
    if (!std::is_sorted(members.cbegin(), members.cend(), less))
        std::sort(members.begin(), members.end(), less);
    const Member *duplicate = nullptr;
    for (qsizetype i = 1; i < members.size(); ++i) {
        const Member &member = members.at(i);
        if (member.key == members.at(i - 1).key && (!duplicate || member.keyOffset < duplicate->keyOffset))
            duplicate = &member;
    }
    return duplicate;
}

QJsonObject buildObject(const QList<Member> &sortedMembers)
{
    QJsonObject object;
    for (const Member &member : sortedMembers)
        object.insert(member.key, member.value);
    return object;
}

class Parser
{
public:
    Parser(QByteArrayView input, int maxDepth)
        : m_data(reinterpret_cast<const uchar *>(input.data()))
        , m_size(input.size())
        , m_maxDepth(maxDepth)
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

    bool openContainer(bool isObject);
    bool readKey(Frame &frame);
    bool readScalar(QJsonValue &value);
    bool readLiteral(QLatin1StringView literal);
    bool readNumber(QJsonValue &value);
    bool readString(QString &out);
    bool readEscape(QString &out);
    bool readHexQuad(char32_t &unit);
    qsizetype utf8SequenceLength() const;

    const uchar *m_data;
    qsizetype m_size;
    int m_maxDepth;
    qsizetype m_pos = 0;
    // Open containers, innermost last. Frames above m_depth are kept for reuse, so a document of
    // many small objects does not allocate a member list for each one.
    QList<Frame> m_frames;
    qsizetype m_depth = 0;
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
    // Containers are tracked on an explicit stack, so hostile nesting costs heap, never C++ stack.
    QJsonValue completed;
    for (;;) {
        skipWhitespace();
        bool haveValue = false;
        if (atEnd()) {
            failUnexpected(u"a value");
            return mandate::unexpected(m_error);
        }
        if (current() == '{' || current() == '[') {
            const bool isObject = current() == '{';
            if (!openContainer(isObject))
                return mandate::unexpected(m_error);
            skipWhitespace();
            const uchar closer = isObject ? '}' : ']';
            if (!atEnd() && current() == closer) {
                ++m_pos;
                completed = isObject ? QJsonValue(QJsonObject()) : QJsonValue(QJsonArray());
                --m_depth;
                haveValue = true;
            } else if (isObject) {
                if (!readKey(m_frames[m_depth - 1]))
                    return mandate::unexpected(m_error);
            }
        } else {
            if (!readScalar(completed))
                return mandate::unexpected(m_error);
            haveValue = true;
        }

        // Attach finished values to their parents and close every container that ends here, until
        // a ',' asks for the next value.
        while (haveValue) {
            if (m_depth == 0) {
                skipWhitespace();
                if (!atEnd()) {
                    fail(m_pos, QStringLiteral("trailing content after the JSON value"));
                    return mandate::unexpected(m_error);
                }
                return completed;
            }
            Frame &frame = m_frames[m_depth - 1];
            if (frame.isObject) {
                frame.members.append(
                    Member{std::move(frame.pendingKey), frame.pendingKeyOffset, std::move(completed)});
            } else {
                frame.array.append(completed);
            }
            skipWhitespace();
            const uchar closer = frame.isObject ? '}' : ']';
            if (!atEnd() && current() == ',') {
                ++m_pos;
                if (frame.isObject) {
                    skipWhitespace();
                    if (!readKey(frame))
                        return mandate::unexpected(m_error);
                }
                haveValue = false;
            } else if (!atEnd() && current() == closer) {
                ++m_pos;
                if (frame.isObject) {
                    if (const Member *duplicate = sortMembersAndFindDuplicate(frame.members)) {
                        fail(duplicate->keyOffset,
                             QStringLiteral("duplicate key \"%1\"").arg(shortened(duplicate->key)));
                        return mandate::unexpected(m_error);
                    }
                    completed = buildObject(frame.members);
                } else {
                    completed = std::exchange(frame.array, QJsonArray());
                }
                --m_depth;
            } else {
                failUnexpected(frame.isObject ? u"',' or '}'" : u"',' or ']'");
                return mandate::unexpected(m_error);
            }
        }
    }
}

bool Parser::openContainer(bool isObject)
{
    if (m_depth >= m_maxDepth)
        return fail(m_pos, QStringLiteral("nesting deeper than %1 levels").arg(m_maxDepth));
    ++m_pos;
    if (m_depth == m_frames.size())
        m_frames.emplaceBack();
    Frame &frame = m_frames[m_depth++];
    frame.isObject = isObject;
    frame.members.clear();
    return true;
}

// Reads `"key" :` and leaves the position at the member's value.
bool Parser::readKey(Frame &frame)
{
    if (atEnd() || current() != '"')
        return failUnexpected(u"a string key");
    const qsizetype keyOffset = m_pos;
    QString key;
    if (!readString(key))
        return false;
    skipWhitespace();
    if (atEnd() || current() != ':')
        return failUnexpected(u"':'");
    ++m_pos;
    frame.pendingKey = std::move(key);
    frame.pendingKeyOffset = keyOffset;
    return true;
}

bool Parser::readScalar(QJsonValue &value)
{
    switch (current()) {
    case '"': {
        QString text;
        if (!readString(text))
            return false;
        value = QJsonValue(text);
        return true;
    }
    case 't':
        value = QJsonValue(true);
        return readLiteral(QLatin1StringView("true"));
    case 'f':
        value = QJsonValue(false);
        return readLiteral(QLatin1StringView("false"));
    case 'n':
        value = QJsonValue(QJsonValue::Null);
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
bool Parser::readNumber(QJsonValue &value)
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
        value = QJsonValue(negative ? qint64(0 - magnitude) : qint64(magnitude));
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
    if (!isInteger && isWholeNumberWithinInt64(number))
        return fail(start, QStringLiteral("integral number written with a fraction or exponent"));
    value = QJsonValue(number);
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

bool Parser::readString(QString &out)
{
    ++m_pos; // opening quote
    qsizetype runStart = m_pos;
    bool escaped = false;
    auto flushRun = [&] {
        if (m_pos > runStart)
            out.append(
                QString::fromUtf8(reinterpret_cast<const char *>(m_data + runStart), m_pos - runStart));
    };
    for (;;) {
        if (atEnd())
            return failUnexpected(u"'\"'");
        const uchar c = current();
        if (c == '"') {
            if (escaped)
                flushRun();
            else
                out = QString::fromUtf8(reinterpret_cast<const char *>(m_data + runStart), m_pos - runStart);
            ++m_pos;
            return true;
        }
        if (c == '\\') {
            flushRun();
            escaped = true;
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

bool Parser::readEscape(QString &out)
{
    const qsizetype escapeOffset = m_pos;
    ++m_pos; // backslash
    if (atEnd())
        return failUnexpected(u"an escape character");
    const uchar c = current();
    ++m_pos;
    switch (c) {
    case '"':
        out.append(QLatin1Char('"'));
        return true;
    case '\\':
        out.append(QLatin1Char('\\'));
        return true;
    case '/':
        out.append(QLatin1Char('/'));
        return true;
    case 'b':
        out.append(QLatin1Char('\b'));
        return true;
    case 'f':
        out.append(QLatin1Char('\f'));
        return true;
    case 'n':
        out.append(QLatin1Char('\n'));
        return true;
    case 'r':
        out.append(QLatin1Char('\r'));
        return true;
    case 't':
        out.append(QLatin1Char('\t'));
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
        out.append(QChar(char16_t(unit)));
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
    out.append(QChar(char16_t(unit)));
    out.append(QChar(char16_t(low)));
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
