#include "server/events/EventHub.h"

#include "server/events/SseStream.h"

namespace mandate::server {

void EventHub::prune()
{
    m_streams.removeIf(
        [](const QPointer<SseStream> &stream) { return stream.isNull() || stream->isClosed(); });
}

EventHub::Admission EventHub::admit(const Principal &principal)
{
    prune();
    if (m_streams.size() >= m_limits.total)
        return Admission::ServerFull;
    int ofSession = 0;
    int ofUser = 0;
    for (const QPointer<SseStream> &stream : std::as_const(m_streams)) {
        const Principal &holder = stream->principal();
        if (holder.id == principal.id && holder.kind == principal.kind) {
            ++ofUser;
            if (holder.sessionHash == principal.sessionHash)
                ++ofSession;
        }
    }
    if (ofSession >= m_limits.perSession)
        return Admission::SessionFull;
    if (ofUser >= m_limits.perUser)
        return Admission::UserFull;
    return Admission::Admitted;
}

void EventHub::subscribe(SseStream *stream)
{
    m_streams.append(stream);
}

void EventHub::deliver(const QList<LiveEvent> &events)
{
    prune();
    for (const QPointer<SseStream> &stream : std::as_const(m_streams)) {
        for (const LiveEvent &event : events) {
            if (stream)
                stream->send(event);
        }
    }
}

int EventHub::subscriberCount()
{
    prune();
    return static_cast<int>(m_streams.size());
}

QSet<QByteArray> EventHub::sessions()
{
    prune();
    QSet<QByteArray> hashes;
    for (const QPointer<SseStream> &stream : std::as_const(m_streams)) {
        if (!stream->principal().sessionHash.isEmpty())
            hashes.insert(stream->principal().sessionHash);
    }
    return hashes;
}

void EventHub::closeSession(const QByteArray &sessionHash)
{
    if (sessionHash.isEmpty())
        return;
    for (const QPointer<SseStream> &stream : std::as_const(m_streams)) {
        if (stream && stream->principal().sessionHash == sessionHash)
            stream->close();
    }
    prune();
}

} // namespace mandate::server
