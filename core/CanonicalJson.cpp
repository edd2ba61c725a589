#include "core/CanonicalJson.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QStringList>
#include <QVariant>

#include <algorithm>
#include <cmath>

namespace mandate {

namespace {

void appendValue(QByteArray &out, const QJsonValue &value);

void appendString(QByteArray &out, const QString &text)
{
    static constexpr char hexDigits[] = "0123456789abcdef";
    out.append('"');
    // Multi-byte UTF-8 sequences only contain bytes >= 0x80, so escaping byte-wise is safe.
    for (const char c : text.toUtf8()) {
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
    out.append('"');
}

// ECMAScript Number::toString (what RFC 8785 prescribes) from the shortest round-trip digits.
void appendDouble(QByteArray &out, double number)
{
    if (!std::isfinite(number)) {
        // JSON has no spelling for these; QJsonDocument writes null as well.
        out.append("null");
        return;
    }
    if (number == 0) {
        out.append('0'); // also for -0, as ECMAScript does
        return;
    }
    if (number < 0) {
        out.append('-');
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
        out.append(digits);
        out.append(QByteArray(pointPosition - digitCount, '0'));
    } else if (0 < pointPosition && pointPosition <= 21) {
        out.append(digits.left(pointPosition));
        out.append('.');
        out.append(digits.mid(pointPosition));
    } else if (-6 < pointPosition && pointPosition <= 0) {
        out.append("0.");
        out.append(QByteArray(-pointPosition, '0'));
        out.append(digits);
    } else {
        out.append(digits.left(1));
        if (digitCount > 1) {
            out.append('.');
            out.append(digits.mid(1));
        }
        out.append('e');
        out.append(exponent < 0 ? '-' : '+');
        out.append(QByteArray::number(std::abs(exponent)));
    }
}

void appendNumber(QByteArray &out, const QJsonValue &value)
{
    // A QJsonValue remembers whether it was built from an integer; only its variant tells.
    const QVariant variant = value.toVariant();
    if (variant.typeId() == QMetaType::LongLong) {
        out.append(QByteArray::number(variant.toLongLong()));
        return;
    }
    appendDouble(out, value.toDouble());
}

void appendObject(QByteArray &out, const QJsonObject &object)
{
    QStringList keys = object.keys();
    // QString's operator< compares UTF-16 code units, which is exactly the canonical order.
    std::sort(keys.begin(), keys.end());
    out.append('{');
    bool first = true;
    for (const QString &key : std::as_const(keys)) {
        if (!first) {
            out.append(',');
        }
        first = false;
        appendString(out, key);
        out.append(':');
        appendValue(out, object.value(key));
    }
    out.append('}');
}

void appendArray(QByteArray &out, const QJsonArray &array)
{
    out.append('[');
    bool first = true;
    for (const QJsonValue &element : array) {
        if (!first) {
            out.append(',');
        }
        first = false;
        appendValue(out, element);
    }
    out.append(']');
}

void appendValue(QByteArray &out, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out.append("null");
        break;
    case QJsonValue::Bool:
        out.append(value.toBool() ? "true" : "false");
        break;
    case QJsonValue::Double:
        appendNumber(out, value);
        break;
    case QJsonValue::String:
        appendString(out, value.toString());
        break;
    case QJsonValue::Array:
        appendArray(out, value.toArray());
        break;
    case QJsonValue::Object:
        appendObject(out, value.toObject());
        break;
    }
}

} // namespace

QByteArray CanonicalJson::serialize(const QJsonValue &value)
{
    QByteArray out;
    appendValue(out, value);
    return out;
}

} // namespace mandate
