#pragma once

#include "tests/support/JsonSchema.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace mandate::test {

// resources/api/openapi.yaml as a checker of real answers: which operation a request reached
// (method + path template), which statuses it documents, and the schema of each body. Clients
// generate code from that document, so an answer it does not describe is a bug on one side.
class OpenApiContract
{
public:
    // The project's document, read and compiled once per process. A document the checker cannot
    // read in full (a YAML error, a keyword the validator does not implement) ends the process:
    // silently checking less than the document says would be worse than not checking.
    static const OpenApiContract &shared();
    static std::unique_ptr<OpenApiContract> load(const QString &path, QString *error);

    // Every way the answer departs from the document, one line each; empty when it conforms.
    QStringList check(const QByteArray &method, const QString &pathAndQuery, int status,
                      const QByteArray &contentType, const QByteArray &body) const;
    // The `data:` of one Server-Sent Event of `GET /v1/events`, by its `event:` type.
    QStringList checkEvent(const QString &type, const QJsonValue &data) const;
    // "POST /v1/delegations (createDelegation)", or empty when no operation matches.
    QString describe(const QByteArray &method, const QString &pathAndQuery) const;

private:
    struct Response
    {
        QString pointer;
        QHash<QString, const JsonSchemaNode *> content; // media type without parameters → schema (or null)
    };
    struct Operation
    {
        QString method;
        QString pathTemplate;
        QStringList segments;
        QString operationId;
        QHash<QString, Response> responses; // "200", "4XX", "default"
    };

    explicit OpenApiContract(QJsonObject document);
    bool compileComponents(QString *error);
    bool compileOperations(QString *error);
    bool compileResponse(const QString &pointer, Response &into, QString *error);
    bool compileEvents(QString *error);
    const Operation *match(const QByteArray &method, const QString &pathAndQuery) const;
    QStringList checkUnmatched(const QByteArray &method, const QString &pathAndQuery, int status,
                               const QByteArray &contentType, const QByteArray &body) const;
    QStringList checkBody(const Response &response, const QByteArray &contentType,
                          const QByteArray &body) const;

    QJsonObject m_document;
    JsonSchema m_schemas;
    QList<Operation> m_operations;
    Response m_unmatched;                            // what a path or method the document lacks answers
    QHash<QString, const JsonSchemaNode *> m_events; // SSE event type → schema of its data
};

} // namespace mandate::test
