#pragma once

#include "server/http/ApiRequest.h"
#include "server/http/ApiResponse.h"
#include "server/http/RawHttpRequest.h"

#include <QObject>

#include <functional>

namespace mandate::server {

class AccessLog;
class Authenticator;
class ConnectionGuard;
class Metrics;
class Router;

// The HTTP front: turns each framed request into an ApiRequest, resolves its route (404/405),
// checks the media type and credentials the route needs, calls the handler and writes its
// answer when it comes — possibly later, after a group commit — if the client is still there.
class HttpApiServer : public QObject
{
    Q_OBJECT

public:
    HttpApiServer(Router &router, Authenticator &authenticator, Metrics &metrics, AccessLog &log,
                  QObject *parent = nullptr);

    // The listener's ConnectionGuard::RequestHandler.
    void handle(RawHttpRequest &&raw, ConnectionGuard &connection);

    int requestsInFlight() const { return m_inFlight; }
    // While `available` returns false every answer is replaced by 503: an answer computed from a
    // store that stopped answering cannot be trusted (a failed lookup reads as "not found").
    void setAvailability(std::function<bool()> available) { m_available = std::move(available); }

Q_SIGNALS:
    void drained();

private:
    void dispatch(ApiRequest &request, const Responder &respond);
    static void write(ConnectionGuard &connection, const ApiResponse &response, bool close);

    Router &m_router;
    Authenticator &m_authenticator;
    Metrics &m_metrics;
    AccessLog &m_log;
    std::function<bool()> m_available;
    int m_inFlight = 0;
};

} // namespace mandate::server
