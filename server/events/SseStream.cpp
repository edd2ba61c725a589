#include "server/events/SseStream.h"

#include "server/domain/AccessPolicy.h"

#include <QTcpSocket>

namespace mandate::server {

SseStream::SseStream(QTcpSocket *socket, Principal principal, std::chrono::milliseconds heartbeat)
    : QObject(socket)
    , m_socket(socket)
    , m_principal(std::move(principal))
{
    m_heartbeat.setInterval(heartbeat);
    connect(&m_heartbeat, &QTimer::timeout, this, [this] { writeChunk(": keep-alive\n\n"); });
    m_heartbeat.start();
    // Tell EventSource clients how long to wait before reconnecting.
    writeChunk("retry: 2000\n\n");
}

void SseStream::send(const LiveEvent &event)
{
    if (event.id <= m_lastSentId || !AccessPolicy::canSeeLiveEvent(m_principal, event))
        return;
    m_lastSentId = event.id;
    writeChunk("id: " + QByteArray::number(event.id) + "\nevent: " + event.type.toUtf8() +
               "\ndata: " + event.payload + "\n\n");
}

void SseStream::sendResync()
{
    writeChunk("event: resync\ndata: {}\n\n");
}

void SseStream::close()
{
    if (isClosed())
        return;
    m_closed = true;
    m_heartbeat.stop();
    m_socket->write("0\r\n\r\n");
    m_socket->disconnectFromHost();
}

void SseStream::writeChunk(const QByteArray &text)
{
    if (isClosed())
        return;
    if (m_socket->bytesToWrite() > MaxBufferedBytes) {
        // A client this far behind would make the server hold its backlog forever: cut it off.
        // It reconnects with Last-Event-ID and replays from the store.
        m_socket->abort();
        return;
    }
    m_socket->write(QByteArray::number(text.size(), 16) + "\r\n" + text + "\r\n");
    m_heartbeat.start();
}

} // namespace mandate::server
