#pragma once

#include "server/events/LiveEvent.h"
#include "server/http/Principal.h"

#include <QObject>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <chrono>

namespace mandate::server {

// One client's Server-Sent Events stream over a kept-open HTTP response (chunked). It writes only
// the events its principal may see, sends a heartbeat comment when idle, and drops the client
// rather than buffer without bound when the client reads more slowly than events arrive.
class SseStream : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 MaxBufferedBytes = 1024 * 1024;

    SseStream(QTcpSocket *socket, Principal principal, std::chrono::milliseconds heartbeat);

    const Principal &principal() const { return m_principal; }
    qint64 lastSentId() const { return m_lastSentId; }
    // Sends the event when the principal may see it and it is newer than what was sent.
    void send(const LiveEvent &event);
    // Tells the client it missed events it can no longer replay, so it reloads.
    void sendResync();
    // Ends the response (the last chunk) and the connection: the session behind it is gone.
    void close();
    bool isClosed() const { return m_closed || !m_socket || !m_socket->isOpen(); }

private:
    void writeChunk(const QByteArray &text);

    QPointer<QTcpSocket> m_socket;
    Principal m_principal;
    QTimer m_heartbeat;
    qint64 m_lastSentId = 0;
    bool m_closed = false;
};

} // namespace mandate::server
