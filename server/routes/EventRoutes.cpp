#include "EventRoutes.h"

#include "ConnectionGuard.h"
#include "EventHub.h"
#include "Problem.h"
#include "Router.h"
#include "SseStream.h"
#include "Store.h"

#include <QTcpSocket>

namespace mandate::server {

namespace {

constexpr int ReplayPage = 1000;

} // namespace

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

    ApiResponse response = ApiResponse::text(200, "text/event-stream; charset=utf-8", {});
    response.attach = [this, principal = request.principal, resumeAfter](QTcpSocket *socket) {
        if (ConnectionGuard *guard = ConnectionGuard::of(socket))
            guard->setStreaming(true);
        auto *stream = new SseStream(socket, principal, m_heartbeat);
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

} // namespace mandate::server
