#include "client/DownloadJob.h"

#include "client/NetworkReplies.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace mandate::client {

namespace {

constexpr qsizetype MaxErrorBody = 64 * 1024;

} // namespace

DownloadJob::DownloadJob(QNetworkAccessManager &network, const QUrl &url, const QString &token,
                         const QString &file, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_url(url)
    , m_token(token)
    , m_file(file)
{}

DownloadJob::~DownloadJob()
{
    abandonReply(m_reply, this);
}

void DownloadJob::start()
{
    if (!m_file.open(QIODevice::WriteOnly)) {
        Q_EMIT failed(ApiError::localFile(m_file.fileName(), m_file.errorString()));
        deleteLater();
        return;
    }
    QNetworkRequest request(m_url);
    request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    // No transfer timeout: a large export streams for as long as it takes, and stalls are the
    // server's to cut (it drops clients that stop reading).
    m_reply = m_network.get(request);
    connect(m_reply, &QNetworkReply::readyRead, this, &DownloadJob::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, [this, reply = m_reply.data()] { onFinished(reply); });
}

void DownloadJob::abort()
{
    abandonReply(m_reply, this);
    m_file.cancelWriting();
    deleteLater();
}

void DownloadJob::onReadyRead()
{
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray chunk = m_reply->readAll();
    if (status >= 400) {
        if (m_errorBody.size() < MaxErrorBody)
            m_errorBody += chunk.left(MaxErrorBody - m_errorBody.size());
        return;
    }
    if (m_file.write(chunk) != chunk.size()) {
        m_reply->abort();
        return;
    }
    m_written += chunk.size();
    Q_EMIT progress(m_written);
}

void DownloadJob::onFinished(QNetworkReply *reply)
{
    releaseFinishedReply(reply, this);
    m_reply = nullptr;
    deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status >= 400 || status == 0 || reply->error() != QNetworkReply::NoError) {
        m_file.cancelWriting();
        if (status >= 400)
            Q_EMIT failed(ApiError::fromProblem(status, m_errorBody + reply->readAll(), 0));
        else
            Q_EMIT failed(ApiError::network(ApiError::Kind::Network, reply->errorString()));
        return;
    }
    if (!m_file.commit()) {
        Q_EMIT failed(ApiError::localFile(m_file.fileName(), m_file.errorString()));
        return;
    }
    Q_EMIT finished(m_written);
}

} // namespace mandate::client
