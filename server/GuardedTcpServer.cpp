#include "GuardedTcpServer.h"

#include "ConnectionGuard.h"

#include <QSslSocket>

namespace mandate::server {

GuardedTcpServer::GuardedTcpServer(const HttpLimits &limits, std::optional<QSslConfiguration> tls,
                                   QObject *parent)
    : QTcpServer(parent)
    , m_limits(limits)
    , m_tls(std::move(tls))
{
    m_timeoutTick.setInterval(std::chrono::seconds(1));
    m_timeoutTick.start();
}

void GuardedTcpServer::incomingConnection(qintptr descriptor)
{
    QTcpSocket *socket = nullptr;
    if (m_tls) {
        auto *ssl = new QSslSocket(this);
        ssl->setSslConfiguration(*m_tls);
        socket = ssl;
    } else {
        socket = new QTcpSocket(this);
    }
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    if (m_open >= m_limits.maxConnections) {
        refuse(socket);
        return;
    }

    ++m_open;
    auto *guard = new ConnectionGuard(socket, m_limits);
    connect(guard, &QObject::destroyed, this, [this] { --m_open; });
    connect(&m_timeoutTick, &QTimer::timeout, guard, &ConnectionGuard::checkTimeouts);
    if (auto *ssl = qobject_cast<QSslSocket *>(socket))
        ssl->startServerEncryption();
    addPendingConnection(socket);
}

void GuardedTcpServer::refuse(QTcpSocket *socket)
{
    static const QByteArray body =
        R"({"type":"urn:mandate:problem:rate_limited","title":"Too many connections",)"
        R"("status":503,"detail":"The server is at its connection limit; retry shortly."})";
    socket->write("HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/problem+json\r\n"
                  "Retry-After: 1\r\nConnection: close\r\nContent-Length: " +
                  QByteArray::number(body.size()) + "\r\n\r\n" + body);
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    socket->disconnectFromHost();
}

} // namespace mandate::server
