#pragma once

#include "core/FieldError.h"
#include "server/http/ApiResponse.h"

#include <QString>

namespace mandate::server {

// RFC 9457 problem details, the body of every error the API returns.
class Problem
{
public:
    static ApiResponse make(int status, const QString &kind, const QString &title, const QString &detail,
                            const FieldErrors &errors = {});

    static ApiResponse validation(const FieldErrors &errors,
                                  const QString &detail = QStringLiteral("The request has invalid fields."));
    static ApiResponse badRequest(const QString &detail);
    // Well-formed, but naming an action the catalog does not have (422, API.md "Action catalog").
    static ApiResponse notInCatalog(const FieldErrors &errors);
    static ApiResponse unauthenticated(const QString &detail);
    static ApiResponse forbidden(const QString &detail);
    static ApiResponse notFound(const QString &detail);
    // 404 for an object named by id: "There is no delegation dlg_…".
    static ApiResponse noSuch(QStringView kind, const QString &id);
    static ApiResponse conflict(const QString &detail);
    static ApiResponse rateLimited(int retryAfterSeconds, const QString &detail);
    static ApiResponse unsupportedMediaType(const QString &detail);
    static ApiResponse idempotencyMismatch();
    static ApiResponse methodNotAllowed(const QByteArray &allow);
    static ApiResponse internal();
    static ApiResponse unavailable(const QString &detail);
};

} // namespace mandate::server
