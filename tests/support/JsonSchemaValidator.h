#pragma once

#include "tests/support/JsonSchemaNode.h"

#include <QJsonObject>

namespace mandate::test {

// Applies a compiled schema to a value (JSON Schema 2020-12 semantics for the keywords
// JsonSchemaNode holds) and says, by JSON pointer, every way the value breaks it.
class JsonSchemaValidator
{
public:
    static QList<JsonSchemaViolation> validate(const JsonSchemaNode &schema, const QJsonValue &instance);

    // Shared with the compiler.
    static int typeBit(const QString &name); // 0 for an unknown type name
    static bool isKnownFormat(const QString &format);
    static std::optional<qint64> asInteger(const QJsonValue &value);
    static QString shown(const QJsonValue &value);

private:
    using Out = QList<JsonSchemaViolation>;
    static bool check(const JsonSchemaNode &node, const QJsonValue &instance, const QString &at, Out &out);
    static bool checkType(const JsonSchemaNode &node, const QJsonValue &instance, const QString &at,
                          Out &out);
    static bool checkObject(const JsonSchemaNode &node, const QJsonObject &object, const QString &at,
                            Out &out);
    static bool checkArray(const JsonSchemaNode &node, const QJsonArray &array, const QString &at, Out &out);
    static bool checkScalar(const JsonSchemaNode &node, const QJsonValue &instance, const QString &at,
                            Out &out);
    static bool checkApplicators(const JsonSchemaNode &node, const QJsonValue &instance, const QString &at,
                                 Out &out);
};

} // namespace mandate::test
