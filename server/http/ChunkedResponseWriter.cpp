#include "server/http/ChunkedResponseWriter.h"

#include <QTcpSocket>

namespace mandate::server {

namespace {

constexpr qint64 LowWaterMark = 64 * 1024;

} // namespace

ChunkedResponseWriter::ChunkedResponseWriter(QTcpSocket *socket, std::function<QByteArray()> source,
                                             std::function<void()> done)
    : QObject(socket)
    , m_socket(socket)
    , m_source(std::move(source))
    , m_whenDone(std::move(done))
{
    connect(socket, &QTcpSocket::bytesWritten, this, &ChunkedResponseWriter::pump);
    pump();
}

void ChunkedResponseWriter::pump()
{
    while (!m_done && m_socket && m_socket->isOpen() && m_socket->bytesToWrite() < LowWaterMark) {
        const QByteArray piece = m_source();
        if (piece.isEmpty()) {
            m_done = true;
            m_socket->write("0\r\n\r\n");
            m_whenDone();
            deleteLater();
            return;
        }
        m_socket->write(QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n");
    }
}

} // namespace mandate::server
