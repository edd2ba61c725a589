#include "client/EventStream.h"

#include "client/ConsoleCodec.h"
#include "client/NetworkReplies.h"
#include "core/ApprovalCodec.h"
#include "core/DelegationCodec.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>

namespace mandate::client {

namespace {

// The server sends a heartbeat at least every 15 s.
constexpr int DefaultSilenceMs = 45000;
constexpr qsizetype MaxLineBytes = 4 * 1024 * 1024;

} // namespace

EventStream::EventStream(QNetworkAccessManager &network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{
    m_reconnect.setSingleShot(true);
    connect(&m_reconnect, &QTimer::timeout, this, &EventStream::connectNow);
    m_silence.setSingleShot(true);
    m_silence.setInterval(DefaultSilenceMs);
    connect(&m_silence, &QTimer::timeout, this, [this] {
        if (m_reply)
            m_reply->abort(); // onFinished reconnects
    });
}

EventStream::~EventStream()
{
    // Silently: no connectedChanged from a destructor, whose listeners may be half gone already
    // (a session's monitor is destroyed before its stream).
    abandonReply(m_reply, this);
}

void EventStream::setBackoff(int initialMs, int maxMs)
{
    m_initialBackoffMs = initialMs;
    m_maxBackoffMs = maxMs;
    m_backoffMs = initialMs;
}

void EventStream::start(const QUrl &server, const QString &token)
{
    stop();
    m_server = server;
    m_token = token;
    m_running = true;
    m_backoffMs = m_initialBackoffMs;
    connectNow();
}

void EventStream::stop()
{
    m_running = false;
    m_reconnect.stop();
    m_silence.stop();
    abandonReply(m_reply, this);
    setConnected(false);
}

void EventStream::connectNow()
{
    if (!m_running)
        return;
    QUrl url = m_server;
    url.setPath(url.path() + QStringLiteral("/v1/events"));
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "text/event-stream");
    request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    if (!m_lastEventId.isEmpty())
        request.setRawHeader("Last-Event-ID", m_lastEventId.toUtf8());
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    m_buffer.clear();
    m_data.clear();
    m_eventType.clear();
    m_eventId.clear();
    m_reply = m_network.get(request);
    connect(m_reply, &QNetworkReply::readyRead, this, &EventStream::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, [this, reply = m_reply.data()] { onFinished(reply); });
    m_silence.start();
}

void EventStream::onReadyRead()
{
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200)
        return; // the error body is read and handled in onFinished
    m_silence.start();
    if (!m_connected) {
        m_backoffMs = m_initialBackoffMs;
        setConnected(true);
    }
    m_buffer += m_reply->readAll();
    qsizetype start = 0;
    for (qsizetype end = m_buffer.indexOf('\n'); end >= 0; end = m_buffer.indexOf('\n', start)) {
        QByteArray line = m_buffer.mid(start, end - start);
        start = end + 1;
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty()) {
            dispatch();
            continue;
        }
        if (line.startsWith(':'))
            continue; // heartbeat comment
        const qsizetype colon = line.indexOf(':');
        const QByteArray field = colon < 0 ? line : line.left(colon);
        QByteArray value = colon < 0 ? QByteArray() : line.mid(colon + 1);
        if (value.startsWith(' '))
            value.remove(0, 1);
        if (field == "data") {
            if (!m_data.isEmpty())
                m_data += '\n';
            m_data += value;
        } else if (field == "event") {
            m_eventType = QString::fromUtf8(value);
        } else if (field == "id") {
            m_eventId = QString::fromUtf8(value);
        }
    }
    m_buffer.remove(0, start);
    if (m_buffer.size() > MaxLineBytes)
        m_reply->abort(); // a line this long is not an event stream
}

void EventStream::dispatch()
{
    if (!m_eventId.isEmpty())
        m_lastEventId = m_eventId;
    if (m_data.isEmpty() && m_eventType.isEmpty())
        return;
    Event event;
    event.id = m_eventId;
    event.type = m_eventType.isEmpty() ? QStringLiteral("message") : m_eventType;
    event.data = m_data;
    m_data.clear();
    m_eventType.clear();
    m_eventId.clear();
    Q_EMIT eventReceived(event);
    emitTyped(event);
}

void EventStream::emitTyped(const Event &event)
{
    const QJsonObject data = QJsonDocument::fromJson(event.data).object();
    if (event.type.startsWith(QLatin1String("delegation."))) {
        if (auto delegation = DelegationCodec::fromJson(data))
            Q_EMIT delegationChanged(*delegation, event.type == QLatin1String("delegation.created"));
    } else if (event.type == QLatin1String("approval.created") ||
               event.type == QLatin1String("approval.updated")) {
        if (auto approval = ApprovalCodec::fromJson(data))
            Q_EMIT approvalChanged(*approval, event.type == QLatin1String("approval.created"));
    } else if (event.type == QLatin1String("agent.updated")) {
        const AgentInfo agent = ConsoleCodec::agentFromJson(data);
        if (!agent.id.isEmpty())
            Q_EMIT agentChanged(agent);
    }
}

void EventStream::onFinished(QNetworkReply *reply)
{
    // A second finish of this reply, after the reconnect, would end the stream that replaced it.
    releaseFinishedReply(reply, this);
    m_reply = nullptr;
    m_silence.stop();
    setConnected(false);
    scheduleReconnect();
}

void EventStream::scheduleReconnect()
{
    if (!m_running)
        return;
    const int jitter = QRandomGenerator::global()->bounded(m_backoffMs / 4 + 1);
    m_reconnect.start(m_backoffMs + jitter);
    m_backoffMs = qMin(m_maxBackoffMs, m_backoffMs * 2);
}

void EventStream::setConnected(bool connected)
{
    if (m_connected == connected)
        return;
    m_connected = connected;
    Q_EMIT connectedChanged(connected);
}

} // namespace mandate::client
