#pragma once

#include "client/ApiError.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

class QNetworkAccessManager;
class QNetworkReply;

namespace mandate::client {

// One REST call: its own timeout, problem+json turned into a typed ApiError, and retries with
// backoff for GETs only (repeating a POST could move money twice; POSTs carry an Idempotency-Key
// instead, so whoever resends them does so deliberately). The job deletes itself once it finished.
class ApiJob : public QObject
{
    Q_OBJECT

public:
    struct Request
    {
        QByteArray method = "GET";
        QString path; // below the server URL, e.g. "/v1/delegations"
        QUrlQuery query;
        QByteArray body; // JSON
        QByteArray idempotencyKey;
        // Headers of the call's own (AuthZEN's X-Request-ID), sent as they are.
        QList<QPair<QByteArray, QByteArray>> headers;
        int timeoutMs = 15000;
        int maxAttempts = 1; // > 1 only for idempotent reads
    };

    ApiJob(QNetworkAccessManager &network, QUrl server, QString token, Request request,
           QObject *parent = nullptr);
    ~ApiJob() override;

    void start();
    // Stops the call; neither succeeded nor failed is emitted afterwards.
    void abort();

    const Request &request() const { return m_request; }
    int attempts() const { return m_attempts; }

Q_SIGNALS:
    void succeeded(const QJsonObject &body, int status);
    void failed(const mandate::client::ApiError &error);

private:
    void send();
    void onFinished(QNetworkReply *reply);
    bool retryLater(const ApiError &error);
    void finish();

    QNetworkAccessManager &m_network;
    QUrl m_server;
    QString m_token;
    Request m_request;
    QPointer<QNetworkReply> m_reply;
    QTimer m_retryTimer;
    int m_attempts = 0;
};

} // namespace mandate::client
