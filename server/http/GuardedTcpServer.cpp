#include "server/http/GuardedTcpServer.h"

#include "server/http/ConnectionGuard.h"
#include "server/http/Problem.h"

#include <QSslSocket>

namespace mandate::server {

GuardedTcpServer::GuardedTcpServer(const HttpLimits &limits, std::optional<QSslConfiguration> tls,
                                   ConnectionGuard::RequestHandler handler, QObject *parent)
    : QTcpServer(parent)
    , m_limits(limits)
    , m_tls(std::move(tls))
    , m_handler(std::move(handler))
{
    m_timeoutTick.setInterval(std::chrono::seconds(1));
    m_timeoutTick.start();
}

GuardedTcpServer::~GuardedTcpServer()
{
    // The connections use m_sends, a member: they go first, not with the children after it.
    qDeleteAll(findChildren<QTcpSocket *>(Qt::FindDirectChildrenOnly));
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
    const QString address = socket->peerAddress().toString();
    if (m_perAddress.value(address) >= qMin(m_limits.maxConnectionsPerAddress, m_limits.maxConnections) &&
        !makeRoom(address)) {
        refuse(socket, 429, "Too many connections from your address; close some or retry shortly.");
        return;
    }
    if (m_guards.size() >= m_limits.maxConnections && !makeRoom(QString())) {
        refuse(socket, 503, "The server is at its connection limit; retry shortly.");
        return;
    }

    auto *guard = new ConnectionGuard(socket, m_limits, m_handler, m_tls ? nullptr : &m_sends);
    m_guards.insert(guard, address);
    ++m_perAddress[address];
    connect(guard, &QObject::destroyed, this, &GuardedTcpServer::forget);
    connect(&m_timeoutTick, &QTimer::timeout, guard, &ConnectionGuard::checkTimeouts);
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    if (auto *ssl = qobject_cast<QSslSocket *>(socket))
        ssl->startServerEncryption();
}

bool GuardedTcpServer::makeRoom(const QString &address)
{
    ConnectionGuard *longestIdle = nullptr;
    for (auto it = m_guards.cbegin(); it != m_guards.cend(); ++it) {
        if (!address.isEmpty() && *it != address)
            continue;
        auto *guard = static_cast<ConnectionGuard *>(it.key());
        if (guard->isIdle() && (!longestIdle || guard->idleMilliseconds() > longestIdle->idleMilliseconds()))
            longestIdle = guard;
    }
    if (!longestIdle)
        return false;
    // It stops counting now; its socket goes away on the next event-loop pass.
    forget(longestIdle);
    longestIdle->evict();
    return true;
}

void GuardedTcpServer::forget(QObject *guard)
{
    const auto it = m_guards.constFind(guard);
    if (it == m_guards.cend())
        return;
    if (--m_perAddress[*it] <= 0)
        m_perAddress.remove(*it);
    m_guards.erase(it);
}

void GuardedTcpServer::refuse(QTcpSocket *socket, int status, const QByteArray &detail)
{
    ApiResponse refusal = Problem::make(status, QStringLiteral("rate_limited"),
                                        QStringLiteral("Too many connections"), QString::fromLatin1(detail));
    refusal.headers.emplaceBack("Retry-After", "1");
    socket->write(refusal.head(true) + refusal.body);
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    socket->disconnectFromHost();
}

} // namespace mandate::server
