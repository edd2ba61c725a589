#include "EventHub.h"

#include "SseStream.h"

namespace mandate::server {

void EventHub::subscribe(SseStream *stream)
{
    m_streams.append(stream);
}

void EventHub::deliver(const QList<LiveEvent> &events)
{
    m_streams.removeIf([](const QPointer<SseStream> &stream) { return stream.isNull(); });
    for (const QPointer<SseStream> &stream : std::as_const(m_streams)) {
        for (const LiveEvent &event : events) {
            if (stream)
                stream->send(event);
        }
    }
}

int EventHub::subscriberCount() const
{
    return static_cast<int>(
        std::count_if(m_streams.cbegin(), m_streams.cend(),
                      [](const QPointer<SseStream> &stream) { return !stream.isNull(); }));
}

} // namespace mandate::server
