#pragma once

#include "core/FieldError.h"
#include "core/StrictJson.h"

#include <QJsonObject>
#include <QStringList>
#include <QtGlobal>

namespace mandate::test {

// Test JSON written by hand must parse; a typo in a fixture is a test bug, not a test result.
inline QJsonObject parse(const QByteArray &json)
{
    auto parsed = StrictJson::parseObject(json);
    if (!parsed)
        qFatal("invalid test JSON: %s", qPrintable(parsed.error().message));
    return parsed.value();
}

// "field: message" lines, so a failing comparison shows every error at once.
inline QStringList describe(const FieldErrors &errors)
{
    QStringList lines;
    for (const FieldError &error : errors)
        lines.append(error.field + QStringLiteral(": ") + error.message);
    return lines;
}

} // namespace mandate::test
