#pragma once

#include <QObject>
#include <QPointer>

#include <functional>

class QTcpSocket;

namespace mandate::server {

// Sends a streamed body with chunked transfer coding, asking its source for the next piece only
// when the socket has drained below a low-water mark: a slow reader costs the server one piece of
// memory, not the whole export.
class ChunkedResponseWriter : public QObject
{
    Q_OBJECT

public:
    // `done` runs once the last chunk is written.
    ChunkedResponseWriter(QTcpSocket *socket, std::function<QByteArray()> source, std::function<void()> done);

private:
    void pump();

    QPointer<QTcpSocket> m_socket;
    std::function<QByteArray()> m_source;
    std::function<void()> m_whenDone;
    bool m_done = false;
};

} // namespace mandate::server
