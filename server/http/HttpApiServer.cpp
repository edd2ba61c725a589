#include "server/http/HttpApiServer.h"

#include "server/http/Authenticator.h"
#include "server/http/ChunkedResponseWriter.h"
#include "server/http/ConnectionGuard.h"
#include "server/http/Problem.h"
#include "server/http/Router.h"
#include "server/ops/AccessLog.h"
#include "server/ops/Metrics.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTcpSocket>
#include <QUrl>

#include <memory>

namespace mandate::server {

namespace {

// RFC 9110 §7.6.1: Connection is a comma-separated list of case-insensitive options.
bool hasConnectionOption(QByteArrayView header, QByteArrayView option)
{
    qsizetype start = 0;
    while (start <= header.size()) {
        qsizetype comma = header.indexOf(',', start);
        if (comma < 0)
            comma = header.size();
        if (header.sliced(start, comma - start).trimmed().compare(option, Qt::CaseInsensitive) == 0)
            return true;
        start = comma + 1;
    }
    return false;
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
    : QObject(parent)
    , m_router(router)
    , m_authenticator(authenticator)
    , m_metrics(metrics)
    , m_log(log)
{}

void HttpApiServer::handle(RawHttpRequest &&raw, ConnectionGuard &connection)
{
    auto api = std::make_shared<ApiRequest>();
    api->method = std::move(raw.method);
    const QUrl url = QUrl::fromEncoded(raw.target);
    api->path = url.path();
    if (url.hasQuery())
        api->query = QUrlQuery(url);
    api->headers = std::move(raw.headers);
    api->body = std::move(raw.body);
    api->remoteAddress = connection.socket()->peerAddress();

    const QByteArray connectionHeader = api->header("connection");
    const bool close = hasConnectionOption(connectionHeader, "close") ||
                       (raw.http10 && !hasConnectionOption(connectionHeader, "keep-alive"));
    ++m_inFlight;
    QElapsedTimer timer;
    timer.start();
    auto answered = std::make_shared<bool>(false);
    Responder respond = [this, api, connection = QPointer<ConnectionGuard>(&connection), close, timer,
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
        if (connection && connection->socket() && connection->socket()->isOpen() && !connection->isClosing())
            write(*connection, response, close);
        if (--m_inFlight == 0)
            Q_EMIT drained();
    };
    dispatch(*api, respond);
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
            m_authenticator.authenticate(Authenticator::bearerToken(request.header("authorization")));
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

void HttpApiServer::write(ConnectionGuard &connection, const ApiResponse &response, bool close)
{
    const QByteArray head = response.head(close);
    if (response.attach) {
        // The stream owns the connection from here on: no further request on it is answered.
        connection.write(head);
        response.attach(connection.socket());
        return;
    }
    if (response.stream) {
        QTcpSocket *socket = connection.socket();
        connection.write(head);
        // Whether it closes or not, nothing more is read until the body is out.
        new ChunkedResponseWriter(socket, response.stream,
                                  [guard = QPointer<ConnectionGuard>(&connection), close] {
                                      if (guard && close)
                                          guard->close();
                                      else if (guard)
                                          guard->answered();
                                  });
        return;
    }
    if (close) {
        connection.write(head + response.body);
        connection.close();
        return;
    }
    connection.send(head + response.body);
    connection.answered();
}

} // namespace mandate::server
