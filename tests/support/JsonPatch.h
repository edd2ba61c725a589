#pragma once

#include "core/StrictJson.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace mandate::test {

// Changes one field of a valid document, so a rejection table can state each defect as
// "this path, this value" instead of repeating a whole body per row.
class JsonPatch
{
public:
    // Sets `path` ("scopes[0].max_total.amount_minor") to the JSON text `replacement`, or removes
    // the field when `replacement` is empty. The replacement is parsed by StrictJson, so "1.5" and
    // "9223372036854775808" arrive as the doubles a real request would carry.
    static QJsonObject apply(const QJsonObject &document, const QString &path, const QByteArray &replacement)
    {
        std::optional<QJsonValue> value;
        if (!replacement.isEmpty()) {
            auto parsed = StrictJson::parse(replacement);
            if (!parsed)
                qFatal("invalid replacement %s: %s", replacement.constData(),
                       qPrintable(parsed.error().message));
            value = parsed.value();
        }
        return patched(QJsonValue(document), steps(path), 0, value).toObject();
    }

private:
    // "a.b[2].c" → "a", "b", "[2]", "c".
    static QStringList steps(const QString &path)
    {
        QStringList result;
        for (const QString &part : path.split(u'.')) {
            const qsizetype bracket = part.indexOf(u'[');
            if (bracket < 0) {
                result.append(part);
                continue;
            }
            if (bracket > 0)
                result.append(part.left(bracket));
            for (qsizetype at = bracket; at >= 0; at = part.indexOf(u'[', at + 1))
                result.append(part.mid(at, part.indexOf(u']', at) - at + 1));
        }
        return result;
    }

    static QJsonValue patched(const QJsonValue &node, const QStringList &path, qsizetype step,
                              const std::optional<QJsonValue> &value)
    {
        const QString &key = path.at(step);
        const bool last = step == path.size() - 1;
        if (key.startsWith(u'[')) {
            QJsonArray array = node.toArray();
            const qsizetype index = key.mid(1, key.size() - 2).toLongLong();
            if (last && !value)
                array.removeAt(index);
            else
                array.replace(index, last ? *value : patched(array.at(index), path, step + 1, value));
            return array;
        }
        QJsonObject object = node.toObject();
        if (last && !value)
            object.remove(key);
        else
            object.insert(key, last ? *value : patched(object.value(key), path, step + 1, value));
        return object;
    }
};

} // namespace mandate::test
