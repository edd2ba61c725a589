#pragma once

#include "client/AgentInfo.h"
#include "core/Approval.h"
#include "core/Delegation.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace mandate::client {

// GET /v1/events as a Server-Sent Events stream that stays up: it reconnects with exponential
// backoff and resumes with Last-Event-ID, so a network cut loses nothing within the server's
// retention window. Silence longer than three heartbeats counts as a dead connection.
class EventStream : public QObject
{
    Q_OBJECT

public:
    struct Event
    {
        QString id;
        QString type;    // delegation.created, approval.updated, resync, …
        QByteArray data; // the event's JSON as sent; the typed signals below carry it read
    };

    EventStream(QNetworkAccessManager &network, QObject *parent = nullptr);
    ~EventStream() override;

    void start(const QUrl &server, const QString &token);
    void stop();

    bool isConnected() const { return m_connected; }
    const QString &lastEventId() const { return m_lastEventId; }
    void setLastEventId(const QString &id) { m_lastEventId = id; }
    // Backoff bounds, shortened by tests.
    void setBackoff(int initialMs, int maxMs);
    void setSilenceTimeout(int ms) { m_silence.setInterval(ms); }

Q_SIGNALS:
    void eventReceived(const mandate::client::EventStream::Event &event);
    // The events the console's lists apply, read into domain values (events that do not read are
    // only in eventReceived). `created` is true for *.created, false for updates and revocations.
    void delegationChanged(const mandate::Delegation &delegation, bool created);
    void approvalChanged(const mandate::Approval &approval, bool created);
    void agentChanged(const mandate::client::AgentInfo &agent);
    void connectedChanged(bool connected);

private:
    void connectNow();
    void onReadyRead();
    void onFinished(QNetworkReply *reply);
    void dispatch();
    void emitTyped(const Event &event);
    void scheduleReconnect();
    void setConnected(bool connected);

    QNetworkAccessManager &m_network;
    QUrl m_server;
    QString m_token;
    QPointer<QNetworkReply> m_reply;
    QTimer m_reconnect;
    QTimer m_silence;
    QByteArray m_buffer;
    QString m_eventId;
    QString m_eventType;
    QByteArray m_data;
    QString m_lastEventId;
    int m_initialBackoffMs = 1000;
    int m_maxBackoffMs = 30000;
    int m_backoffMs = 1000;
    bool m_connected = false;
    bool m_running = false;
};

} // namespace mandate::client
