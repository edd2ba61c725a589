#pragma once

#include "client/ApiError.h"

#include <QObject>
#include <QPointer>
#include <QSaveFile>
#include <QUrl>
#include <QUrlQuery>

class QNetworkAccessManager;
class QNetworkReply;

namespace mandate::client {

// A GET whose answer goes straight to a file as it arrives (an audit export can be far larger than
// memory should hold). The file is written atomically: it appears only once the whole answer has
// arrived, so an interrupted export never leaves a truncated file that looks complete.
class DownloadJob : public QObject
{
    Q_OBJECT

public:
    DownloadJob(QNetworkAccessManager &network, const QUrl &url, const QString &token, const QString &file,
                QObject *parent = nullptr);
    ~DownloadJob() override;

    void start();
    void abort();

Q_SIGNALS:
    void progress(qint64 bytesWritten);
    void finished(qint64 bytesWritten);
    void failed(const mandate::client::ApiError &error);

private:
    void onReadyRead();
    void onFinished(QNetworkReply *reply);

    QNetworkAccessManager &m_network;
    QUrl m_url;
    QString m_token;
    QSaveFile m_file;
    QPointer<QNetworkReply> m_reply;
    QByteArray m_errorBody;
    qint64 m_written = 0;
};

} // namespace mandate::client
