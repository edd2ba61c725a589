#pragma once

#include "ApiResponse.h"
#include "Clock.h"
#include "LiveEvent.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>

namespace mandate::server {

class Metrics;
class Store;

// Group commit. Writes submitted during one pass of the event loop run in one write transaction,
// each inside its own savepoint, and their answers are sent only after that transaction commits:
// one fsync for the whole batch, and no client ever hears of a change that could still be lost.
// A job whose answer is an error (status ≥ 400) has its changes rolled back to its savepoint.
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

    WriteBatcher(Store &store, const Clock &clock, Metrics &metrics, QObject *parent = nullptr);

    void submit(Idempotency idempotency, Job job, Responder respond);
    bool isIdle() const { return m_pending.isEmpty() && !m_flushing; }

    static QByteArray hashRequest(const QByteArray &method, const QString &path, const QByteArray &body);

Q_SIGNALS:
    void idle();
    // The live events of a batch that just committed, in id order.
    void committed(const QList<mandate::server::LiveEvent> &events);

private:
    struct Pending
    {
        Idempotency idempotency;
        Job job;
        Responder respond;
    };

    void flush();
    ApiResponse runOne(Pending &pending);

    Store &m_store;
    const Clock &m_clock;
    Metrics &m_metrics;
    QList<Pending> m_pending;
    bool m_scheduled = false;
    bool m_flushing = false;
};

} // namespace mandate::server
