#pragma once

#include "server/http/HttpLimits.h"
#include "server/http/HttpRequestFramer.h"
#include "server/http/RawHttpRequest.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

#include <functional>

class QTcpSocket;

namespace mandate::server {

class SendBatch;

// One client connection of the HTTP server. Every byte goes through its framer, which enforces
// HttpLimits as the bytes arrive; violations are answered with problem+json here and the
// connection closed, so an oversized or endless request is never buffered. Complete requests go
// to the handler one at a time: the next only once the current one is answered, so pipelined
// requests are answered in order. A streaming response (Server-Sent Events) keeps the connection
// and is exempt from the idle timeout. Answers given while a SendBatch is open leave with it.
class ConnectionGuard : public QObject
{
    Q_OBJECT

public:
    using RequestHandler = std::function<void(RawHttpRequest &&request, ConnectionGuard &connection)>;

    // `sends` (none for TLS connections) must outlive the connection.
    ConnectionGuard(QTcpSocket *socket, const HttpLimits &limits, RequestHandler handler,
                    SendBatch *sends = nullptr);

    static ConnectionGuard *of(const QTcpSocket *socket);

    QTcpSocket *socket() const { return m_socket; }
    // A complete answer: with the send batch when one is open, else at once.
    void send(const QByteArray &answer);
    // Bytes for the socket's own buffer (a stream's head, a last answer before closing), after
    // anything of this connection the send batch still holds.
    void write(const QByteArray &bytes);
    // The current request's answer is on its way: the next pipelined request may go to the handler.
    void answered();
    // The connection is being closed (a refused request, an eviction): nothing more may be written.
    bool isClosing() const { return m_closing; }

    void setStreaming(bool streaming) { m_streaming = streaming; }
    // Between requests, none being answered and not streaming: the connection can be closed
    // without losing anything.
    bool isIdle() const { return m_phase == Phase::Idle && !m_answering && !m_streaming && !m_closing; }
    qint64 idleMilliseconds() const { return m_phaseTimer.elapsed(); }
    // Ends the connection once what is written has gone out; nothing more on it is read or answered.
    void close();
    // Closes an idle connection to make room for a new one.
    void evict() { close(); }
    // Called about once a second by the listener; closes the connection when a timeout passed.
    void checkTimeouts();

private:
    void onReadyRead();
    void dispatch();
    // Feeds the framer; false when the bytes were refused (and the connection is closing).
    bool frame(const QByteArray &bytes);
    void reject(int status, const QByteArray &kind, const QString &detail);
    void discardInput();

    QPointer<QTcpSocket> m_socket;
    SendBatch *m_sends;
    HttpLimits m_limits;
    HttpRequestFramer m_framer;
    RequestHandler m_handler;
    QElapsedTimer m_phaseTimer; // restarted whenever the framer changes phase or the socket is active
    enum class Phase
    {
        Idle,
        Headers,
        Body
    } m_phase = Phase::Idle;
    bool m_answering = false;   // a request is with the handler
    bool m_dispatching = false; // inside dispatch(): an answer given at once does not recurse
    bool m_streaming = false;
    bool m_closing = false;
};

} // namespace mandate::server
