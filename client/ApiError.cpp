#include "client/ApiError.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace mandate::client {

namespace {

ApiError::Kind kindFromType(const QString &type, int status)
{
    static const QString Prefix = QStringLiteral("urn:mandate:problem:");
    const QString kind = type.startsWith(Prefix) ? type.mid(Prefix.size()) : QString();
    using K = ApiError::Kind;
    static const QHash<QString, K> Known = {{QStringLiteral("validation"), K::Validation},
                                            {QStringLiteral("unauthenticated"), K::Unauthenticated},
                                            {QStringLiteral("forbidden"), K::Forbidden},
                                            {QStringLiteral("not_found"), K::NotFound},
                                            {QStringLiteral("conflict"), K::Conflict},
                                            {QStringLiteral("payload_too_large"), K::PayloadTooLarge},
                                            {QStringLiteral("rate_limited"), K::RateLimited},
                                            {QStringLiteral("idempotency_mismatch"), K::IdempotencyMismatch},
                                            {QStringLiteral("unavailable"), K::Unavailable},
                                            {QStringLiteral("internal"), K::Internal}};
    if (const auto it = Known.constFind(kind); it != Known.cend())
        return *it;
    switch (status) {
    case 400:
    case 422:
        return K::Validation;
    case 401:
        return K::Unauthenticated;
    case 403:
        return K::Forbidden;
    case 404:
        return K::NotFound;
    case 409:
        return K::Conflict;
    case 413:
        return K::PayloadTooLarge;
    case 429:
        return K::RateLimited;
    case 502:
    case 503:
    case 504:
        return K::Unavailable;
    default:
        return K::Internal;
    }
}

} // namespace

QString ApiError::message() const
{
    if (kind == Kind::Network)
        return QCoreApplication::translate("ApiError", "The server cannot be reached (%1).").arg(detail);
    if (kind == Kind::Timeout)
        return QCoreApplication::translate("ApiError", "The server did not answer in time.");
    if (!detail.isEmpty())
        return detail;
    if (!title.isEmpty())
        return title;
    if (kind == Kind::Protocol)
        return QCoreApplication::translate("ApiError",
                                           "The server sent an answer this console does not understand.");
    return QCoreApplication::translate("ApiError", "The server refused the request (HTTP %1).").arg(status);
}

ApiError ApiError::fromProblem(int status, const QByteArray &body, int retryAfterSeconds)
{
    ApiError error;
    error.status = status;
    error.retryAfterSeconds = retryAfterSeconds;
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    error.body = body;
    error.kind = kindFromType(json.value(QStringLiteral("type")).toString(), status);
    error.title = json.value(QStringLiteral("title")).toString();
    error.detail = json.value(QStringLiteral("detail")).toString();
    // The AuthZEN endpoints answer errors as {"error": <message>} (AuthZEN 1.0), not problem+json.
    if (error.detail.isEmpty() && error.title.isEmpty())
        error.detail = json.value(QStringLiteral("error")).toString();
    for (const QJsonValue &entry : json.value(QStringLiteral("errors")).toArray()) {
        const QJsonObject e = entry.toObject();
        error.fieldErrors.append(
            {e.value(QStringLiteral("field")).toString(), e.value(QStringLiteral("message")).toString()});
    }
    return error;
}

ApiError ApiError::network(Kind kind, const QString &detail)
{
    ApiError error;
    error.kind = kind;
    error.detail = detail;
    return error;
}

ApiError ApiError::localFile(const QString &file, const QString &detail)
{
    ApiError error;
    error.kind = Kind::LocalFile;
    error.detail = QCoreApplication::translate("ApiError", "%1 could not be written: %2").arg(file, detail);
    return error;
}

ApiError ApiError::protocol(const QString &detail)
{
    ApiError error;
    error.kind = Kind::Protocol;
    error.detail = detail;
    return error;
}

} // namespace mandate::client
