#pragma once

#include "server/http/ConnectionGuard.h"
#include "server/http/HttpLimits.h"
#include "server/http/SendBatch.h"

#include <QHash>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QTimer>

#include <optional>

namespace mandate::server {

// The HTTP listener. Every accepted connection gets a ConnectionGuard, which frames its requests
// and hands them to the request handler; with a TLS configuration every connection is a
// server-side QSslSocket. Connections are capped in total and per client address. At a cap, the
// longest-idle keep-alive connection (of that address) is closed to make room, so connections
// that only sit there cannot lock anyone out; only when none is idle is a new one refused.
// Answers given while sends() is open leave together (plain TCP; TLS connections write their own).
class GuardedTcpServer : public QTcpServer
{
    Q_OBJECT

public:
    GuardedTcpServer(const HttpLimits &limits, std::optional<QSslConfiguration> tls,
                     ConnectionGuard::RequestHandler handler, QObject *parent = nullptr);
    ~GuardedTcpServer() override;

    int openConnections() const { return static_cast<int>(m_guards.size()); }
    SendBatch &sends() { return m_sends; }

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    // Closes the longest-idle connection (from `address`, when given); false when none is idle.
    bool makeRoom(const QString &address);
    void forget(QObject *guard);
    void refuse(QTcpSocket *socket, int status, const QByteArray &detail);

    HttpLimits m_limits;
    std::optional<QSslConfiguration> m_tls;
    ConnectionGuard::RequestHandler m_handler;
    SendBatch m_sends;
    QTimer m_timeoutTick;
    QHash<QObject *, QString> m_guards; // open connection → its client address
    QHash<QString, int> m_perAddress;
};

} // namespace mandate::server
