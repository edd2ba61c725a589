#include "client/ApiJob.h"

#include "client/NetworkReplies.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>

namespace mandate::client {

namespace {

constexpr int BaseBackoffMs = 250;
constexpr int MaxBackoffMs = 4000;
constexpr int MaxRetryAfterSeconds = 10;

int retryAfterSeconds(const QNetworkReply &reply)
{
    bool ok = false;
    const int seconds = reply.rawHeader("Retry-After").toInt(&ok);
    return ok && seconds > 0 ? seconds : 0;
}

} // namespace

ApiJob::ApiJob(QNetworkAccessManager &network, QUrl server, QString token, Request request, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_server(std::move(server))
    , m_token(std::move(token))
    , m_request(std::move(request))
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &ApiJob::send);
}

ApiJob::~ApiJob()
{
    abandonReply(m_reply, this);
}

void ApiJob::start()
{
    send();
}

void ApiJob::abort()
{
    m_retryTimer.stop();
    abandonReply(m_reply, this);
    deleteLater();
}

void ApiJob::send()
{
    ++m_attempts;
    QUrl url = m_server;
    url.setPath(url.path() + m_request.path);
    url.setQuery(m_request.query);
    QNetworkRequest request(url);
    request.setTransferTimeout(m_request.timeoutMs);
    request.setRawHeader("Accept", "application/json, application/problem+json");
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    if (!m_request.idempotencyKey.isEmpty())
        request.setRawHeader("Idempotency-Key", m_request.idempotencyKey);
    for (const auto &[name, value] : m_request.headers)
        request.setRawHeader(name, value);
    if (!m_request.body.isEmpty() || m_request.method == "POST")
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    m_reply = m_network.sendCustomRequest(request, m_request.method, m_request.body);
    connect(m_reply, &QNetworkReply::finished, this, [this, reply = m_reply.data()] { onFinished(reply); });
}

void ApiJob::onFinished(QNetworkReply *reply)
{
    // A reply that timed out aborted itself and may finish again while the next attempt is under
    // way: only its first finish counts.
    releaseFinishedReply(reply, this);
    m_reply = nullptr;

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    if (status == 0) {
        const bool timedOut = reply->error() == QNetworkReply::OperationCanceledError ||
                              reply->error() == QNetworkReply::TimeoutError;
        const ApiError error = ApiError::network(timedOut ? ApiError::Kind::Timeout : ApiError::Kind::Network,
                                                 reply->errorString());
        if (!retryLater(error)) {
            Q_EMIT failed(error);
            finish();
        }
        return;
    }
    if (status >= 400) {
        const ApiError error = ApiError::fromProblem(status, body, retryAfterSeconds(*reply));
        if (!retryLater(error)) {
            Q_EMIT failed(error);
            finish();
        }
        return;
    }
    QJsonObject json;
    if (!body.isEmpty()) {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
            Q_EMIT failed(
                ApiError::protocol(tr("The answer to %1 %2 is not a JSON object.")
                                       .arg(QString::fromLatin1(m_request.method), m_request.path)));
            finish();
            return;
        }
        json = document.object();
    }
    Q_EMIT succeeded(json, status);
    finish();
}

bool ApiJob::retryLater(const ApiError &error)
{
    const bool transient = error.isConnectivity() || error.kind == ApiError::Kind::Unavailable ||
                           error.kind == ApiError::Kind::RateLimited;
    if (!transient || m_attempts >= m_request.maxAttempts)
        return false;
    if (error.retryAfterSeconds > MaxRetryAfterSeconds)
        return false;
    const int exponential = qMin(MaxBackoffMs, BaseBackoffMs << (m_attempts - 1));
    // Jitter keeps many consoles that lost the same server from coming back in lockstep.
    const int jittered = exponential / 2 + QRandomGenerator::global()->bounded(exponential / 2 + 1);
    m_retryTimer.start(qMax(jittered, error.retryAfterSeconds * 1000));
    return true;
}

void ApiJob::finish()
{
    deleteLater();
}

} // namespace mandate::client
