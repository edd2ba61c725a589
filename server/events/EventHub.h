#pragma once

#include "server/events/LiveEvent.h"
#include "server/http/Principal.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>

namespace mandate::server {

class SseStream;

// Fans committed live events out to every open stream. Streams belong to their sockets and leave
// on their own when the client goes; the hub never blocks on any of them. It also bounds them: a
// console needs one or two, so one session or person cannot hold the server's connections open,
// and streams together never take the connections that sign-in, authorize and the kill switch need.
class EventHub : public QObject
{
    Q_OBJECT

public:
    struct Limits
    {
        int perSession = 4;
        int perUser = 8;
        int total = 768;
    };
    enum class Admission
    {
        Admitted,
        SessionFull,
        UserFull,
        ServerFull
    };

    explicit EventHub(Limits limits, QObject *parent = nullptr)
        : QObject(parent)
        , m_limits(limits)
    {}

    const Limits &limits() const { return m_limits; }
    // May this principal open one more stream now?
    Admission admit(const Principal &principal);
    void subscribe(SseStream *stream);
    void deliver(const QList<LiveEvent> &events);
    int subscriberCount();
    // The sessions that streams were opened with, to check whether each still exists.
    QSet<QByteArray> sessions();
    // Ends every stream of the session at once (sign-out, expiry, removal on another instance).
    void closeSession(const QByteArray &sessionHash);

private:
    void prune();

    Limits m_limits;
    QList<QPointer<SseStream>> m_streams;
};

} // namespace mandate::server
