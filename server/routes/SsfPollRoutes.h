#pragma once

#include "core/Clock.h"
#include "server/http/ApiRequest.h"
#include "server/http/ApiResponse.h"

#include <QList>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <memory>
#include <optional>

namespace mandate::server {

class IdempotentWrites;
class Router;
class SetSigner;
class Store;

// Poll delivery (RFC 8936): a poll stream's receiver POSTs to its stream's poll URL, acknowledging
// what it took ("ack") and reporting what it could not use ("setErrs"), and gets the SETs not yet
// acknowledged ("sets", oldest first, at most "maxEvents", "moreAvailable" when more wait). Without
// "returnImmediately" an empty answer is held (long polling) until a SET is queued for the stream
// or `longPoll` has passed. A SET stays until acknowledged, so one not acknowledged comes again.
class SsfPollRoutes : public QObject
{
    Q_OBJECT

public:
    static constexpr int MaxSetsPerAnswer = 100;

    SsfPollRoutes(Store &store, const Clock &clock, IdempotentWrites &writes, const SetSigner &signer,
                  QString issuer, std::chrono::milliseconds longPoll, QObject *parent = nullptr);

    void registerRoutes(Router &router);
    // SETs were queued: answer the polls waiting for them.
    void wake();
    // Shutting down: every waiting poll gets its (empty) answer now.
    void answerAll();

private:
    struct Waiter
    {
        QString streamId;
        int limit;
        QDateTime deadline;
        Responder respond;
    };

    void poll(ApiRequest &request, const Responder &respond);
    // The answer for a stream now, or nothing when it has no SET to give and may wait.
    std::optional<ApiResponse> answer(const QString &streamId, int limit, bool mayWait);

    Store &m_store;
    const Clock &m_clock;
    IdempotentWrites &m_writes;
    const SetSigner &m_signer;
    QString m_issuer;
    std::chrono::milliseconds m_longPoll;
    QList<std::shared_ptr<Waiter>> m_waiters;
    QTimer m_timer;
};

} // namespace mandate::server
