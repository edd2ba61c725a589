#include "core/CanonicalJsonWriter.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QVariant>

#include <algorithm>
#include <cmath>
#include <utility>

namespace mandate {

namespace {

void appendEscapedUtf8(QByteArray &out, const QByteArray &utf8)
{
    static constexpr char hexDigits[] = "0123456789abcdef";
    // Multi-byte UTF-8 sequences only contain bytes >= 0x80, so escaping byte-wise is safe.
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        switch (byte) {
        case '"':
            out.append("\\\"");
            break;
        case '\\':
            out.append("\\\\");
            break;
        case '\b':
            out.append("\\b");
            break;
        case '\f':
            out.append("\\f");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        case '\t':
            out.append("\\t");
            break;
        default:
            if (byte < 0x20) {
                out.append("\\u00");
                out.append(hexDigits[byte >> 4]);
                out.append(hexDigits[byte & 0x0f]);
            } else {
                out.append(c);
            }
        }
    }
}

} // namespace

CanonicalJsonWriter::CanonicalJsonWriter()
{
    m_out.reserve(512);
    m_levels.append(Level{});
}

void CanonicalJsonWriter::beforeValue()
{
    Level &level = m_levels.last();
    if (level.expectingValue) {
        level.expectingValue = false;
        return;
    }
    if (!level.first)
        m_out.append(',');
    level.first = false;
}

void CanonicalJsonWriter::beginObject()
{
    beforeValue();
    m_out.append('{');
    m_levels.append(Level{});
}

void CanonicalJsonWriter::endObject()
{
    Q_ASSERT(m_levels.size() > 1 && !m_levels.last().expectingValue);
    m_levels.removeLast();
    m_out.append('}');
}

void CanonicalJsonWriter::beginArray()
{
    beforeValue();
    m_out.append('[');
    m_levels.append(Level{});
}

void CanonicalJsonWriter::endArray()
{
    Q_ASSERT(m_levels.size() > 1);
    m_levels.removeLast();
    m_out.append(']');
}

void CanonicalJsonWriter::key(QStringView name)
{
    Level &level = m_levels.last();
#ifndef QT_NO_DEBUG
    Q_ASSERT_X(level.first || level.lastKey < name, "CanonicalJsonWriter::key",
               "keys out of canonical order");
    level.lastKey = name.toString();
#endif
    if (!level.first)
        m_out.append(',');
    level.first = false;
    appendQuoted(name);
    m_out.append(':');
    level.expectingValue = true;
}

void CanonicalJsonWriter::string(QStringView text)
{
    beforeValue();
    appendQuoted(text);
}

void CanonicalJsonWriter::canonical(const QByteArray &written)
{
    beforeValue();
    m_out.append(written);
}

void CanonicalJsonWriter::integer(qint64 number)
{
    beforeValue();
    m_out.append(QByteArray::number(number));
}

void CanonicalJsonWriter::null()
{
    beforeValue();
    m_out.append("null");
}

void CanonicalJsonWriter::boolean(bool flag)
{
    beforeValue();
    m_out.append(flag ? "true" : "false");
}

void CanonicalJsonWriter::appendQuoted(QStringView text)
{
    m_out.append('"');
    // Nearly every string written is printable ASCII: copied as is, with no UTF-8 conversion.
    const bool plainAscii = std::all_of(text.begin(), text.end(), [](QChar c) {
        return c.unicode() >= 0x20 && c.unicode() < 0x80 && c != u'"' && c != u'\\';
    });
    if (plainAscii) {
        const qsizetype at = m_out.size();
        m_out.resize(at + text.size());
        char *to = m_out.data() + at;
        for (const QChar c : text)
            *to++ = static_cast<char>(c.unicode());
    } else {
        appendEscapedUtf8(m_out, text.toUtf8());
    }
    m_out.append('"');
}

// ECMAScript Number::toString (what RFC 8785 prescribes) from the shortest round-trip digits.
void CanonicalJsonWriter::appendDouble(double number)
{
    if (!std::isfinite(number)) {
        // JSON has no spelling for these; QJsonDocument writes null as well.
        m_out.append("null");
        return;
    }
    if (number == 0) {
        m_out.append('0'); // also for -0, as ECMAScript does
        return;
    }
    if (number < 0) {
        m_out.append('-');
        number = -number;
    }
    // "d.ddde+XX": the shortest digits that round-trip, and the decimal exponent of the first one.
    const QByteArray scientific = QByteArray::number(number, 'e', QLocale::FloatingPointShortest);
    const qsizetype exponentAt = scientific.indexOf('e');
    QByteArray digits = scientific.left(exponentAt);
    digits.replace(".", "");
    const int exponent = scientific.mid(exponentAt + 1).toInt();
    const auto digitCount = static_cast<int>(digits.size());
    const int pointPosition = exponent + 1; // ECMAScript's n: value = 0.digits × 10^n

    if (digitCount <= pointPosition && pointPosition <= 21) {
        m_out.append(digits);
        m_out.append(QByteArray(pointPosition - digitCount, '0'));
    } else if (0 < pointPosition && pointPosition <= 21) {
        m_out.append(digits.left(pointPosition));
        m_out.append('.');
        m_out.append(digits.mid(pointPosition));
    } else if (-6 < pointPosition && pointPosition <= 0) {
        m_out.append("0.");
        m_out.append(QByteArray(-pointPosition, '0'));
        m_out.append(digits);
    } else {
        m_out.append(digits.left(1));
        if (digitCount > 1) {
            m_out.append('.');
            m_out.append(digits.mid(1));
        }
        m_out.append('e');
        m_out.append(exponent < 0 ? '-' : '+');
        m_out.append(QByteArray::number(std::abs(exponent)));
    }
}

void CanonicalJsonWriter::value(const QJsonValue &json)
{
    switch (json.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        null();
        return;
    case QJsonValue::Bool:
        boolean(json.toBool());
        return;
    case QJsonValue::Double: {
        // A QJsonValue remembers whether it was built from an integer; only its variant tells.
        const QVariant variant = json.toVariant();
        if (variant.typeId() == QMetaType::LongLong) {
            integer(variant.toLongLong());
        } else {
            beforeValue();
            appendDouble(json.toDouble());
        }
        return;
    }
    case QJsonValue::String:
        string(json.toString());
        return;
    case QJsonValue::Array:
        beginArray();
        for (const QJsonValue &element : json.toArray())
            value(element);
        endArray();
        return;
    case QJsonValue::Object: {
        const QJsonObject object = json.toObject();
        // Walked in the object's own order, which Qt keeps sorted; sorted here only if it is not.
        // QString's operator< compares UTF-16 code units, which is exactly the canonical order.
        using Member = std::pair<QString, QJsonObject::const_iterator>;
        QVarLengthArray<Member, 16> members;
        for (auto it = object.constBegin(); it != object.constEnd(); ++it)
            members.append({it.key(), it});
        const auto byKey = [](const Member &a, const Member &b) {
            return a.first < b.first;
        };
        if (!std::is_sorted(members.begin(), members.end(), byKey))
            std::sort(members.begin(), members.end(), byKey);
        beginObject();
        for (const Member &member : std::as_const(members)) {
            key(member.first);
            value(member.second.value());
        }
        endObject();
        return;
    }
    }
}

} // namespace mandate
