#pragma once

#include <QJsonValue>
#include <QString>

#include <optional>

namespace mandate {

// The contract writes an absent optional text as an explicit null, never as a missing field.
inline QJsonValue stringOrNull(const std::optional<QString> &text)
{
    return text ? QJsonValue(*text) : QJsonValue(QJsonValue::Null);
}

} // namespace mandate
