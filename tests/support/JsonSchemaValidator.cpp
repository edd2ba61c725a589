#include "tests/support/JsonSchemaValidator.h"

#include "tests/support/JsonSchema.h"

#include <QJsonDocument>
#include <QSet>

#include <cmath>

namespace mandate::test {

namespace {

using Node = JsonSchemaNode;

const QList<QPair<QString, int>> &typeNames()
{
    static const QList<QPair<QString, int>> names{
        {QStringLiteral("array"), Node::Array},     {QStringLiteral("boolean"), Node::Boolean},
        {QStringLiteral("integer"), Node::Integer}, {QStringLiteral("null"), Node::Null},
        {QStringLiteral("number"), Node::Number},   {QStringLiteral("object"), Node::Object},
        {QStringLiteral("string"), Node::String}};
    return names;
}

bool isWholeNumber(const QJsonValue &value)
{
    if (JsonSchemaValidator::asInteger(value))
        return true;
    const double d = value.toDouble();
    return value.isDouble() && std::isfinite(d) && std::floor(d) == d;
}

// <0, 0, >0 like a three-way comparison; exact for 64-bit integers, which doubles are not.
int compareNumbers(const QJsonValue &a, const QJsonValue &b)
{
    const auto ia = JsonSchemaValidator::asInteger(a);
    const auto ib = JsonSchemaValidator::asInteger(b);
    if (ia && ib)
        return *ia < *ib ? -1 : (*ia > *ib ? 1 : 0);
    const double da = a.toDouble();
    const double db = b.toDouble();
    return da < db ? -1 : (da > db ? 1 : 0);
}

// JSON Schema counts string length in code points, not UTF-16 units.
qint64 codePoints(const QString &text)
{
    qint64 count = 0;
    for (const QChar c : text)
        count += c.isLowSurrogate() ? 0 : 1;
    return count;
}

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("boolean");
    case QJsonValue::Double:
        return isWholeNumber(value) ? QStringLiteral("integer") : QStringLiteral("number");
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Array:
        return QStringLiteral("array");
    case QJsonValue::Object:
        return QStringLiteral("object");
    default:
        return QStringLiteral("undefined");
    }
}

bool formatHolds(const QString &format, const QJsonValue &value)
{
    if (format == QStringLiteral("date-time") && value.isString()) {
        static const QRegularExpression rfc3339(QStringLiteral(
            "^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])[Tt]([01]\\d|2[0-3]):[0-5]\\d:([0-5]\\d|60)"
            "(\\.\\d+)?([Zz]|[+-]([01]\\d|2[0-3]):[0-5]\\d)$"));
        return rfc3339.match(value.toString()).hasMatch();
    }
    if (format == QStringLiteral("int32") && value.isDouble()) {
        const auto i = JsonSchemaValidator::asInteger(value);
        return i && *i >= INT32_MIN && *i <= INT32_MAX;
    }
    if (format == QStringLiteral("int64") && value.isDouble())
        return isWholeNumber(value) == JsonSchemaValidator::asInteger(value).has_value();
    return true;
}

QString member(const QString &at, const QString &name)
{
    return at + u'/' + JsonSchema::escapePointerToken(name);
}

// The violations of the branch that came closest, so a failed anyOf still points at a member.
QString closest(const QList<QList<JsonSchemaViolation>> &branches)
{
    qsizetype best = 0;
    for (qsizetype i = 1; i < branches.size(); ++i) {
        if (branches[i].size() < branches[best].size())
            best = i;
    }
    QStringList lines;
    for (const JsonSchemaViolation &v : branches.value(best))
        lines.append(v.toString());
    return QStringLiteral("closest is #%1: %2").arg(best).arg(lines.join(QStringLiteral("; ")));
}

} // namespace

int JsonSchemaValidator::typeBit(const QString &name)
{
    for (const auto &[typeName, bit] : typeNames()) {
        if (typeName == name)
            return bit;
    }
    return 0;
}

bool JsonSchemaValidator::isKnownFormat(const QString &format)
{
    // "password" is only a hint to user interfaces; the others are checked.
    static const QSet<QString> formats{QStringLiteral("date-time"), QStringLiteral("int32"),
                                       QStringLiteral("int64"), QStringLiteral("password")};
    return formats.contains(format);
}

std::optional<qint64> JsonSchemaValidator::asInteger(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const qint64 a = value.toInteger(0);
    if (a == 0 && value.toInteger(1) != 0)
        return std::nullopt;
    return a;
}

QString JsonSchemaValidator::shown(const QJsonValue &value)
{
    const QString text =
        QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact).chopped(1).mid(1));
    return text.size() > 80 ? text.left(77) + QStringLiteral("...") : text;
}

QList<JsonSchemaViolation> JsonSchemaValidator::validate(const JsonSchemaNode &schema,
                                                         const QJsonValue &instance)
{
    Out out;
    check(schema, instance, QString(), out);
    return out;
}

bool JsonSchemaValidator::check(const Node &node, const QJsonValue &instance, const QString &at, Out &out)
{
    if (node.constant.has_value()) {
        if (!*node.constant)
            out.append({at, QStringLiteral("false schema: no value is allowed here"), node.pointer});
        return *node.constant;
    }
    bool valid = true;
    if (node.ref)
        valid &= check(*node.ref, instance, at, out);
    if (!checkType(node, instance, at, out))
        return false; // the other keywords would only repeat the point
    if (node.enumValues && !node.enumValues->contains(instance)) {
        out.append({at,
                    QStringLiteral("enum: %1 is not one of %2").arg(shown(instance), shown(*node.enumValues)),
                    node.at("enum")});
        valid = false;
    }
    if (node.constValue && *node.constValue != instance) {
        out.append({at, QStringLiteral("const: %1 is not %2").arg(shown(instance), shown(*node.constValue)),
                    node.at("const")});
        valid = false;
    }
    if (instance.isObject())
        valid &= checkObject(node, instance.toObject(), at, out);
    else if (instance.isArray())
        valid &= checkArray(node, instance.toArray(), at, out);
    else
        valid &= checkScalar(node, instance, at, out);
    valid &= checkApplicators(node, instance, at, out);
    return valid;
}

bool JsonSchemaValidator::checkType(const Node &node, const QJsonValue &instance, const QString &at, Out &out)
{
    if (node.types == 0)
        return true;
    const QString name = typeName(instance);
    const int bit = typeBit(name);
    if ((node.types & bit) || (bit == Node::Integer && (node.types & Node::Number)))
        return true;
    QStringList allowed;
    for (const auto &[typeName, typeBit] : typeNames()) {
        if (node.types & typeBit)
            allowed.append(typeName);
    }
    out.append({at,
                QStringLiteral("type: %1 where the document allows %2")
                    .arg(name, allowed.join(QStringLiteral(" or "))),
                node.at("type")});
    return false;
}

bool JsonSchemaValidator::checkObject(const Node &node, const QJsonObject &object, const QString &at,
                                      Out &out)
{
    bool valid = true;
    for (const QString &name : node.required) {
        if (!object.contains(name)) {
            out.append({member(at, name), QStringLiteral("required: \"%1\" is missing").arg(name),
                        node.at("required")});
            valid = false;
        }
    }
    for (auto it = object.begin(); it != object.end(); ++it) {
        const Node *declared = nullptr;
        for (const auto &[name, property] : node.properties) {
            if (name == it.key()) {
                declared = property;
                break;
            }
        }
        if (declared) {
            valid &= check(*declared, it.value(), member(at, it.key()), out);
        } else if (node.additionalProperties) {
            if (node.additionalProperties->constant == false) {
                out.append(
                    {member(at, it.key()),
                     QStringLiteral("additionalProperties: \"%1\" is not a documented member").arg(it.key()),
                     node.at("additionalProperties")});
                valid = false;
            } else {
                valid &= check(*node.additionalProperties, it.value(), member(at, it.key()), out);
            }
        }
        if (node.propertyNames)
            valid &= check(*node.propertyNames, it.key(), member(at, it.key()), out);
    }
    if (node.minProperties >= 0 && object.size() < node.minProperties) {
        out.append({at, QStringLiteral("minProperties: %1 < %2").arg(object.size()).arg(node.minProperties),
                    node.at("minProperties")});
        valid = false;
    }
    if (node.maxProperties >= 0 && object.size() > node.maxProperties) {
        out.append({at, QStringLiteral("maxProperties: %1 > %2").arg(object.size()).arg(node.maxProperties),
                    node.at("maxProperties")});
        valid = false;
    }
    return valid;
}

bool JsonSchemaValidator::checkArray(const Node &node, const QJsonArray &array, const QString &at, Out &out)
{
    bool valid = true;
    if (node.items) {
        for (qsizetype i = 0; i < array.size(); ++i)
            valid &= check(*node.items, array[i], at + u'/' + QString::number(i), out);
    }
    if (node.minItems >= 0 && array.size() < node.minItems) {
        out.append({at, QStringLiteral("minItems: %1 < %2").arg(array.size()).arg(node.minItems),
                    node.at("minItems")});
        valid = false;
    }
    if (node.maxItems >= 0 && array.size() > node.maxItems) {
        out.append({at, QStringLiteral("maxItems: %1 > %2").arg(array.size()).arg(node.maxItems),
                    node.at("maxItems")});
        valid = false;
    }
    if (node.uniqueItems) {
        for (qsizetype i = 0; i < array.size(); ++i) {
            for (qsizetype j = i + 1; j < array.size(); ++j) {
                if (array[i] == array[j]) {
                    out.append({at, QStringLiteral("uniqueItems: items %1 and %2 are equal").arg(i).arg(j),
                                node.at("uniqueItems")});
                    return false;
                }
            }
        }
    }
    return valid;
}

bool JsonSchemaValidator::checkScalar(const Node &node, const QJsonValue &instance, const QString &at,
                                      Out &out)
{
    bool valid = true;
    const auto fail = [&](const char *keyword, const QString &rule) {
        out.append({at, QLatin1String(keyword) + QStringLiteral(": ") + rule, node.at(keyword)});
        valid = false;
    };
    if (instance.isDouble()) {
        if (node.minimum && compareNumbers(instance, *node.minimum) < 0)
            fail("minimum", shown(instance) + QStringLiteral(" < ") + shown(*node.minimum));
        if (node.maximum && compareNumbers(instance, *node.maximum) > 0)
            fail("maximum", shown(instance) + QStringLiteral(" > ") + shown(*node.maximum));
        if (node.exclusiveMinimum && compareNumbers(instance, *node.exclusiveMinimum) <= 0)
            fail("exclusiveMinimum",
                 shown(instance) + QStringLiteral(" <= ") + shown(*node.exclusiveMinimum));
        if (node.exclusiveMaximum && compareNumbers(instance, *node.exclusiveMaximum) >= 0)
            fail("exclusiveMaximum",
                 shown(instance) + QStringLiteral(" >= ") + shown(*node.exclusiveMaximum));
    }
    if (instance.isString()) {
        const QString text = instance.toString();
        // UTF-16 length bounds the code points from above, so most strings need no count.
        if (node.minLength >= 0 && codePoints(text) < node.minLength)
            fail("minLength", QStringLiteral("%1 characters < %2").arg(codePoints(text)).arg(node.minLength));
        if (node.maxLength >= 0 && text.size() > node.maxLength && codePoints(text) > node.maxLength)
            fail("maxLength", QStringLiteral("%1 characters > %2").arg(codePoints(text)).arg(node.maxLength));
        if (node.pattern && !node.pattern->match(text).hasMatch())
            fail("pattern", shown(instance) + QStringLiteral(" does not match ") + node.pattern->pattern());
    }
    if (!node.format.isEmpty() && !formatHolds(node.format, instance))
        fail("format", shown(instance) + QStringLiteral(" is not a valid ") + node.format);
    return valid;
}

bool JsonSchemaValidator::checkApplicators(const Node &node, const QJsonValue &instance, const QString &at,
                                           Out &out)
{
    bool valid = true;
    for (const Node *branch : node.allOf)
        valid &= check(*branch, instance, at, out);
    const auto alternatives = [&](const QList<const Node *> &branches, const char *keyword) {
        if (branches.isEmpty())
            return;
        const bool exactlyOne = qstrcmp(keyword, "oneOf") == 0;
        QList<Out> failures;
        qsizetype matched = 0;
        for (const Node *branch : branches) {
            Out branchOut;
            matched += check(*branch, instance, at, branchOut) ? 1 : 0;
            failures.append(branchOut);
        }
        if (matched == 0) {
            out.append({at,
                        QStringLiteral("%1: matches none of the %2 schemas (%3)")
                            .arg(QLatin1String(keyword))
                            .arg(branches.size())
                            .arg(closest(failures)),
                        node.at(keyword)});
            valid = false;
        } else if (exactlyOne && matched > 1) {
            out.append({at, QStringLiteral("oneOf: matches %1 schemas, not exactly one").arg(matched),
                        node.at(keyword)});
            valid = false;
        }
    };
    alternatives(node.anyOf, "anyOf");
    alternatives(node.oneOf, "oneOf");
    if (node.notSchema) {
        Out ignored;
        if (check(*node.notSchema, instance, at, ignored)) {
            out.append({at, QStringLiteral("not: matches a schema it must not match"), node.at("not")});
            valid = false;
        }
    }
    if (node.ifSchema) {
        Out ignored;
        const Node *next = check(*node.ifSchema, instance, at, ignored) ? node.thenSchema : node.elseSchema;
        if (next)
            valid &= check(*next, instance, at, out);
    }
    return valid;
}

} // namespace mandate::test
