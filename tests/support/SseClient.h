#pragma once

#include "tests/support/OpenApiContract.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QString>
#include <QTest>
#include <QTimer>

#include <functional>

namespace mandate::test {

// Reads a Server-Sent Events stream the way a browser's EventSource would: it parses "id:",
// "event:" and "data:" lines into events and counts comment lines (heartbeats). Every event's
// data is held against its schema in resources/api/openapi.yaml; a mismatch fails the test.
class SseClient
{
public:
    struct Event
    {
        qint64 id = 0;
        QString type;
        QJsonObject data;
        qint64 receivedAtMs = 0; // on the client's monotonic clock
    };

    SseClient(const QString &baseUrl, const QString &token, const QByteArray &lastEventId = {})
    {
        m_clock.start();
        QNetworkRequest request(QUrl(baseUrl + QStringLiteral("/v1/events")));
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
        request.setRawHeader("Accept", "text/event-stream");
        if (!lastEventId.isEmpty())
            request.setRawHeader("Last-Event-ID", lastEventId);
        m_reply = m_network.get(request);
        QObject::connect(m_reply, &QNetworkReply::readyRead, m_reply, [this] { read(); });
    }

    ~SseClient()
    {
        if (m_reply) {
            m_reply->abort();
            m_reply->deleteLater();
        }
    }

    const QList<Event> &events() const { return m_events; }
    int comments() const { return m_comments; }
    qint64 elapsedMs() const { return m_clock.elapsed(); }
    int status() const { return m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(); }
    // The server ended the stream (or refused it).
    bool isFinished() const { return m_reply->isFinished(); }

    // Spins the event loop until `done` holds or the time runs out.
    bool waitFor(const std::function<bool()> &done, int timeoutMs = 5000)
    {
        QElapsedTimer timer;
        timer.start();
        while (!done()) {
            if (timer.elapsed() > timeoutMs)
                return false;
            QEventLoop loop;
            QTimer::singleShot(10, &loop, &QEventLoop::quit);
            loop.exec();
        }
        return true;
    }

    bool hasEvent(const QString &type, const std::function<bool(const QJsonObject &)> &match = {}) const
    {
        for (const Event &event : m_events) {
            if (event.type == type && (!match || match(event.data)))
                return true;
        }
        return false;
    }

private:
    void read()
    {
        m_buffer += m_reply->readAll();
        qsizetype end;
        while ((end = m_buffer.indexOf("\n\n")) >= 0) {
            const QByteArray block = m_buffer.left(end);
            m_buffer.remove(0, end + 2);
            Event event;
            bool isEvent = false;
            for (const QByteArray &line : block.split('\n')) {
                if (line.startsWith(':')) {
                    ++m_comments;
                } else if (line.startsWith("id: ")) {
                    event.id = line.mid(4).toLongLong();
                } else if (line.startsWith("event: ")) {
                    event.type = QString::fromUtf8(line.mid(7));
                    isEvent = true;
                } else if (line.startsWith("data: ")) {
                    event.data = QJsonDocument::fromJson(line.mid(6)).object();
                }
            }
            if (isEvent) {
                checkContract(event);
                event.receivedAtMs = m_clock.elapsed();
                m_events.append(event);
            }
        }
    }

    static void checkContract(const Event &event)
    {
        const QStringList problems = OpenApiContract::shared().checkEvent(event.type, event.data);
        if (!problems.isEmpty()) {
            const QString message = QStringLiteral("OpenAPI contract: event %1 of GET /v1/events is not as "
                                                   "resources/api/openapi.yaml says:\n    %2")
                                        .arg(event.type, problems.join(QStringLiteral("\n    ")));
            QTest::qFail(qPrintable(message), __FILE__, __LINE__);
        }
    }

    QNetworkAccessManager m_network;
    QNetworkReply *m_reply = nullptr;
    QByteArray m_buffer;
    QList<Event> m_events;
    int m_comments = 0;
    QElapsedTimer m_clock;
};

} // namespace mandate::test
