#include "tests/support/ScriptedPdp.h"

namespace mandate::test {

ScriptedPdp::ScriptedPdp(Mode mode)
    : m_mode(mode)
{
    m_server.listen(QHostAddress::LocalHost, 0);
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            m_held.append(socket);
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { serve(socket); });
        }
    });
}

QString ScriptedPdp::url() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort());
}

void ScriptedPdp::serve(QTcpSocket *socket)
{
    QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
    for (;;) {
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            break;
        const QByteArray headers = buffer.left(headerEnd).toLower();
        qsizetype length = 0;
        const qsizetype at = headers.indexOf("content-length:");
        if (at >= 0)
            length = headers.mid(at + 15, headers.indexOf("\r\n", at) - at - 15).trimmed().toLongLong();
        if (buffer.size() < headerEnd + 4 + length)
            break;
        m_lastBody = buffer.mid(headerEnd + 4, length);
        buffer.remove(0, headerEnd + 4 + length);
        ++m_requests;
        switch (m_mode) {
        case Mode::Silent:
            break;
        case Mode::ServerError:
            socket->write("HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\n"
                          "Content-Length: 17\r\n\r\n{\"error\":\"boom\"}\n");
            break;
        case Mode::NotJson:
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 6\r\n\r\nhello\n");
            break;
        case Mode::PersonOnly:
        case Mode::Deny: {
            const bool allowed = m_mode == Mode::PersonOnly && m_lastBody.contains("\"approval\":\"person\"");
            const QByteArray body = allowed ? QByteArrayLiteral("{\"decision\":true}")
                                            : QByteArrayLiteral("{\"decision\":false}");
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                          QByteArray::number(body.size()) + "\r\n\r\n" + body);
            break;
        }
        }
    }
    socket->setProperty("buffer", buffer);
}

} // namespace mandate::test
