#pragma once

#include "core/Clock.h"
#include "server/http/ApiRequest.h"
#include "server/http/ApiResponse.h"

#include <QObject>

namespace mandate::server {

class EventHub;
class LoginThrottle;
class Router;
class Store;
class IdempotentWrites;

// POST /v1/sessions, DELETE /v1/sessions/current, GET /v1/me, POST /v1/users/{id}/unlock (admin).
class SessionRoutes : public QObject
{
    Q_OBJECT

public:
    SessionRoutes(Store &store, const Clock &clock, IdempotentWrites &writes, LoginThrottle &throttle,
                  EventHub &hub, qint64 sessionSeconds, QObject *parent = nullptr);

    void registerRoutes(Router &router);

private:
    void signIn(ApiRequest &request, const Responder &respond);
    void finishSignIn(const QString &username, const QString &address, const QString &userId, bool passwordOk,
                      const Responder &respond);
    void signOut(ApiRequest &request, const Responder &respond);
    void me(ApiRequest &request, const Responder &respond);
    // GET /v1/sign-in/throttles: admins see who cannot sign in now, from where, and until when.
    void throttles(ApiRequest &request, const Responder &respond);
    void unlock(ApiRequest &request, const Responder &respond);

    Store &m_store;
    const Clock &m_clock;
    IdempotentWrites &m_writes;
    LoginThrottle &m_throttle;
    EventHub &m_hub;
    qint64 m_sessionSeconds;
};

} // namespace mandate::server
