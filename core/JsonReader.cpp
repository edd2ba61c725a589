#include "core/JsonReader.h"

#include "core/Currency.h"
#include "core/Timestamp.h"

#include <QMetaType>
#include <QVariant>

#include <cmath>
#include <limits>

namespace mandate {

namespace {

bool holdsInteger(const QJsonValue &value)
{
    return value.toVariant().typeId() == QMetaType::LongLong;
}

// A whole number of magnitude ≥ 2^63 came from an integer literal too large for int64 (the double
// nearest to -2^63 - 1 is -2^63 itself), not from a fraction.
bool isIntegralBeyondInt64(double number)
{
    constexpr double twoToThe63 = 9223372036854775808.0;
    return std::trunc(number) == number && std::fabs(number) >= twoToThe63;
}

QString belowMinimumMessage(qint64 min, qint64 max)
{
    if (max != JsonReader::IntegerMax)
        return QStringLiteral("must be between %1 and %2").arg(min).arg(max);
    if (min == 0)
        return QStringLiteral("must not be negative");
    return QStringLiteral("must be at least %1").arg(min);
}

QString aboveMaximumMessage(qint64 min, qint64 max)
{
    if (max != JsonReader::IntegerMax)
        return QStringLiteral("must be between %1 and %2").arg(min).arg(max);
    return QStringLiteral("must be at most %1").arg(max);
}

// Where a value sits ("scopes[0].max_total"), spelled out only when a problem is reported there:
// most values have none, and spelling out every path cost a string per field read. The
// conversions below take one, so the same code serves a field ("max_total") and an array item
// ("spent[2]").
class ValuePath
{
public:
    // A field of the object at `parent` ("" for the top level).
    ValuePath(const QString &parent, QStringView key)
        : m_parent(parent)
        , m_key(key)
    {}
    // An item of the array at `parent`.
    ValuePath(const QString &parent, qsizetype index)
        : m_parent(parent)
        , m_index(index)
    {}

    QString toString() const
    {
        if (m_index >= 0)
            return m_parent + QLatin1Char('[') + QString::number(m_index) + QLatin1Char(']');
        if (m_parent.isEmpty())
            return m_key.toString();
        return m_parent + QLatin1Char('.') + m_key;
    }

private:
    const QString &m_parent;
    QStringView m_key;
    qsizetype m_index = -1;
};

void report(FieldErrors *errors, const ValuePath &path, const QString &message)
{
    errors->append(FieldError{path.toString(), message});
}

std::optional<QString> stringFrom(FieldErrors *errors, const ValuePath &path, const QJsonValue &value,
                                  qsizetype maxLength)
{
    if (!value.isString()) {
        report(errors, path, QStringLiteral("must be a string"));
        return std::nullopt;
    }
    QString text = value.toString();
    if (JsonReader::codePointCount(text) > maxLength) {
        report(errors, path, QStringLiteral("must be at most %1 characters").arg(maxLength));
        return std::nullopt;
    }
    return text;
}

std::optional<qint64> integerFrom(FieldErrors *errors, const ValuePath &path, const QJsonValue &value,
                                  qint64 min, qint64 max)
{
    if (!value.isDouble()) {
        report(errors, path, QStringLiteral("must be an integer"));
        return std::nullopt;
    }
    if (!holdsInteger(value)) {
        const double number = value.toDouble();
        if (isIntegralBeyondInt64(number))
            report(errors, path, number > 0 ? aboveMaximumMessage(min, max) : belowMinimumMessage(min, max));
        else
            report(errors, path, QStringLiteral("must be an integer (no fraction or exponent)"));
        return std::nullopt;
    }
    const qint64 integer = value.toInteger();
    if (integer < min) {
        report(errors, path, belowMinimumMessage(min, max));
        return std::nullopt;
    }
    if (integer > max) {
        report(errors, path, aboveMaximumMessage(min, max));
        return std::nullopt;
    }
    return integer;
}

std::optional<bool> boolFrom(FieldErrors *errors, const ValuePath &path, const QJsonValue &value)
{
    if (!value.isBool()) {
        report(errors, path, QStringLiteral("must be a boolean"));
        return std::nullopt;
    }
    return value.toBool();
}

std::optional<QDateTime> timestampFrom(FieldErrors *errors, const ValuePath &path, const QJsonValue &value)
{
    std::optional<QDateTime> timestamp;
    if (value.isString())
        timestamp = parseTimestamp(value.toString());
    if (!timestamp) {
        report(errors, path, QStringLiteral("must be an RFC 3339 timestamp such as 2026-12-03T10:00:00Z"));
        return std::nullopt;
    }
    return timestamp;
}

std::optional<JsonReader> objectFrom(FieldErrors *errors, const ValuePath &path, const QJsonValue &value)
{
    if (!value.isObject()) {
        report(errors, path, QStringLiteral("must be an object"));
        return std::nullopt;
    }
    return JsonReader(value.toObject(), path.toString(), errors);
}

// {"amount_minor": 12500, "currency": "EUR"}, nothing else.
std::optional<Money> moneyFrom(FieldErrors *errors, const ValuePath &path, const QJsonValue &value)
{
    auto object = objectFrom(errors, path, value);
    if (!object)
        return std::nullopt;
    const qsizetype errorsBefore = errors->size();
    const auto amount = object->requiredInteger(u"amount_minor", 0, JsonReader::IntegerMax);
    auto currency = object->requiredString(u"currency");
    if (currency && !Currency::isKnown(*currency)) {
        object->addError(u"currency", QStringLiteral("is not a known ISO 4217 currency"));
        currency.reset();
    }
    object->finish();
    if (errors->size() != errorsBefore)
        return std::nullopt;
    // Both halves were checked above, so of() cannot refuse them.
    return Money::of(*amount, *currency).value();
}

std::optional<Sensitivity> sensitivityFrom(FieldErrors *errors, const ValuePath &path,
                                           const QJsonValue &value)
{
    std::optional<Sensitivity> level;
    if (value.isString())
        level = sensitivityFromString(value.toString());
    if (!level)
        report(errors, path, QStringLiteral("must be one of public, internal, confidential, restricted"));
    return level;
}

std::optional<QJsonArray> arrayFrom(FieldErrors *errors, const ValuePath &path, const QJsonValue &value,
                                    qsizetype maxItems)
{
    if (!value.isArray()) {
        report(errors, path, QStringLiteral("must be an array"));
        return std::nullopt;
    }
    QJsonArray array = value.toArray();
    if (array.size() > maxItems) {
        report(errors, path, QStringLiteral("must have at most %1 items").arg(maxItems));
        return std::nullopt;
    }
    return array;
}

// Every item is converted, so each bad one is reported, and the list only comes back when all are good.
template <typename T, typename Convert>
std::optional<QList<T>> listFrom(FieldErrors *errors, const ValuePath &path, const QJsonValue &value,
                                 qsizetype maxItems, Convert convert)
{
    const auto array = arrayFrom(errors, path, value, maxItems);
    if (!array)
        return std::nullopt;
    const QString arrayPath = path.toString();
    QList<T> items;
    items.reserve(array->size());
    bool valid = true;
    for (qsizetype i = 0; i < array->size(); ++i) {
        if (auto item = convert(ValuePath(arrayPath, i), array->at(i)))
            items.append(std::move(*item));
        else
            valid = false;
    }
    if (!valid)
        return std::nullopt;
    return items;
}

std::optional<QStringList> stringListFrom(FieldErrors *errors, const ValuePath &path, const QJsonValue &value,
                                          qsizetype maxItems, qsizetype maxLength)
{
    return listFrom<QString>(errors, path, value, maxItems,
                             [&](const ValuePath &elementPath, const QJsonValue &item) {
                                 return stringFrom(errors, elementPath, item, maxLength);
                             });
}

} // namespace

qsizetype JsonReader::codePointCount(QStringView text)
{
    // A surrogate pair is one code point; StrictJson never produces an unpaired surrogate, and an
    // unpaired one counts as one character like any other unit.
    qsizetype count = text.size();
    for (qsizetype i = 1; i < text.size(); ++i) {
        if (text[i].isLowSurrogate() && text[i - 1].isHighSurrogate())
            --count;
    }
    return count;
}

JsonReader::JsonReader(QJsonObject object, QString path, FieldErrors *errors)
    : m_object(std::move(object))
    , m_path(std::move(path))
    , m_errors(errors)
    , m_read(m_object.size(), false)
{}

QString JsonReader::pathOf(QStringView key) const
{
    return ValuePath(m_path, key).toString();
}

bool JsonReader::has(QStringView key) const
{
    const auto it = m_object.constFind(key);
    return it != m_object.constEnd() && !it->isNull();
}

void JsonReader::addError(QStringView key, const QString &message)
{
    report(m_errors, ValuePath(m_path, key), message);
}

QString JsonReader::arrayPath(QStringView key, qsizetype index) const
{
    const QString arrayPath = pathOf(key);
    return ValuePath(arrayPath, index).toString();
}

QJsonValue JsonReader::take(QStringView key)
{
    const auto it = m_object.constFind(key);
    if (it == m_object.constEnd())
        return QJsonValue(QJsonValue::Undefined);
    m_read[it - m_object.constBegin()] = true;
    return it.value();
}

std::optional<QJsonValue> JsonReader::takeRequired(QStringView key)
{
    QJsonValue value = take(key);
    if (value.isUndefined() || value.isNull()) {
        addError(key, QStringLiteral("is required"));
        return std::nullopt;
    }
    return value;
}

std::optional<QJsonValue> JsonReader::takeOptional(QStringView key)
{
    QJsonValue value = take(key);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    return value;
}

std::optional<QString> JsonReader::requiredString(QStringView key, qsizetype maxLength)
{
    const auto value = takeRequired(key);
    return value ? stringFrom(m_errors, ValuePath(m_path, key), *value, maxLength) : std::nullopt;
}

std::optional<QString> JsonReader::optionalString(QStringView key, qsizetype maxLength)
{
    const auto value = takeOptional(key);
    return value ? stringFrom(m_errors, ValuePath(m_path, key), *value, maxLength) : std::nullopt;
}

std::optional<QString> JsonReader::requiredNonEmptyString(QStringView key, qsizetype maxLength)
{
    auto text = requiredString(key, maxLength);
    if (text && text->isEmpty()) {
        addError(key, QStringLiteral("must not be empty"));
        return std::nullopt;
    }
    return text;
}

std::optional<qint64> JsonReader::requiredInteger(QStringView key, qint64 min, qint64 max)
{
    const auto value = takeRequired(key);
    return value ? integerFrom(m_errors, ValuePath(m_path, key), *value, min, max) : std::nullopt;
}

std::optional<qint64> JsonReader::optionalInteger(QStringView key, qint64 min, qint64 max)
{
    const auto value = takeOptional(key);
    return value ? integerFrom(m_errors, ValuePath(m_path, key), *value, min, max) : std::nullopt;
}

std::optional<bool> JsonReader::requiredBool(QStringView key)
{
    const auto value = takeRequired(key);
    return value ? boolFrom(m_errors, ValuePath(m_path, key), *value) : std::nullopt;
}

std::optional<bool> JsonReader::optionalBool(QStringView key)
{
    const auto value = takeOptional(key);
    return value ? boolFrom(m_errors, ValuePath(m_path, key), *value) : std::nullopt;
}

std::optional<QDateTime> JsonReader::requiredTimestamp(QStringView key)
{
    const auto value = takeRequired(key);
    return value ? timestampFrom(m_errors, ValuePath(m_path, key), *value) : std::nullopt;
}

std::optional<QDateTime> JsonReader::optionalTimestamp(QStringView key)
{
    const auto value = takeOptional(key);
    return value ? timestampFrom(m_errors, ValuePath(m_path, key), *value) : std::nullopt;
}

std::optional<Money> JsonReader::requiredMoney(QStringView key)
{
    const auto value = takeRequired(key);
    return value ? moneyFrom(m_errors, ValuePath(m_path, key), *value) : std::nullopt;
}

std::optional<Money> JsonReader::optionalMoney(QStringView key)
{
    const auto value = takeOptional(key);
    return value ? moneyFrom(m_errors, ValuePath(m_path, key), *value) : std::nullopt;
}

std::optional<Sensitivity> JsonReader::requiredSensitivity(QStringView key)
{
    const auto value = takeRequired(key);
    return value ? sensitivityFrom(m_errors, ValuePath(m_path, key), *value) : std::nullopt;
}

std::optional<Sensitivity> JsonReader::optionalSensitivity(QStringView key)
{
    const auto value = takeOptional(key);
    return value ? sensitivityFrom(m_errors, ValuePath(m_path, key), *value) : std::nullopt;
}

std::optional<JsonReader> JsonReader::requiredObject(QStringView key)
{
    const auto value = takeRequired(key);
    return value ? objectFrom(m_errors, ValuePath(m_path, key), *value) : std::nullopt;
}

std::optional<JsonReader> JsonReader::optionalObject(QStringView key)
{
    const auto value = takeOptional(key);
    return value ? objectFrom(m_errors, ValuePath(m_path, key), *value) : std::nullopt;
}

std::optional<QJsonObject> JsonReader::optionalRawObject(QStringView key)
{
    const auto value = takeOptional(key);
    if (!value)
        return std::nullopt;
    if (!value->isObject()) {
        report(m_errors, ValuePath(m_path, key), QStringLiteral("must be an object"));
        return std::nullopt;
    }
    return value->toObject();
}

std::optional<QJsonArray> JsonReader::requiredArray(QStringView key, qsizetype maxItems)
{
    const auto value = takeRequired(key);
    return value ? arrayFrom(m_errors, ValuePath(m_path, key), *value, maxItems) : std::nullopt;
}

std::optional<QJsonArray> JsonReader::optionalArray(QStringView key, qsizetype maxItems)
{
    const auto value = takeOptional(key);
    return value ? arrayFrom(m_errors, ValuePath(m_path, key), *value, maxItems) : std::nullopt;
}

std::optional<JsonReader> JsonReader::arrayObject(QStringView key, const QJsonArray &array, qsizetype index)
{
    const QString arrayPath = pathOf(key);
    return objectFrom(m_errors, ValuePath(arrayPath, index), array.at(index));
}

std::optional<QStringList> JsonReader::requiredStringArray(QStringView key, qsizetype maxItems,
                                                           qsizetype maxLength)
{
    const auto value = takeRequired(key);
    return value ? stringListFrom(m_errors, ValuePath(m_path, key), *value, maxItems, maxLength)
                 : std::nullopt;
}

std::optional<QStringList> JsonReader::optionalStringArray(QStringView key, qsizetype maxItems,
                                                           qsizetype maxLength)
{
    const auto value = takeOptional(key);
    return value ? stringListFrom(m_errors, ValuePath(m_path, key), *value, maxItems, maxLength)
                 : std::nullopt;
}

std::optional<QList<Money>> JsonReader::requiredMoneyArray(QStringView key, qsizetype maxItems)
{
    const auto value = takeRequired(key);
    if (!value)
        return std::nullopt;
    return listFrom<Money>(
        m_errors, ValuePath(m_path, key), *value, maxItems,
        [this](const ValuePath &path, const QJsonValue &item) { return moneyFrom(m_errors, path, item); });
}

void JsonReader::finish()
{
    qsizetype index = 0;
    for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it, ++index) {
        if (!m_read[index])
            addError(it.key(), QStringLiteral("unknown field"));
    }
}

} // namespace mandate
