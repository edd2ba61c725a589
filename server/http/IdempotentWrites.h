#pragma once

#include "core/Clock.h"
#include "server/http/ApiRequest.h"
#include "server/http/ApiResponse.h"

#include <QByteArray>
#include <QString>

#include <functional>

namespace mandate::server {

class Store;
class WriteBatcher;

// What a route's write job answers, and whether its changes stay. By default they stay exactly
// when the answer is a success; a job that must refuse yet commit what it found true on the way
// (an approval that had expired) says so with keeping().
struct WriteAnswer
{
    WriteAnswer(ApiResponse answer) // NOLINT(google-explicit-constructor): every answer is one
        : response(std::move(answer))
        , keepChanges(response.status < 400)
    {}

    static WriteAnswer keeping(ApiResponse answer)
    {
        WriteAnswer kept(std::move(answer));
        kept.keepChanges = true;
        return kept;
    }

    ApiResponse response;
    bool keepChanges;
};

// The routes' way to write: a job in the group commit whose answer is sent only after its batch
// committed, with the Idempotency-Key rule of API.md inside the same transaction — a repeated key
// replays the stored answer, the same key with another body answers 422. Maps the batch's outcome
// to HTTP: a batch that did not commit answers 500, or 503 when the database is gone or busy.
class IdempotentWrites
{
public:
    using Job = std::function<WriteAnswer(Store &)>;

    struct Idempotency
    {
        QString scope;           // the caller
        QString key;             // empty: none given
        QByteArray requestHash;  // method, path and body
        bool storeAnswer = true; // false for answers holding secrets (sign-in)
    };

    IdempotentWrites(WriteBatcher &batcher, const Clock &clock)
        : m_batcher(batcher)
        , m_clock(clock)
    {}

    void submit(Idempotency idempotency, Job job, Responder respond);

    // `request` under `key` (empty: none), in its principal's scope, with the hash of its method,
    // path and body. Only a keyed request is scoped and hashed: only a keyed one is ever compared
    // with an earlier one.
    static Idempotency of(const QByteArray &key, const ApiRequest &request);

private:
    WriteBatcher &m_batcher;
    const Clock &m_clock;
};

} // namespace mandate::server
