#include "tests/support/OpenApiContract.h"

#include "tests/support/YamlDocument.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtGlobal>

namespace mandate::test {

namespace {

const QStringList &methods()
{
    static const QStringList names{
        QStringLiteral("get"),     QStringLiteral("put"),  QStringLiteral("post"),  QStringLiteral("delete"),
        QStringLiteral("options"), QStringLiteral("head"), QStringLiteral("patch"), QStringLiteral("trace")};
    return names;
}

QString mediaType(const QByteArray &contentType)
{
    return QString::fromLatin1(contentType.split(';').first().trimmed().toLower());
}

bool isJson(const QString &mediaType)
{
    return mediaType == QStringLiteral("application/json") || mediaType.endsWith(QStringLiteral("+json"));
}

QString pointer(const QStringList &tokens)
{
    QString result = QStringLiteral("#");
    for (const QString &token : tokens)
        result += u'/' + JsonSchema::escapePointerToken(token);
    return result;
}

} // namespace

OpenApiContract::OpenApiContract(QJsonObject document)
    : m_document(document)
    , m_schemas(std::move(document))
{}

const OpenApiContract &OpenApiContract::shared()
{
    static const std::unique_ptr<OpenApiContract> contract = [] {
        QString error;
        auto loaded = load(QStringLiteral(MANDATE_OPENAPI), &error);
        if (!loaded)
            qFatal("OpenAPI contract %s: %s", MANDATE_OPENAPI, qPrintable(error));
        return loaded;
    }();
    return *contract;
}

std::unique_ptr<OpenApiContract> OpenApiContract::load(const QString &path, QString *error)
{
    const QJsonValue document = YamlDocument::load(path, error);
    if (!document.isObject()) {
        if (error && error->isEmpty())
            *error = QStringLiteral("not an OpenAPI document");
        return nullptr;
    }
    std::unique_ptr<OpenApiContract> contract(new OpenApiContract(document.toObject()));
    if (!contract->compileComponents(error) || !contract->compileOperations(error) ||
        !contract->compileEvents(error))
        return nullptr;
    return contract;
}

bool OpenApiContract::compileComponents(QString *error)
{
    const JsonSchemaNode *problem = m_schemas.compile(QStringLiteral("#/components/schemas/Problem"), error);
    if (!problem)
        return false;
    m_unmatched.pointer = QStringLiteral("#/info/description (unknown paths and methods)");
    m_unmatched.content.insert(QStringLiteral("application/problem+json"), problem);
    // Request bodies and parameters are not checked here, but their schemas compile too: the
    // validator must know every keyword anywhere in the document, or it fails at load.
    const QJsonObject schemas =
        m_document.value(QStringLiteral("components")).toObject().value(QStringLiteral("schemas")).toObject();
    for (auto it = schemas.begin(); it != schemas.end(); ++it) {
        if (!m_schemas.compile(pointer({QStringLiteral("components"), QStringLiteral("schemas"), it.key()}),
                               error))
            return false;
    }
    const QJsonObject paths = m_document.value(QStringLiteral("paths")).toObject();
    for (auto path = paths.begin(); path != paths.end(); ++path) {
        const QJsonObject item = path.value().toObject();
        for (auto it = item.begin(); it != item.end(); ++it) {
            const QJsonObject content = it.value()
                                            .toObject()
                                            .value(QStringLiteral("requestBody"))
                                            .toObject()
                                            .value(QStringLiteral("content"))
                                            .toObject();
            for (auto media = content.begin(); media != content.end(); ++media) {
                if (!media.value().toObject().contains(QStringLiteral("schema")))
                    continue;
                if (!m_schemas.compile(
                        pointer({QStringLiteral("paths"), path.key(), it.key(), QStringLiteral("requestBody"),
                                 QStringLiteral("content"), media.key(), QStringLiteral("schema")}),
                        error))
                    return false;
            }
        }
    }
    return true;
}

bool OpenApiContract::compileOperations(QString *error)
{
    const QJsonObject paths = m_document.value(QStringLiteral("paths")).toObject();
    for (auto path = paths.begin(); path != paths.end(); ++path) {
        const QJsonObject item = path.value().toObject();
        for (auto it = item.begin(); it != item.end(); ++it) {
            if (!methods().contains(it.key()))
                continue; // parameters, summary, description: nothing to check in answers
            Operation operation;
            operation.method = it.key().toUpper();
            operation.pathTemplate = path.key();
            operation.segments = path.key().split(u'/');
            operation.operationId = it.value().toObject().value(QStringLiteral("operationId")).toString();
            const QJsonObject responses = it.value().toObject().value(QStringLiteral("responses")).toObject();
            for (auto response = responses.begin(); response != responses.end(); ++response) {
                Response compiled;
                const QString at = pointer({QStringLiteral("paths"), path.key(), it.key(),
                                            QStringLiteral("responses"), response.key()});
                if (!compileResponse(at, compiled, error))
                    return false;
                operation.responses.insert(response.key().toUpper(), compiled);
            }
            m_operations.append(operation);
        }
    }
    if (m_operations.isEmpty() && error)
        *error = QStringLiteral("the document has no operations");
    return !m_operations.isEmpty();
}

bool OpenApiContract::compileResponse(const QString &at, Response &into, QString *error)
{
    QString here = at;
    QJsonObject response = JsonSchema::resolve(m_document, here).toObject();
    for (int hops = 0; response.contains(QStringLiteral("$ref")) && hops < 8; ++hops) {
        here = response.value(QStringLiteral("$ref")).toString();
        response = JsonSchema::resolve(m_document, here).toObject();
    }
    if (response.isEmpty()) {
        if (error)
            *error = at + QStringLiteral(": the response does not resolve");
        return false;
    }
    into.pointer = here;
    const QJsonObject content = response.value(QStringLiteral("content")).toObject();
    for (auto it = content.begin(); it != content.end(); ++it) {
        const QString type = mediaType(it.key().toUtf8());
        if (!it.value().toObject().contains(QStringLiteral("schema"))) {
            into.content.insert(type, nullptr);
            continue;
        }
        const QString schemaAt = here + u'/' + QStringLiteral("content/") +
                                 JsonSchema::escapePointerToken(it.key()) + QStringLiteral("/schema");
        const JsonSchemaNode *schema = m_schemas.compile(schemaAt, error);
        if (!schema)
            return false;
        into.content.insert(type, schema);
    }
    return true;
}

bool OpenApiContract::compileEvents(QString *error)
{
    // The stream's payloads are JSON inside a text/event-stream body, which OpenAPI 3.1 cannot
    // type; the document names a schema per event type in the x-event-data extension.
    const QString at = pointer({QStringLiteral("paths"), QStringLiteral("/v1/events"), QStringLiteral("get"),
                                QStringLiteral("responses"), QStringLiteral("200"), QStringLiteral("content"),
                                QStringLiteral("text/event-stream"), QStringLiteral("x-event-data")});
    const QJsonObject events = JsonSchema::resolve(m_document, at).toObject();
    for (auto it = events.begin(); it != events.end(); ++it) {
        const JsonSchemaNode *schema =
            m_schemas.compile(at + u'/' + JsonSchema::escapePointerToken(it.key()), error);
        if (!schema)
            return false;
        m_events.insert(it.key(), schema);
    }
    return true;
}

const OpenApiContract::Operation *OpenApiContract::match(const QByteArray &method,
                                                         const QString &pathAndQuery) const
{
    const QStringList segments = pathAndQuery.section(u'?', 0, 0).split(u'/');
    const Operation *best = nullptr;
    int bestLiterals = -1;
    for (const Operation &operation : m_operations) {
        if (operation.method != QLatin1String(method) || operation.segments.size() != segments.size())
            continue;
        int literals = 0;
        bool matches = true;
        for (qsizetype i = 0; i < segments.size() && matches; ++i) {
            const QString &expected = operation.segments[i];
            if (expected.startsWith(u'{') && expected.endsWith(u'}'))
                matches = !segments[i].isEmpty();
            else if ((matches = expected == segments[i]))
                ++literals;
        }
        // OpenAPI: a concrete path matches before a templated one of the same shape.
        if (matches && literals > bestLiterals) {
            best = &operation;
            bestLiterals = literals;
        }
    }
    return best;
}

QString OpenApiContract::describe(const QByteArray &method, const QString &pathAndQuery) const
{
    const Operation *operation = match(method, pathAndQuery);
    return operation ? operation->method + u' ' + operation->pathTemplate + QStringLiteral(" (") +
                           operation->operationId + u')'
                     : QString();
}

QStringList OpenApiContract::check(const QByteArray &method, const QString &pathAndQuery, int status,
                                   const QByteArray &contentType, const QByteArray &body) const
{
    const Operation *operation = match(method, pathAndQuery);
    if (!operation)
        return checkUnmatched(method, pathAndQuery, status, contentType, body);
    const QString code = QString::number(status);
    const QString range = code.left(1) + QStringLiteral("XX");
    for (const QString &key : {code, range, QStringLiteral("DEFAULT")}) {
        if (operation->responses.contains(key))
            return checkBody(operation->responses.value(key), contentType, body);
    }
    QStringList documented = operation->responses.keys();
    documented.sort();
    return {QStringLiteral("status %1 is not documented (the document lists %2)")
                .arg(code, documented.join(QStringLiteral(", ")))};
}

QStringList OpenApiContract::checkUnmatched(const QByteArray &method, const QString &pathAndQuery, int status,
                                            const QByteArray &contentType, const QByteArray &body) const
{
    // The document's conventions: a path no operation has is a 404, a method the path lacks a
    // 405, both problems.
    bool pathKnown = false;
    for (const char *other : {"GET", "POST", "PUT", "PATCH", "DELETE"})
        pathKnown = pathKnown || (method != other && match(other, pathAndQuery));
    const int expected = pathKnown ? 405 : 404;
    if (status != expected) {
        return {QStringLiteral("no operation in the document matches %1 %2, which answers %3, not %4")
                    .arg(QString::fromLatin1(method), pathAndQuery.section(u'?', 0, 0))
                    .arg(expected)
                    .arg(status)};
    }
    return checkBody(m_unmatched, contentType, body);
}

QStringList OpenApiContract::checkBody(const Response &response, const QByteArray &contentType,
                                       const QByteArray &body) const
{
    if (response.content.isEmpty()) {
        if (!body.isEmpty())
            return {QStringLiteral("a %1-byte body where the document declares none [%2]")
                        .arg(body.size())
                        .arg(response.pointer)};
        return {};
    }
    const QString type = mediaType(contentType);
    if (!response.content.contains(type)) {
        QStringList documented = response.content.keys();
        documented.sort();
        return {QStringLiteral("Content-Type \"%1\" where the document has %2 [%3]")
                    .arg(QString::fromLatin1(contentType), documented.join(QStringLiteral(", ")),
                         response.pointer)};
    }
    const JsonSchemaNode *schema = response.content.value(type);
    if (!isJson(type) || !schema)
        return {};
    QJsonParseError parseError;
    const QJsonDocument json = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return {QStringLiteral("the body is not JSON: %1").arg(parseError.errorString())};
    const QJsonValue value = json.isObject() ? QJsonValue(json.object()) : QJsonValue(json.array());
    QStringList problems;
    for (const JsonSchemaViolation &violation : JsonSchema::validate(*schema, value))
        problems.append(violation.toString());
    return problems;
}

QStringList OpenApiContract::checkEvent(const QString &type, const QJsonValue &data) const
{
    if (!m_events.contains(type))
        return {QStringLiteral("event type \"%1\" is not in x-event-data of GET /v1/events").arg(type)};
    QStringList problems;
    for (const JsonSchemaViolation &violation : JsonSchema::validate(*m_events.value(type), data))
        problems.append(violation.toString());
    return problems;
}

} // namespace mandate::test
