#pragma once

#include "client/ApiJob.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>
#include <QUrlQuery>

namespace mandate::client {

// The console's connection to one mandate-server: where it is, who is signed in, and a factory
// for the jobs that talk to it. It watches every answer so the window can tell online from
// offline and notice a session the server no longer accepts.
class ApiClient : public QObject
{
    Q_OBJECT

public:
    explicit ApiClient(QObject *parent = nullptr);

    void setServer(const QUrl &server) { m_server = server; }
    const QUrl &server() const { return m_server; }
    void setToken(const QString &token) { m_token = token; }
    const QString &token() const { return m_token; }
    QNetworkAccessManager &network() { return m_network; }

    bool isReachable() const { return m_reachable; }

    // Jobs are started when returned; connect to succeeded/failed right away (in the same pass).
    ApiJob *get(const QString &path, const QUrlQuery &query = {});
    // A POST always carries an Idempotency-Key: the given one (an outbox resending a decision) or a
    // fresh one, so that a replay by any proxy in between has no second effect.
    ApiJob *post(const QString &path, const QJsonObject &body, const QByteArray &idempotencyKey = {});
    ApiJob *del(const QString &path);
    // As post(), with headers of its own besides (AuthZEN's X-Request-ID).
    ApiJob *postWithHeaders(const QString &path, const QJsonObject &body,
                            const QList<QPair<QByteArray, QByteArray>> &headers);

    static QByteArray newIdempotencyKey();

Q_SIGNALS:
    void reachabilityChanged(bool reachable);
    // A call with a token was answered 401: the session ended (expired, signed out elsewhere).
    void sessionRejected();

private:
    ApiJob *start(ApiJob::Request request);
    void setReachable(bool reachable);

    QNetworkAccessManager m_network;
    QUrl m_server;
    QString m_token;
    bool m_reachable = true;
};

} // namespace mandate::client
