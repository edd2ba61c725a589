#include "server/http/Problem.h"

#include <QJsonArray>

namespace mandate::server {

ApiResponse Problem::make(int status, const QString &kind, const QString &title, const QString &detail,
                          const FieldErrors &errors)
{
    QJsonObject body{
        {QStringLiteral("type"), QString(QStringLiteral("urn:mandate:problem:") + kind)},
        {QStringLiteral("title"), title},
        {QStringLiteral("status"), status},
        {QStringLiteral("detail"), detail},
    };
    if (!errors.isEmpty()) {
        QJsonArray list;
        for (const FieldError &error : errors)
            list.append(QJsonObject{{QStringLiteral("field"), error.field},
                                    {QStringLiteral("message"), error.message}});
        body.insert(QStringLiteral("errors"), list);
    }
    ApiResponse response = ApiResponse::json(status, body);
    response.contentType = "application/problem+json";
    return response;
}

ApiResponse Problem::validation(const FieldErrors &errors, const QString &detail)
{
    return make(400, QStringLiteral("validation"), QStringLiteral("Invalid request"), detail, errors);
}

ApiResponse Problem::notInCatalog(const FieldErrors &errors)
{
    return make(422, QStringLiteral("validation"), QStringLiteral("Unknown action"),
                QStringLiteral("The request names an action that is not in the action catalog."), errors);
}

ApiResponse Problem::badRequest(const QString &detail)
{
    return make(400, QStringLiteral("validation"), QStringLiteral("Invalid request"), detail);
}

ApiResponse Problem::unauthenticated(const QString &detail)
{
    ApiResponse response =
        make(401, QStringLiteral("unauthenticated"), QStringLiteral("Not signed in"), detail);
    response.headers.emplaceBack("WWW-Authenticate", "Bearer");
    return response;
}

ApiResponse Problem::forbidden(const QString &detail)
{
    return make(403, QStringLiteral("forbidden"), QStringLiteral("Not allowed"), detail);
}

ApiResponse Problem::notFound(const QString &detail)
{
    return make(404, QStringLiteral("not_found"), QStringLiteral("Not found"), detail);
}

ApiResponse Problem::noSuch(QStringView kind, const QString &id)
{
    return notFound(QStringLiteral("There is no %1 %2.").arg(kind, id));
}

ApiResponse Problem::conflict(const QString &detail)
{
    return make(409, QStringLiteral("conflict"), QStringLiteral("Conflict"), detail);
}

ApiResponse Problem::rateLimited(int retryAfterSeconds, const QString &detail)
{
    ApiResponse response =
        make(429, QStringLiteral("rate_limited"), QStringLiteral("Too many attempts"), detail);
    response.headers.emplaceBack("Retry-After", QByteArray::number(retryAfterSeconds));
    return response;
}

ApiResponse Problem::unsupportedMediaType(const QString &detail)
{
    return make(415, QStringLiteral("unsupported_media_type"), QStringLiteral("Unsupported media type"),
                detail);
}

ApiResponse Problem::idempotencyMismatch()
{
    return make(422, QStringLiteral("idempotency_mismatch"), QStringLiteral("Idempotency key reused"),
                QStringLiteral("This Idempotency-Key was already used with a different request."));
}

ApiResponse Problem::methodNotAllowed(const QByteArray &allow)
{
    ApiResponse response =
        make(405, QStringLiteral("not_found"), QStringLiteral("Method not allowed"),
             QStringLiteral("This resource supports: %1.").arg(QString::fromLatin1(allow)));
    response.headers.emplaceBack("Allow", allow);
    return response;
}

ApiResponse Problem::internal()
{
    return make(500, QStringLiteral("internal"), QStringLiteral("Internal error"),
                QStringLiteral("The server could not complete the request; nothing was changed."));
}

ApiResponse Problem::unavailable(const QString &detail)
{
    ApiResponse response = make(503, QStringLiteral("unavailable"), QStringLiteral("Unavailable"), detail);
    response.headers.emplaceBack("Retry-After", "1");
    return response;
}

} // namespace mandate::server
