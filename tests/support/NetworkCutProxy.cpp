#include "tests/support/NetworkCutProxy.h"

namespace mandate::test {

NetworkCutProxy::NetworkCutProxy(const QUrl &target, QObject *parent)
    : QObject(parent)
    , m_target(target)
{
    connect(&m_listener, &QTcpServer::newConnection, this, &NetworkCutProxy::onNewConnection);
}

bool NetworkCutProxy::start()
{
    return m_listener.listen(QHostAddress::LocalHost, 0);
}

QUrl NetworkCutProxy::url() const
{
    QUrl url = m_target;
    url.setPort(m_listener.serverPort());
    return url;
}

void NetworkCutProxy::cut()
{
    m_cut = true;
    for (const QPointer<QTcpSocket> &socket : std::as_const(m_sockets)) {
        if (socket)
            socket->abort();
    }
    m_sockets.clear();
}

void NetworkCutProxy::restore()
{
    m_cut = false;
}

void NetworkCutProxy::onNewConnection()
{
    while (QTcpSocket *client = m_listener.nextPendingConnection()) {
        if (m_cut) {
            client->abort();
            client->deleteLater();
            continue;
        }
        ++m_accepted;
        auto *upstream = new QTcpSocket(client);
        m_sockets.append(client);
        m_sockets.append(upstream);
        connect(client, &QTcpSocket::readyRead, upstream, [client, upstream] {
            if (upstream->state() == QAbstractSocket::ConnectedState)
                upstream->write(client->readAll());
        });
        connect(upstream, &QTcpSocket::connected, client,
                [client, upstream] { upstream->write(client->readAll()); });
        connect(upstream, &QTcpSocket::readyRead, client,
                [client, upstream] { client->write(upstream->readAll()); });
        connect(client, &QTcpSocket::disconnected, upstream, &QTcpSocket::disconnectFromHost);
        connect(upstream, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
        connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
        upstream->connectToHost(m_target.host(), static_cast<quint16>(m_target.port()));
    }
}

} // namespace mandate::test
