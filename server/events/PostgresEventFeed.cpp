#include "server/events/PostgresEventFeed.h"

#include "server/events/EventHub.h"
#include "server/store/Database.h"
#include "server/store/PostgresDialect.h"
#include "server/store/Store.h"

#include <QSqlDriver>

namespace mandate::server {

namespace {

constexpr int FetchLimit = 500;

} // namespace

PostgresEventFeed::PostgresEventFeed(Store &reader, EventHub &hub, QObject *parent)
    : QObject(parent)
    , m_reader(reader)
    , m_hub(hub)
{
    // A safety net for a notification that never came, and the check that both connections live.
    m_fallback.setInterval(1000);
    connect(&m_fallback, &QTimer::timeout, this, &PostgresEventFeed::tick);
}

PostgresEventFeed::~PostgresEventFeed() = default;

bool PostgresEventFeed::start(const QString &url, QString *error)
{
    m_lastId = m_reader.liveEvents().newestId();
    m_listener = std::make_unique<Database>(std::make_unique<PostgresDialect>(),
                                            QStringLiteral("mandate-event-listener"));
    if (!m_listener->open(url, error)) {
        *error = QStringLiteral("cannot connect to %1: %2").arg(PostgresDialect::redacted(url), *error);
        return false;
    }
    QSqlDriver *driver = m_listener->driver();
    if (!driver->subscribeToNotification(QLatin1StringView(PostgresDialect::EventChannel))) {
        *error = QStringLiteral("cannot LISTEN for live events");
        return false;
    }
    connect(driver, &QSqlDriver::notification, this, &PostgresEventFeed::fetch);
    m_fallback.start();
    return true;
}

void PostgresEventFeed::tick()
{
    if (m_lost)
        return;
    if (!m_listener->isAlive() || !m_reader.db().isAlive()) {
        m_lost = true;
        m_fallback.stop();
        Q_EMIT databaseLost();
        return;
    }
    fetch();
}

void PostgresEventFeed::fetch()
{
    while (true) {
        const QList<LiveEvent> events = m_reader.liveEvents().after(m_lastId, FetchLimit);
        if (events.isEmpty())
            return;
        m_lastId = events.last().id;
        m_hub.deliver(events);
        if (events.size() < FetchLimit)
            return;
    }
}

} // namespace mandate::server
