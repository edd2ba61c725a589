#include "client/ApiClient.h"

#include <QJsonDocument>
#include <QUuid>

namespace mandate::client {

namespace {

constexpr int ReadAttempts = 3;

} // namespace

ApiClient::ApiClient(QObject *parent)
    : QObject(parent)
{
    m_network.setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
}

QByteArray ApiClient::newIdempotencyKey()
{
    return QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
}

ApiJob *ApiClient::get(const QString &path, const QUrlQuery &query)
{
    ApiJob::Request request;
    request.path = path;
    request.query = query;
    request.maxAttempts = ReadAttempts;
    return start(std::move(request));
}

ApiJob *ApiClient::post(const QString &path, const QJsonObject &body, const QByteArray &idempotencyKey)
{
    ApiJob::Request request;
    request.method = "POST";
    request.path = path;
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    request.idempotencyKey = idempotencyKey.isEmpty() ? newIdempotencyKey() : idempotencyKey;
    return start(std::move(request));
}

ApiJob *ApiClient::postWithHeaders(const QString &path, const QJsonObject &body,
                                   const QList<QPair<QByteArray, QByteArray>> &headers)
{
    ApiJob::Request request;
    request.method = "POST";
    request.path = path;
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    request.idempotencyKey = newIdempotencyKey();
    request.headers = headers;
    return start(std::move(request));
}

ApiJob *ApiClient::del(const QString &path)
{
    ApiJob::Request request;
    request.method = "DELETE";
    request.path = path;
    return start(std::move(request));
}

ApiJob *ApiClient::start(ApiJob::Request request)
{
    auto *job = new ApiJob(m_network, m_server, m_token, std::move(request), this);
    const bool authenticated = !m_token.isEmpty();
    connect(job, &ApiJob::succeeded, this, [this] { setReachable(true); });
    connect(job, &ApiJob::failed, this, [this, authenticated](const ApiError &error) {
        setReachable(!error.isConnectivity());
        if (authenticated && error.kind == ApiError::Kind::Unauthenticated)
            Q_EMIT sessionRejected();
    });
    job->start();
    return job;
}

void ApiClient::setReachable(bool reachable)
{
    if (m_reachable == reachable)
        return;
    m_reachable = reachable;
    Q_EMIT reachabilityChanged(reachable);
}

} // namespace mandate::client
