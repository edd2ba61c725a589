#include "tests/support/YamlDocument.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>
#include <yaml-cpp/yaml.h>

namespace mandate::test {

namespace {

QJsonValue plainScalar(const QString &text)
{
    static const QRegularExpression null(QStringLiteral("^(|~|null|Null|NULL)$"));
    static const QRegularExpression boolean(QStringLiteral("^(true|True|TRUE|false|False|FALSE)$"));
    static const QRegularExpression integer(QStringLiteral("^[-+]?[0-9]+$"));
    static const QRegularExpression number(
        QStringLiteral("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$"));
    if (null.match(text).hasMatch())
        return QJsonValue(QJsonValue::Null);
    if (boolean.match(text).hasMatch())
        return text.front().toLower() == u't';
    if (integer.match(text).hasMatch()) {
        bool ok = false;
        const qint64 value = text.toLongLong(&ok);
        if (ok)
            return value;
    }
    if (number.match(text).hasMatch())
        return text.toDouble();
    if (text == QStringLiteral(".inf") || text == QStringLiteral("-.inf") || text == QStringLiteral(".nan"))
        return QJsonValue(QJsonValue::Undefined); // JSON has no such numbers; refused by the caller
    return text;
}

QJsonValue toJson(const YAML::Node &node, QString *error)
{
    switch (node.Type()) {
    case YAML::NodeType::Null:
        return QJsonValue(QJsonValue::Null);
    case YAML::NodeType::Scalar: {
        const QString text = QString::fromStdString(node.Scalar());
        // yaml-cpp tags plain scalars "?" and quoted or block scalars "!": only plain ones are typed.
        return node.Tag() == "?" ? plainScalar(text) : QJsonValue(text);
    }
    case YAML::NodeType::Sequence: {
        QJsonArray array;
        for (const YAML::Node &item : node) {
            const QJsonValue value = toJson(item, error);
            if (value.isUndefined())
                return value;
            array.append(value);
        }
        return array;
    }
    case YAML::NodeType::Map: {
        QJsonObject object;
        for (const auto &entry : node) {
            if (!entry.first.IsScalar()) {
                if (error)
                    *error = QStringLiteral("line %1: a map key that is not a scalar")
                                 .arg(entry.first.Mark().line + 1);
                return QJsonValue(QJsonValue::Undefined);
            }
            const QJsonValue value = toJson(entry.second, error);
            if (value.isUndefined())
                return value;
            object.insert(QString::fromStdString(entry.first.Scalar()), value);
        }
        return object;
    }
    case YAML::NodeType::Undefined:
        break;
    }
    if (error && error->isEmpty())
        *error = QStringLiteral("line %1: a value JSON cannot hold").arg(node.Mark().line + 1);
    return QJsonValue(QJsonValue::Undefined);
}

} // namespace

QJsonValue YamlDocument::parse(const QByteArray &yaml, QString *error)
{
    try {
        return toJson(YAML::Load(yaml.toStdString()), error);
    } catch (const YAML::Exception &e) {
        if (error)
            *error = QString::fromStdString(e.what());
        return QJsonValue(QJsonValue::Undefined);
    }
}

QJsonValue YamlDocument::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = path + QStringLiteral(": ") + file.errorString();
        return QJsonValue(QJsonValue::Undefined);
    }
    return parse(file.readAll(), error);
}

} // namespace mandate::test
