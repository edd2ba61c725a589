#pragma once

#include <QObject>
#include <QString>
#include <QThread>

#include <functional>
#include <memory>

namespace mandate::server {

class Store;

// The thread that owns the write connection. A QSqlDatabase connection belongs to the thread
// that opened it, so the Store is opened, used and closed on this thread only; work reaches it as
// functions posted in order, and they run one at a time (a single writer, as SQLite wants).
class StoreThread
{
public:
    StoreThread();
    // Runs what was posted before, closes the store on its thread, then stops the thread.
    ~StoreThread();
    StoreThread(const StoreThread &) = delete;
    StoreThread &operator=(const StoreThread &) = delete;

    // Opens (creating if needed) DIR/mandate.db on the store thread; blocks until it is open.
    bool openSqlite(const QString &dataDir, QString *error);
    // Opens the store `database` names (empty: SQLite in `dataDir`) on the store thread; blocks.
    bool open(const QString &database, const QString &dataDir, QString *error);
    // Runs `work` on the store thread after everything posted before it.
    void post(std::function<void(Store &)> work);

private:
    QThread m_thread;
    QObject m_context; // lives on m_thread, so functions queued to it run there
    std::unique_ptr<Store> m_store;
};

} // namespace mandate::server
