#include "server/routes/EventRoutes.h"

#include "server/events/EventHub.h"
#include "server/events/SseStream.h"
#include "server/http/ConnectionGuard.h"
#include "server/http/Problem.h"
#include "server/http/Router.h"
#include "server/store/Store.h"

#include <QTcpSocket>

namespace mandate::server {

namespace {

constexpr int ReplayPage = 1000;
constexpr auto SessionCheckInterval = std::chrono::seconds(5);

QString refusal(EventHub::Admission admission, const EventHub::Limits &limits)
{
    switch (admission) {
    case EventHub::Admission::SessionFull:
        return QStringLiteral("This session already has %1 open event streams; close one first.")
            .arg(limits.perSession);
    case EventHub::Admission::UserFull:
        return QStringLiteral("You already have %1 open event streams; close one first.").arg(limits.perUser);
    case EventHub::Admission::ServerFull:
        return QStringLiteral("The server has no room for another event stream; retry shortly.");
    case EventHub::Admission::Admitted:
        break;
    }
    return QString();
}

} // namespace

EventRoutes::EventRoutes(Store &store, const Clock &clock, EventHub &hub, std::chrono::milliseconds heartbeat)
    : m_store(store)
    , m_clock(clock)
    , m_hub(hub)
    , m_heartbeat(heartbeat)
{
    m_sessionCheck.setInterval(SessionCheckInterval);
    QObject::connect(&m_sessionCheck, &QTimer::timeout, &m_sessionCheck,
                     [this] { closeStreamsOfEndedSessions(); });
    m_sessionCheck.start();
}

void EventRoutes::registerRoutes(Router &router)
{
    router.add("GET", QStringLiteral("/v1/events"), Router::Access::User, this, &EventRoutes::stream);
}

void EventRoutes::stream(ApiRequest &request, const Responder &respond)
{
    std::optional<qint64> resumeAfter;
    const QByteArray lastEventId = request.header("last-event-id");
    if (!lastEventId.isEmpty()) {
        bool ok = false;
        resumeAfter = lastEventId.trimmed().toLongLong(&ok);
        if (!ok || *resumeAfter < 0) {
            respond(Problem::validation(
                {{QStringLiteral("Last-Event-ID"), QStringLiteral("must be an event id")}}));
            return;
        }
    }

    if (const EventHub::Admission admission = m_hub.admit(request.principal);
        admission != EventHub::Admission::Admitted) {
        respond(Problem::rateLimited(5, refusal(admission, m_hub.limits())));
        return;
    }

    ApiResponse response = ApiResponse::text(200, "text/event-stream; charset=utf-8", {});
    response.attach = [this, principal = request.principal, resumeAfter](QTcpSocket *socket) {
        if (ConnectionGuard *guard = ConnectionGuard::of(socket))
            guard->setStreaming(true);
        auto *stream = new SseStream(socket, principal, m_heartbeat);
        if (principal.sessionExpiresAt.isValid()) {
            const qint64 left = qMax<qint64>(0, m_clock.now().msecsTo(principal.sessionExpiresAt));
            QTimer::singleShot(std::chrono::milliseconds(left), stream, &SseStream::close);
        }
        if (resumeAfter) {
            // Events older than the retained tail cannot be replayed: say so, so the client reloads.
            if (*resumeAfter + 1 < m_store.liveEvents().oldestId())
                stream->sendResync();
            qint64 after = *resumeAfter;
            while (true) {
                const QList<LiveEvent> page = m_store.liveEvents().after(after, ReplayPage);
                for (const LiveEvent &event : page)
                    stream->send(event);
                if (page.size() < ReplayPage)
                    break;
                after = page.last().id;
            }
        }
        m_hub.subscribe(stream);
    };
    respond(response);
}

void EventRoutes::closeStreamsOfEndedSessions()
{
    const QDateTime now = m_clock.now();
    const QSet<QByteArray> sessions = m_hub.sessions();
    for (const QByteArray &hash : sessions) {
        const auto session = m_store.sessions().find(hash);
        if (!session || session->expiresAt <= now)
            m_hub.closeSession(hash);
    }
}

} // namespace mandate::server
