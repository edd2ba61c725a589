#pragma once

#include "core/Clock.h"
#include "server/events/LiveEvent.h"
#include "server/http/ApiResponse.h"
#include "server/write/StoreThread.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>

namespace mandate::server {

class Metrics;
class Store;

// Group commit. Writes run on the store thread, a batch at a time: each batch is one write
// transaction with a savepoint per job, and its answers are sent only after that transaction
// commits — one fsync for the whole batch, and no client ever hears of a change that could still
// be lost. A job whose answer is an error (status ≥ 400) has its changes rolled back to its
// savepoint. While a batch commits, the event loop keeps parsing and authenticating, and what it
// submits meanwhile forms the next batch, so batches grow with the load.
//
// Jobs run on the store thread: they may touch the Store they are given and the values they
// captured, nothing that the event loop also uses. Answers and committed() arrive on the thread
// that owns the WriteBatcher.
//
// Idempotency lives here too, inside the same transaction as the write it protects: a repeated
// Idempotency-Key replays the stored answer, the same key with another body answers 422.
class WriteBatcher : public QObject
{
    Q_OBJECT

public:
    using Job = std::function<ApiResponse(Store &)>;

    struct Idempotency
    {
        QString scope;           // the caller
        QString key;             // empty: none given
        QByteArray requestHash;  // method, path and body
        bool storeAnswer = true; // false for answers holding secrets (sign-in)
    };

    WriteBatcher(const Clock &clock, Metrics &metrics, QObject *parent = nullptr);

    // Opens the write connection to DIR/mandate.db on the store thread.
    bool openSqlite(const QString &dataDir, QString *error);
    // Opens the write connection to `database` (empty: SQLite in `dataDir`).
    bool open(const QString &database, const QString &dataDir, QString *error);
    void submit(Idempotency idempotency, Job job, Responder respond);
    bool isIdle() const { return m_pending.isEmpty() && m_inFlight.isEmpty(); }

    static QByteArray hashRequest(const QByteArray &method, const QString &path, const QByteArray &body);

Q_SIGNALS:
    void idle();
    // The live events of a batch that just committed, in id order.
    void committed(const QList<mandate::server::LiveEvent> &events);
    // The write connection stopped answering (the database restarted, failed over or dropped
    // it); emitted once. Every write from then on is answered 503.
    void databaseLost();

private:
    struct Write
    {
        Idempotency idempotency;
        Job job;
    };
    struct Outcome
    {
        QList<ApiResponse> answers; // one per write, in order
        QList<LiveEvent> events;
        double seconds = 0;
        bool databaseLost = false;
    };

    void flush();
    void finish(const Outcome &outcome);
    static Outcome commit(Store &store, const Clock &clock, QList<Write> &writes);
    static ApiResponse runOne(Store &store, const Clock &clock, Write &write);

    const Clock &m_clock;
    Metrics &m_metrics;
    bool m_databaseLost = false;
    QList<Write> m_pending;
    QList<Responder> m_pendingResponders;
    QList<Responder> m_inFlight; // the batch on the store thread, at most one
    bool m_scheduled = false;
    // Last member: destroyed first, so the batch in flight finishes while everything it uses lives.
    StoreThread m_storeThread;
};

} // namespace mandate::server
