#pragma once

#include <QObject>
#include <QTimer>

#include <memory>

namespace mandate::server {

class Database;
class EventHub;
class Store;

// Live events across instances on one PostgreSQL database. Every write batch that publishes
// events sends NOTIFY on commit; this feed LISTENs on a connection of its own (a notification
// must not arrive while that connection runs a query) on the event loop's thread, and on each
// notification, each local commit and a slow fallback tick hands the hub every event newer than
// the last one it delivered, read in id order through the event loop's reader. The tick also
// checks that both connections still answer.
class PostgresEventFeed : public QObject
{
    Q_OBJECT

public:
    PostgresEventFeed(Store &reader, EventHub &hub, QObject *parent = nullptr);
    ~PostgresEventFeed() override;

    bool start(const QString &url, QString *error);
    void fetch();

Q_SIGNALS:
    // The listener or the reader connection stopped answering; emitted once. Without either,
    // streams on this instance would silently miss events.
    void databaseLost();

private:
    void tick();

    Store &m_reader;
    EventHub &m_hub;
    std::unique_ptr<Database> m_listener;
    QTimer m_fallback;
    qint64 m_lastId = 0;
    bool m_lost = false;
};

} // namespace mandate::server
