#pragma once

#include "core/FieldError.h"
#include "core/Money.h"
#include "core/Sensitivity.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVarLengthArray>

#include <limits>
#include <optional>

namespace mandate {

// Reads one JSON object field by field against a contract, recording every problem with its full
// path ("scopes[0].max_total.currency") instead of stopping at the first. Call finish() last: any
// field that was never read is reported as unknown, so a typo can never silently drop a limit.
//
// Optional readers treat an absent field and an explicit null alike; a required field that is
// absent or null is reported as "is required". String lengths are counted in Unicode code points
// (what a person calls characters), not in UTF-16 units or bytes. Integers are only accepted from
// integer QJsonValues (see StrictJson): a fraction, an exponent or a value beyond int64 is refused.
class JsonReader
{
public:
    static constexpr qsizetype DefaultMaxStringLength = 4096;
    static constexpr qint64 IntegerMin = std::numeric_limits<qint64>::min();
    static constexpr qint64 IntegerMax = std::numeric_limits<qint64>::max();

    static qsizetype codePointCount(QStringView text);

    JsonReader(QJsonObject object, QString path, FieldErrors *errors);

    // The path of a field of this object ("scopes[0]" + "action" → "scopes[0].action").
    QString pathOf(QStringView key) const;
    bool has(QStringView key) const;
    void addError(QStringView key, const QString &message);

    std::optional<QString> requiredString(QStringView key, qsizetype maxLength = DefaultMaxStringLength);
    std::optional<QString> optionalString(QStringView key, qsizetype maxLength = DefaultMaxStringLength);
    // Ids and names: "" is reported as "must not be empty".
    std::optional<QString> requiredNonEmptyString(QStringView key,
                                                  qsizetype maxLength = DefaultMaxStringLength);
    std::optional<qint64> requiredInteger(QStringView key, qint64 min, qint64 max);
    std::optional<qint64> optionalInteger(QStringView key, qint64 min, qint64 max);
    std::optional<bool> requiredBool(QStringView key);
    std::optional<bool> optionalBool(QStringView key);
    std::optional<QDateTime> requiredTimestamp(QStringView key);
    std::optional<QDateTime> optionalTimestamp(QStringView key);
    std::optional<Money> requiredMoney(QStringView key);
    std::optional<Money> optionalMoney(QStringView key);
    std::optional<Sensitivity> requiredSensitivity(QStringView key);
    std::optional<Sensitivity> optionalSensitivity(QStringView key);
    // A nested object, read by a reader of its own that shares this reader's error list.
    std::optional<JsonReader> requiredObject(QStringView key);
    std::optional<JsonReader> optionalObject(QStringView key);
    // The raw object, for free-form fields such as "context" or "data".
    std::optional<QJsonObject> optionalRawObject(QStringView key);
    std::optional<QJsonArray> requiredArray(QStringView key, qsizetype maxItems);
    std::optional<QJsonArray> optionalArray(QStringView key, qsizetype maxItems);
    // A reader for element `index` of an array field that must hold objects.
    std::optional<JsonReader> arrayObject(QStringView key, const QJsonArray &array, qsizetype index);
    QString arrayPath(QStringView key, qsizetype index) const;

    // An array whose every item is a string, each item's problem addressed as "destinations[2]".
    std::optional<QStringList> requiredStringArray(QStringView key, qsizetype maxItems,
                                                   qsizetype maxLength = DefaultMaxStringLength);
    std::optional<QStringList> optionalStringArray(QStringView key, qsizetype maxItems,
                                                   qsizetype maxLength = DefaultMaxStringLength);

    // An array of money objects ("spent"), each item's problem addressed as "spent[1].currency".
    std::optional<QList<Money>> requiredMoneyArray(QStringView key, qsizetype maxItems);

    // Reports every field that no reader method touched.
    void finish();
    FieldErrors *errors() const { return m_errors; }

private:
    QJsonValue take(QStringView key);
    // The value of a required field, or nothing (with "is required" recorded) when absent or null.
    std::optional<QJsonValue> takeRequired(QStringView key);
    // The value of an optional field, or nothing when absent or null.
    std::optional<QJsonValue> takeOptional(QStringView key);

    QJsonObject m_object;
    QString m_path;
    FieldErrors *m_errors;
    // Which of the object's fields were read, in the object's order.
    QVarLengthArray<bool, 16> m_read;
};

} // namespace mandate
