#pragma once

#include <QJsonValue>
#include <QString>

namespace mandate::test {

// Reads a YAML file (with yaml-cpp) into the JSON value it denotes, resolving plain scalars by
// YAML 1.2's core schema: `null`, `true`, `42`, `1.5` are typed, quoted scalars stay strings.
class YamlDocument
{
public:
    static QJsonValue load(const QString &path, QString *error = nullptr);
    static QJsonValue parse(const QByteArray &yaml, QString *error = nullptr);
};

} // namespace mandate::test
