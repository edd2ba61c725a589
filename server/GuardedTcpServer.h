#pragma once

#include "HttpLimits.h"

#include <QSslConfiguration>
#include <QTcpServer>
#include <QTimer>

#include <optional>

namespace mandate::server {

// The listening socket handed to QAbstractHttpServer::bind(). Every accepted connection gets a
// ConnectionGuard before the HTTP server sees it; connections beyond the cap are answered 503 and
// closed; with a TLS configuration every connection is a server-side QSslSocket.
class GuardedTcpServer : public QTcpServer
{
    Q_OBJECT

public:
    GuardedTcpServer(const HttpLimits &limits, std::optional<QSslConfiguration> tls,
                     QObject *parent = nullptr);

    int openConnections() const { return m_open; }

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void refuse(QTcpSocket *socket);

    HttpLimits m_limits;
    std::optional<QSslConfiguration> m_tls;
    QTimer m_timeoutTick;
    int m_open = 0;
};

} // namespace mandate::server
