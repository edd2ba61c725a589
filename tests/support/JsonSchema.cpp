#include "tests/support/JsonSchema.h"

#include "tests/support/JsonSchemaValidator.h"

#include <QSet>
#include <QUrl>

namespace mandate::test {

namespace {

// Keywords that only annotate: they never make a value invalid. Extensions ("x-…") too.
bool isAnnotation(const QString &keyword)
{
    static const QSet<QString> words{
        QStringLiteral("description"), QStringLiteral("title"),    QStringLiteral("examples"),
        QStringLiteral("example"),     QStringLiteral("readOnly"), QStringLiteral("writeOnly"),
        QStringLiteral("deprecated"),  QStringLiteral("default"),  QStringLiteral("$comment")};
    return words.contains(keyword) || keyword.startsWith(QStringLiteral("x-"));
}

} // namespace

JsonSchema::JsonSchema(QJsonObject document)
    : m_document(std::move(document))
{}

JsonSchema::~JsonSchema() = default;

QString JsonSchema::escapePointerToken(QString token)
{
    return token.replace(u'~', QStringLiteral("~0")).replace(u'/', QStringLiteral("~1"));
}

QJsonValue JsonSchema::resolve(const QJsonObject &document, const QString &pointer)
{
    if (!pointer.startsWith(u'#'))
        return QJsonValue(QJsonValue::Undefined);
    QJsonValue here = document;
    const QString path = QUrl::fromPercentEncoding(pointer.mid(1).toUtf8());
    if (path.isEmpty())
        return here;
    if (!path.startsWith(u'/'))
        return QJsonValue(QJsonValue::Undefined);
    for (QString token : path.mid(1).split(u'/')) {
        token.replace(QStringLiteral("~1"), QStringLiteral("/"))
            .replace(QStringLiteral("~0"), QStringLiteral("~"));
        if (here.isObject()) {
            here = here.toObject().value(token);
        } else if (here.isArray()) {
            bool ok = false;
            const int index = token.toInt(&ok);
            here = ok ? here.toArray().at(index) : QJsonValue(QJsonValue::Undefined);
        } else {
            return QJsonValue(QJsonValue::Undefined);
        }
        if (here.isUndefined())
            break;
    }
    return here;
}

const JsonSchemaNode *JsonSchema::compile(const QString &pointer, QString *error)
{
    const QJsonValue schema = resolve(m_document, pointer);
    if (schema.isUndefined()) {
        if (error)
            *error = QStringLiteral("no schema at %1").arg(pointer);
        return nullptr;
    }
    return compileAt(pointer, schema, error);
}

JsonSchemaNode *JsonSchema::compileAt(const QString &pointer, const QJsonValue &schema, QString *error)
{
    if (JsonSchemaNode *known = m_byPointer.value(pointer))
        return known;
    auto owned = std::make_unique<JsonSchemaNode>();
    JsonSchemaNode *node = owned.get();
    node->pointer = pointer;
    m_nodes.push_back(std::move(owned));
    // Registered before its keywords compile, so a schema that refers to itself terminates.
    m_byPointer.insert(pointer, node);
    if (schema.isBool()) {
        node->constant = schema.toBool();
        return node;
    }
    if (!schema.isObject()) {
        if (error)
            *error = QStringLiteral("%1: a schema must be an object or a boolean").arg(pointer);
        return nullptr;
    }
    if (compileKeywords(*node, schema.toObject(), error))
        return node;
    m_byPointer.remove(pointer);
    return nullptr;
}

bool JsonSchema::compileKeywords(JsonSchemaNode &node, const QJsonObject &schema, QString *error)
{
    const auto fail = [&](const QString &why) {
        if (error)
            *error = node.pointer + QStringLiteral(": ") + why;
        return false;
    };
    const auto sub = [&](const QString &keyword, const QJsonValue &value, const JsonSchemaNode **into) {
        *into = compileAt(node.pointer + u'/' + escapePointerToken(keyword), value, error);
        return *into != nullptr;
    };
    const auto list = [&](const QString &keyword, const QJsonValue &value,
                          QList<const JsonSchemaNode *> &into) {
        if (!value.isArray() || value.toArray().isEmpty())
            return fail(keyword + QStringLiteral(" must be a non-empty array"));
        for (qsizetype i = 0; i < value.toArray().size(); ++i) {
            const JsonSchemaNode *branch = compileAt(
                node.pointer + u'/' + keyword + u'/' + QString::number(i), value.toArray()[i], error);
            if (!branch)
                return false;
            into.append(branch);
        }
        return true;
    };
    const auto count = [&](const QString &keyword, const QJsonValue &value, qint64 &into) {
        const auto n = JsonSchemaValidator::asInteger(value);
        if (!n || *n < 0)
            return fail(keyword + QStringLiteral(" must be a non-negative integer"));
        into = *n;
        return true;
    };

    for (auto it = schema.begin(); it != schema.end(); ++it) {
        const QString key = it.key();
        const QJsonValue value = it.value();
        bool ok = true;
        if (isAnnotation(key)) {
            continue;
        } else if (key == QStringLiteral("type")) {
            const QJsonArray names = value.isArray() ? value.toArray() : QJsonArray{value};
            for (const QJsonValue &name : names) {
                const int bit = JsonSchemaValidator::typeBit(name.toString());
                if (bit == 0)
                    return fail(QStringLiteral("unknown type ") + JsonSchemaValidator::shown(name));
                node.types |= bit;
            }
        } else if (key == QStringLiteral("enum")) {
            if (!value.isArray())
                return fail(QStringLiteral("enum must be an array"));
            node.enumValues = value.toArray();
        } else if (key == QStringLiteral("const")) {
            node.constValue = value;
        } else if (key == QStringLiteral("properties")) {
            const QJsonObject properties = value.toObject();
            for (auto p = properties.begin(); p != properties.end(); ++p) {
                const JsonSchemaNode *property =
                    compileAt(node.at("properties") + u'/' + escapePointerToken(p.key()), p.value(), error);
                if (!property)
                    return false;
                node.properties.append({p.key(), property});
            }
        } else if (key == QStringLiteral("required")) {
            for (const QJsonValue &name : value.toArray())
                node.required.append(name.toString());
        } else if (key == QStringLiteral("additionalProperties")) {
            ok = sub(key, value, &node.additionalProperties);
        } else if (key == QStringLiteral("propertyNames")) {
            ok = sub(key, value, &node.propertyNames);
        } else if (key == QStringLiteral("items")) {
            ok = sub(key, value, &node.items);
        } else if (key == QStringLiteral("allOf")) {
            ok = list(key, value, node.allOf);
        } else if (key == QStringLiteral("anyOf")) {
            ok = list(key, value, node.anyOf);
        } else if (key == QStringLiteral("oneOf")) {
            ok = list(key, value, node.oneOf);
        } else if (key == QStringLiteral("not")) {
            ok = sub(key, value, &node.notSchema);
        } else if (key == QStringLiteral("if")) {
            ok = sub(key, value, &node.ifSchema);
        } else if (key == QStringLiteral("then")) {
            ok = sub(key, value, &node.thenSchema);
        } else if (key == QStringLiteral("else")) {
            ok = sub(key, value, &node.elseSchema);
        } else if (key == QStringLiteral("$ref")) {
            const QString target = value.toString();
            if (!target.startsWith(u'#'))
                return fail(QStringLiteral("only local $refs are supported, not ") + target);
            node.ref = compile(target, error);
            ok = node.ref != nullptr;
        } else if (key == QStringLiteral("minimum") || key == QStringLiteral("maximum") ||
                   key == QStringLiteral("exclusiveMinimum") || key == QStringLiteral("exclusiveMaximum")) {
            if (!value.isDouble())
                return fail(key + QStringLiteral(" must be a number"));
            (key == QStringLiteral("minimum")            ? node.minimum
             : key == QStringLiteral("maximum")          ? node.maximum
             : key == QStringLiteral("exclusiveMinimum") ? node.exclusiveMinimum
                                                         : node.exclusiveMaximum) = value;
        } else if (key == QStringLiteral("minLength")) {
            ok = count(key, value, node.minLength);
        } else if (key == QStringLiteral("maxLength")) {
            ok = count(key, value, node.maxLength);
        } else if (key == QStringLiteral("minItems")) {
            ok = count(key, value, node.minItems);
        } else if (key == QStringLiteral("maxItems")) {
            ok = count(key, value, node.maxItems);
        } else if (key == QStringLiteral("minProperties")) {
            ok = count(key, value, node.minProperties);
        } else if (key == QStringLiteral("maxProperties")) {
            ok = count(key, value, node.maxProperties);
        } else if (key == QStringLiteral("uniqueItems")) {
            node.uniqueItems = value.toBool();
        } else if (key == QStringLiteral("pattern")) {
            QRegularExpression pattern(value.toString());
            if (!pattern.isValid())
                return fail(QStringLiteral("pattern does not compile: ") + pattern.errorString());
            pattern.optimize();
            node.pattern = pattern;
        } else if (key == QStringLiteral("format")) {
            if (!JsonSchemaValidator::isKnownFormat(value.toString()))
                return fail(
                    QStringLiteral("format \"%1\" is not supported by this validator").arg(value.toString()));
            node.format = value.toString();
        } else {
            return fail(QStringLiteral("keyword \"%1\" is not supported by this validator").arg(key));
        }
        if (!ok)
            return false;
    }
    return true;
}

QList<JsonSchemaViolation> JsonSchema::validate(const JsonSchemaNode &schema, const QJsonValue &instance)
{
    return JsonSchemaValidator::validate(schema, instance);
}

} // namespace mandate::test
