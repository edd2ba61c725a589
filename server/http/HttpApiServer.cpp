#include "server/http/HttpApiServer.h"

#include "server/http/Authenticator.h"
#include "server/http/ChunkedResponseWriter.h"
#include "server/http/Problem.h"
#include "server/http/Router.h"
#include "server/ops/AccessLog.h"
#include "server/ops/Metrics.h"

#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QTcpSocket>

#include <memory>

namespace mandate::server {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    default:
        return "OTHER";
    }
}

bool isForm(const QByteArray &contentType)
{
    return contentType.split(';').first().trimmed().toLower() == "application/x-www-form-urlencoded";
}

bool isJson(const QByteArray &contentType)
{
    const QByteArray mediaType = contentType.split(';').first().trimmed().toLower();
    return mediaType == "application/json";
}

} // namespace

HttpApiServer::HttpApiServer(Router &router, Authenticator &authenticator, Metrics &metrics, AccessLog &log,
                             QObject *parent)
    : QAbstractHttpServer(parent)
    , m_router(router)
    , m_authenticator(authenticator)
    , m_metrics(metrics)
    , m_log(log)
{}

bool HttpApiServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    auto api = std::make_shared<ApiRequest>();
    api->method = methodName(request.method());
    api->path = request.url().path();
    api->query = request.query();
    const auto headers = request.headers();
    api->headers.reserve(headers.size());
    for (const auto &[name, value] : headers)
        api->headers.emplaceBack(name.toLower(), value);
    api->body = request.body();
    api->remoteAddress = request.remoteAddress();

    const bool close = api->header("connection").toLower() == "close";
    ++m_inFlight;
    QElapsedTimer timer;
    timer.start();
    auto answered = std::make_shared<bool>(false);
    Responder respond = [this, api, socket = QPointer<QTcpSocket>(socket), close, timer,
                         answered](ApiResponse response) {
        if (*answered)
            return;
        *answered = true;
        if (m_available && !m_available() && response.status != 503)
            response =
                Problem::unavailable(QStringLiteral("This instance lost its database connection; retry."));
        const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
        m_metrics.observeRequest(api->method, api->route.isEmpty() ? QStringLiteral("unmatched") : api->route,
                                 response.status, seconds);
        m_log.request(*api, response.status, seconds);
        if (socket && socket->isOpen())
            write(socket, response, close);
        if (--m_inFlight == 0)
            Q_EMIT drained();
    };
    dispatch(*api, respond);
    return true;
}

void HttpApiServer::dispatch(ApiRequest &request, const Responder &respond)
{
    const Router::Match match = m_router.match(request.method, request.path);
    if (!match.route) {
        if (!match.allowedMethods.isEmpty())
            respond(Problem::methodNotAllowed(match.allowedMethods));
        else
            respond(Problem::notFound(QStringLiteral("There is no resource at %1.").arg(request.path)));
        return;
    }
    request.route = match.route->pattern;
    request.params = match.params;

    if (!match.route->checksOwnRequests &&
        (request.method == "POST" || request.method == "PUT" || request.method == "PATCH") &&
        !request.body.isEmpty() && !isJson(request.header("content-type")) &&
        !(match.route->acceptsForm && isForm(request.header("content-type")))) {
        respond(Problem::unsupportedMediaType(QStringLiteral("Send the request body as application/json.")));
        return;
    }
    if (request.header("idempotency-key").size() > 255) {
        respond(Problem::validation(
            {{QStringLiteral("Idempotency-Key"), QStringLiteral("must be at most 255 characters")}}));
        return;
    }

    if (match.route->access != Router::Access::Public) {
        const std::optional<Principal> principal =
            m_authenticator.authenticate(request.header("authorization"));
        if (!principal) {
            ApiResponse refused = Problem::unauthenticated(
                QStringLiteral("Sign in (or present valid agent credentials) first."));
            // RFC 6750 §3.1: credentials were presented and are not good; none at all gets no code.
            if (!request.header("authorization").isEmpty())
                refused.headers = {{"WWW-Authenticate", R"(Bearer error="invalid_token")"}};
            respond(refused);
            return;
        }
        const Router::Access access = match.route->access;
        const bool allowed =
            (access == Router::Access::UserOrAgent && (principal->isUser() || principal->isAgent())) ||
            (access == Router::Access::User && principal->isUser()) ||
            (access == Router::Access::Agent && principal->isAgent()) ||
            (access == Router::Access::Receiver && principal->isReceiver());
        if (!allowed) {
            respond(Problem::forbidden(
                access == Router::Access::Receiver
                    ? QStringLiteral("Only Shared Signals receivers can use this resource.")
                : principal->isReceiver()
                    ? QStringLiteral("Shared Signals receivers cannot use this resource.")
                : principal->isEnforcementPoint()
                    ? QStringLiteral("Enforcement points use the AuthZEN endpoints only.")
                : principal->isAgent() ? QStringLiteral("Agents cannot use this resource.")
                                       : QStringLiteral("Only agents can use this resource.")));
            return;
        }
        request.principal = *principal;
    }
    match.route->handler(request, respond);
}

void HttpApiServer::missingHandler(const QHttpServerRequest &, QTcpSocket *socket)
{
    write(socket, Problem::notFound(QStringLiteral("There is no such resource.")), false);
}

void HttpApiServer::write(QTcpSocket *socket, const ApiResponse &response, bool close)
{
    const QByteArray head = response.head(close);
    if (response.attach) {
        socket->write(head);
        response.attach(socket);
        return;
    }
    if (response.stream) {
        socket->write(head);
        new ChunkedResponseWriter(socket, response.stream, close);
        return;
    }
    socket->write(head + response.body);
    if (close)
        socket->disconnectFromHost();
}

} // namespace mandate::server
