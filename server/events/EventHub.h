#pragma once

#include "LiveEvent.h"

#include <QList>
#include <QObject>
#include <QPointer>

namespace mandate::server {

class SseStream;

// Fans committed live events out to every open stream. Streams belong to their sockets and leave
// on their own when the client goes; the hub never blocks on any of them.
class EventHub : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    void subscribe(SseStream *stream);
    void deliver(const QList<LiveEvent> &events);
    int subscriberCount() const;

private:
    QList<QPointer<SseStream>> m_streams;
};

} // namespace mandate::server
