#include "server/http/ConnectionGuard.h"

#include "server/http/Problem.h"
#include "server/http/SendBatch.h"

#include <QTcpSocket>
#include <QTimer>

#include <sys/socket.h>

namespace mandate::server {

namespace {

constexpr auto LingerTime = std::chrono::seconds(2);
// Requests one connection may have framed ahead of the one being answered. Beyond them its bytes
// stay in the socket's bounded buffer and then in the kernel: TCP's own back-pressure.
constexpr qsizetype MaxQueuedRequests = 16;
constexpr qint64 ReadBufferBytes = 64 * 1024;

} // namespace

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, const HttpLimits &limits, RequestHandler handler,
                                 SendBatch *sends)
    : QObject(socket)
    , m_socket(socket)
    , m_sends(sends)
    , m_limits(limits)
    , m_framer(limits)
    , m_handler(std::move(handler))
{
    m_phaseTimer.start();
    socket->setReadBufferSize(ReadBufferBytes);
    connect(socket, &QTcpSocket::readyRead, this, &ConnectionGuard::onReadyRead);
    connect(socket, &QTcpSocket::bytesWritten, this, [this] {
        if (m_phase == Phase::Idle)
            m_phaseTimer.restart();
    });
}

ConnectionGuard *ConnectionGuard::of(const QTcpSocket *socket)
{
    return socket ? socket->findChild<ConnectionGuard *>(QString(), Qt::FindDirectChildrenOnly) : nullptr;
}

void ConnectionGuard::send(const QByteArray &answer)
{
    if (m_sends && m_sends->add(m_socket, answer))
        return;
    m_socket->write(answer);
    // Now, not on the event loop's next pass: a group commit answers a batch of clients at once.
    m_socket->flush();
}

void ConnectionGuard::write(const QByteArray &bytes)
{
    const QByteArray held = m_sends ? m_sends->take(m_socket) : QByteArray();
    if (!held.isEmpty())
        m_socket->write(held);
    if (!bytes.isEmpty())
        m_socket->write(bytes);
}

void ConnectionGuard::answered()
{
    m_answering = false;
    m_phaseTimer.restart();
    dispatch();
}

void ConnectionGuard::onReadyRead()
{
    dispatch();
}

void ConnectionGuard::dispatch()
{
    // An answer given inside the handler calls answered(), which lands here again: the loop below
    // goes on with the next request instead of recursing once per pipelined request.
    if (m_dispatching)
        return;
    m_dispatching = true;
    while (m_socket && !m_closing) {
        if (!m_answering && m_framer.pendingRequests() > 0) {
            m_answering = true;
            m_handler(m_framer.takeRequest(), *this);
            continue;
        }
        if (m_framer.pendingRequests() >= MaxQueuedRequests || m_socket->bytesAvailable() == 0)
            break;
        if (!frame(m_socket->readAll()))
            break;
    }
    m_dispatching = false;
    if (!m_socket || m_closing)
        return;
    if (!m_answering && m_framer.pendingRequests() == 0 && m_framer.awaitsContinue()) {
        write("HTTP/1.1 100 Continue\r\n\r\n");
        m_framer.continueSent();
    }
    const Phase phase = m_framer.isIdle() ? Phase::Idle : m_framer.inHeaders() ? Phase::Headers : Phase::Body;
    if (phase != m_phase || phase == Phase::Idle) {
        m_phase = phase;
        m_phaseTimer.restart();
    }
}

bool ConnectionGuard::frame(const QByteArray &bytes)
{
    switch (m_framer.feed(bytes)) {
    case HttpRequestFramer::Rejection::None:
        break;
    case HttpRequestFramer::Rejection::HeadersTooLarge:
        reject(431, "payload_too_large",
               tr("The request headers exceed %1 bytes.").arg(m_limits.maxHeaderBytes));
        return false;
    case HttpRequestFramer::Rejection::TooManyHeaders:
        reject(431, "payload_too_large",
               tr("The request has more than %1 header fields.").arg(m_limits.maxHeaderCount));
        return false;
    case HttpRequestFramer::Rejection::BodyTooLarge:
        reject(413, "payload_too_large", tr("The request body exceeds %1 bytes.").arg(m_limits.maxBodyBytes));
        return false;
    case HttpRequestFramer::Rejection::MalformedFraming:
        reject(400, "validation", tr("The request's length or chunk framing is malformed or ambiguous."));
        return false;
    case HttpRequestFramer::Rejection::BadRequestLine:
        reject(400, "validation",
               tr("The request line must be a method, a target and HTTP/1.1 (or HTTP/1.0)."));
        return false;
    case HttpRequestFramer::Rejection::BadFieldName:
        reject(400, "validation",
               tr("A header field name must be a token directly followed by a colon, without whitespace."));
        return false;
    case HttpRequestFramer::Rejection::BadHost:
        reject(400, "validation", tr("An HTTP/1.1 request carries exactly one Host header."));
        return false;
    case HttpRequestFramer::Rejection::UnsupportedEncoding:
        reject(501, "validation", tr("Only the chunked transfer coding is supported."));
        return false;
    }
    return true;
}

void ConnectionGuard::checkTimeouts()
{
    if (!m_socket || m_closing)
        return;
    const auto elapsed = std::chrono::milliseconds(m_phaseTimer.elapsed());
    switch (m_phase) {
    case Phase::Headers:
        if (elapsed > m_limits.headerTimeout)
            reject(408, "validation", tr("The request headers did not arrive in time."));
        break;
    case Phase::Body:
        if (elapsed > m_limits.bodyTimeout)
            reject(408, "validation", tr("The request body did not arrive in time."));
        break;
    case Phase::Idle:
        if (!m_streaming && !m_answering && elapsed > m_limits.idleTimeout)
            m_socket->disconnectFromHost();
        break;
    }
}

void ConnectionGuard::close()
{
    m_closing = true;
    if (!m_socket)
        return;
    // What the send batch holds goes out before the socket closes, not into a closed one.
    write({});
    m_socket->disconnectFromHost();
}

void ConnectionGuard::reject(int status, const QByteArray &kind, const QString &detail)
{
    m_closing = true;
    const ApiResponse problem =
        Problem::make(status, QString::fromLatin1(kind), QStringLiteral("Request refused"), detail);
    const QByteArray response = problem.head(true) + problem.body;

    // From here on the bytes are read and dropped: nothing more of this request is buffered.
    disconnect(m_socket, &QTcpSocket::readyRead, nullptr, nullptr);
    connect(m_socket, &QTcpSocket::readyRead, this, &ConnectionGuard::discardInput);
    discardInput();

    write(response);
    m_socket->flush();
    // A lingering close: send FIN after the answer but keep draining what the client is still
    // sending for a moment, so its TCP stack does not reset the connection before it reads the
    // answer (closing with unread input sends RST).
    if (m_socket->socketDescriptor() >= 0 && m_socket->bytesToWrite() == 0)
        ::shutdown(static_cast<int>(m_socket->socketDescriptor()), SHUT_WR);
    QTimer::singleShot(LingerTime, m_socket, [socket = m_socket] {
        if (socket)
            socket->abort();
    });
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
        if (m_socket && m_socket->bytesToWrite() == 0 && m_socket->socketDescriptor() >= 0)
            ::shutdown(static_cast<int>(m_socket->socketDescriptor()), SHUT_WR);
    });
}

void ConnectionGuard::discardInput()
{
    if (!m_socket)
        return;
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
    m_socket->skip(m_socket->bytesAvailable());
}

} // namespace mandate::server
