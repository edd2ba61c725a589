#pragma once

#include "tests/support/JsonSchemaNode.h"

#include <QHash>
#include <QJsonObject>

#include <deque>
#include <memory>

namespace mandate::test {

// A JSON Schema 2020-12 compiler for the keywords Mandate's OpenAPI document uses, and no more:
// a schema with a keyword (or format) it does not implement fails to compile, so the document
// cannot outgrow the check that guards it without anyone noticing. Schemas live in one document
// ("#/…" $refs resolve against it); each is compiled once and validated many times.
class JsonSchema
{
public:
    explicit JsonSchema(QJsonObject document);
    ~JsonSchema();
    JsonSchema(const JsonSchema &) = delete;
    JsonSchema &operator=(const JsonSchema &) = delete;

    // Compiles the schema at `pointer` ("#/components/schemas/Money") and everything it refers to;
    // nullptr with the reason when it uses a keyword, format or $ref this validator does not know.
    const JsonSchemaNode *compile(const QString &pointer, QString *error = nullptr);
    static QList<JsonSchemaViolation> validate(const JsonSchemaNode &schema, const QJsonValue &instance);

    // RFC 6901 in a URI fragment: "#/paths/~1v1~1me" → the value there; undefined when none.
    static QJsonValue resolve(const QJsonObject &document, const QString &pointer);
    static QString escapePointerToken(QString token);

private:
    JsonSchemaNode *compileAt(const QString &pointer, const QJsonValue &schema, QString *error);
    bool compileKeywords(JsonSchemaNode &node, const QJsonObject &schema, QString *error);

    QJsonObject m_document;
    std::deque<std::unique_ptr<JsonSchemaNode>> m_nodes;
    QHash<QString, JsonSchemaNode *> m_byPointer;
};

} // namespace mandate::test
