#pragma once

#include <QJsonArray>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <optional>

namespace mandate::test {

// One compiled JSON Schema: its keywords parsed once, its subschemas and $ref target linked.
// JsonSchema builds and owns these; JsonSchemaValidator reads them.
struct JsonSchemaNode
{
    enum TypeBit
    {
        Null = 1,
        Boolean = 2,
        Object = 4,
        Array = 8,
        Number = 16,
        String = 32,
        Integer = 64
    };

    QString pointer;              // where the schema sits in its document
    std::optional<bool> constant; // a boolean schema
    int types = 0;                // TypeBit mask; 0 when `type` is absent
    std::optional<QJsonArray> enumValues;
    std::optional<QJsonValue> constValue;
    QList<QPair<QString, const JsonSchemaNode *>> properties;
    QStringList required;
    const JsonSchemaNode *additionalProperties = nullptr;
    const JsonSchemaNode *propertyNames = nullptr;
    const JsonSchemaNode *items = nullptr;
    QList<const JsonSchemaNode *> allOf, anyOf, oneOf;
    const JsonSchemaNode *notSchema = nullptr;
    const JsonSchemaNode *ifSchema = nullptr;
    const JsonSchemaNode *thenSchema = nullptr;
    const JsonSchemaNode *elseSchema = nullptr;
    const JsonSchemaNode *ref = nullptr;
    std::optional<QJsonValue> minimum, maximum, exclusiveMinimum, exclusiveMaximum;
    qint64 minLength = -1, maxLength = -1, minItems = -1, maxItems = -1, minProperties = -1,
           maxProperties = -1;
    bool uniqueItems = false;
    std::optional<QRegularExpression> pattern;
    QString format;

    QString at(const char *keyword) const { return pointer + u'/' + QLatin1String(keyword); }
};

// One way a value breaks a schema.
struct JsonSchemaViolation
{
    QString instancePointer; // RFC 6901 pointer into the validated value, "" for the root
    QString rule;            // what failed, in words, starting with the keyword
    QString schemaPointer;   // where the failing keyword sits in the document

    QString toString() const
    {
        return (instancePointer.isEmpty() ? QStringLiteral("(root)") : instancePointer) +
               QStringLiteral(": ") + rule + QStringLiteral(" [") + schemaPointer + u']';
    }
};

} // namespace mandate::test
