#include "server/http/IdempotentWrites.h"

#include "core/Sha256.h"
#include "server/http/Problem.h"
#include "server/store/Store.h"
#include "server/write/WriteBatcher.h"
#include "server/write/WriteScope.h"

#include <memory>
#include <optional>

namespace mandate::server {

namespace {

constexpr qint64 ReplayWindowSeconds = 24 * 60 * 60;

ApiResponse replayOf(const IdempotencyRepository::Entry &previous)
{
    ApiResponse replay = ApiResponse::text(previous.status, "application/json", previous.body);
    if (previous.status >= 400)
        replay.contentType = "application/problem+json";
    replay.headers.emplaceBack("Idempotent-Replayed", "true");
    return replay;
}

ApiResponse uncommitted(CommitStatus status)
{
    switch (status) {
    case CommitStatus::DatabaseLost:
        return Problem::unavailable(
            QStringLiteral("This instance lost its database connection and is restarting; retry."));
    case CommitStatus::Busy:
        return Problem::unavailable(QStringLiteral("The store is busy; retry shortly."));
    case CommitStatus::Failed:
    case CommitStatus::Committed:
        break;
    }
    return Problem::internal();
}

} // namespace

IdempotentWrites::Idempotency IdempotentWrites::of(const QByteArray &key, const ApiRequest &request)
{
    if (key.isEmpty())
        return {QString(), QString(), QByteArray(), true};
    return {request.principal.idempotencyScope(), QString::fromUtf8(key),
            Sha256::of({request.method, "\n", request.path.toUtf8(), "\n", request.body}), true};
}

void IdempotentWrites::submit(Idempotency idempotency, Job job, Responder respond)
{
    // Written on the store thread, read by `done` on the event loop after the commit.
    auto answer = std::make_shared<std::optional<ApiResponse>>();
    m_batcher.submit(
        [idem = std::move(idempotency), job = std::move(job), answer, &clock = m_clock](Store &store) {
            if (idem.key.isEmpty()) {
                // No answer to keep apart from the changes: the batcher's own savepoint suffices.
                WriteAnswer written = job(store);
                *answer = std::move(written.response);
                return written.keepChanges ? WriteResult::Keep : WriteResult::Drop;
            }
            const QDateTime now = clock.now();
            // A retry of the same key on another instance waits for this answer, then finds it.
            if (!store.idempotency().lock(idem.scope, idem.key))
                return WriteResult::Drop;
            if (const auto previous =
                    store.idempotency().find(idem.scope, idem.key, now.addSecs(-ReplayWindowSeconds))) {
                *answer = previous->requestHash == idem.requestHash ? replayOf(*previous)
                                                                    : Problem::idempotencyMismatch();
                return WriteResult::Keep;
            }
            // The job's own savepoint: its changes can go while the answer stored below stays.
            WriteScope scope(store, QStringLiteral("answer"));
            if (!scope.isOpen())
                return WriteResult::Drop;
            WriteAnswer written = job(store);
            if (!(written.keepChanges ? scope.keep() : scope.drop()))
                return WriteResult::Drop;
            if (idem.storeAnswer && written.response.status < 500 &&
                !store.idempotency().store(idem.scope, idem.key,
                                           {idem.requestHash, written.response.status, written.response.body},
                                           now))
                return WriteResult::Drop;
            *answer = std::move(written.response);
            return WriteResult::Keep;
        },
        [answer, respond = std::move(respond)](CommitStatus status) {
            respond(status == CommitStatus::Committed && *answer ? std::move(**answer) : uncommitted(status));
        });
}

} // namespace mandate::server
