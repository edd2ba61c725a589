#pragma once

#include "server/http/HttpLimits.h"
#include "server/http/HttpRequestFramer.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

class QTcpSocket;

namespace mandate::server {

// Watches one client connection on behalf of the HTTP server. It sees every byte before the HTTP
// parser does (its readyRead slot is connected first), enforces HttpLimits, answers violations
// with problem+json itself and closes the connection, so an oversized or endless request is never
// buffered. A streaming response (Server-Sent Events) is exempt from the idle timeout.
class ConnectionGuard : public QObject
{
    Q_OBJECT

public:
    ConnectionGuard(QTcpSocket *socket, const HttpLimits &limits);

    static ConnectionGuard *of(const QTcpSocket *socket);

    void setStreaming(bool streaming) { m_streaming = streaming; }
    // Between requests and not streaming: the connection can be closed without losing anything.
    bool isIdle() const { return m_phase == Phase::Idle && !m_streaming && !m_closing; }
    qint64 idleMilliseconds() const { return m_phaseTimer.elapsed(); }
    // Closes an idle connection to make room for a new one.
    void evict();
    // Called about once a second by the listener; closes the connection when a timeout passed.
    void checkTimeouts();

private:
    void onReadyRead();
    void reject(int status, const QByteArray &kind, const QString &detail);
    void discardInput();

    QPointer<QTcpSocket> m_socket;
    HttpLimits m_limits;
    HttpRequestFramer m_framer;
    QElapsedTimer m_phaseTimer; // restarted whenever the framer changes phase or the socket is active
    enum class Phase
    {
        Idle,
        Headers,
        Body
    } m_phase = Phase::Idle;
    bool m_streaming = false;
    bool m_closing = false;
};

} // namespace mandate::server
