#pragma once

#include "server/http/ApiRequest.h"
#include "server/http/ApiResponse.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>

namespace mandate::server {

// Maps METHOD + path pattern ("/v1/delegations/{id}/revoke") to a handler. An unknown path is a
// 404; a known path with another method is a 405 listing the methods it has.
class Router
{
public:
    enum class Access
    {
        Public, // no credentials (sign-in, health)
        User,   // a signed-in person
        Agent,  // an agent's JWT-SVID or JIT credential
        UserOrAgent,
        Receiver, // a Shared Signals receiver's token (the SSF stream management endpoints)
    };
    using Handler = std::function<void(ApiRequest &, Responder)>;

    struct Route
    {
        QByteArray method;
        QString pattern;
        QStringList segments;
        Access access = Access::User;
        Handler handler;
        bool acceptsForm = false; // application/x-www-form-urlencoded as well as JSON (RFC 7662)
        // The handler checks the media type and answers errors in its protocol's own shape (AuthZEN).
        bool checksOwnRequests = false;
    };

    struct Match
    {
        const Route *route = nullptr;
        QStringList params;
        QByteArray allowedMethods; // for 405, "GET, POST"
    };

    void add(const QByteArray &method, const QString &pattern, Access access, Handler handler);
    // The common case: a member function of the routes object that registers it.
    template <typename Owner>
    void add(const QByteArray &method, const QString &pattern, Access access, Owner *owner,
             void (Owner::*handler)(ApiRequest &, const Responder &))
    {
        add(method, pattern, access, [owner, handler](ApiRequest &request, Responder respond) {
            (owner->*handler)(request, respond);
        });
    }
    void acceptForm(const QString &pattern);
    void letCheckOwnRequests(const QString &pattern);
    Match match(const QByteArray &method, const QString &path) const;
    const QList<Route> &routes() const { return m_routes; }

private:
    static bool matches(const Route &route, const QStringList &segments, QStringList *params);

    QList<Route> m_routes;
};

} // namespace mandate::server
