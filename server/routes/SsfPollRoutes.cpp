#include "server/routes/SsfPollRoutes.h"

#include "core/JsonReader.h"
#include "server/domain/AccessPolicy.h"
#include "server/http/IdempotentWrites.h"
#include "server/http/Problem.h"
#include "server/http/Router.h"
#include "server/routes/RequestParsing.h"
#include "server/ssf/SetSigner.h"
#include "server/ssf/StreamConfig.h"
#include "server/store/Store.h"

#include <QJsonArray>

namespace mandate::server {

namespace {

struct PollRequest
{
    int limit = SsfPollRoutes::MaxSetsPerAnswer;
    bool returnImmediately = false;
    QStringList ack;
    QList<QPair<QString, QString>> errors; // jti, "err: description"
};

Expected<PollRequest, ApiResponse> parsePoll(const ApiRequest &request)
{
    QJsonObject body;
    if (!request.body.trimmed().isEmpty()) {
        auto parsed = RequestParsing::jsonObject(request);
        if (!parsed)
            return unexpected(parsed.error());
        body = *parsed;
    }
    FieldErrors errors;
    JsonReader reader(body, QString(), &errors);
    PollRequest poll;
    if (const auto max = reader.optionalInteger(u"maxEvents", 0, JsonReader::IntegerMax))
        poll.limit = static_cast<int>(qMin<qint64>(*max, SsfPollRoutes::MaxSetsPerAnswer));
    poll.returnImmediately = reader.optionalBool(u"returnImmediately").value_or(false);
    poll.ack = reader.optionalStringArray(u"ack", 1000, 64).value_or(QStringList());
    if (auto setErrs = reader.optionalObject(u"setErrs")) {
        const QJsonObject raw = body.value(u"setErrs").toObject();
        if (raw.size() > 1000)
            reader.addError(u"setErrs", QStringLiteral("must name at most 1000 SETs"));
        for (auto it = raw.begin(); it != raw.end(); ++it) {
            if (auto error = setErrs->optionalObject(it.key())) {
                const QString err = error->requiredString(u"err", 64).value_or(QString());
                const QString description = error->optionalString(u"description", 1000).value_or(QString());
                error->finish();
                poll.errors.append(
                    {it.key(), description.isEmpty() ? err : err + QStringLiteral(": ") + description});
            }
        }
        setErrs->finish();
    }
    reader.finish();
    if (!errors.isEmpty())
        return unexpected(Problem::validation(errors));
    return poll;
}

} // namespace

SsfPollRoutes::SsfPollRoutes(Store &store, const Clock &clock, IdempotentWrites &writes,
                             const SetSigner &signer, QString issuer, std::chrono::milliseconds longPoll,
                             QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_clock(clock)
    , m_writes(writes)
    , m_signer(signer)
    , m_issuer(std::move(issuer))
    , m_longPoll(longPoll)
{
    // Polls whose time is up are answered, and a SET queued on another instance is found.
    m_timer.setInterval(250);
    connect(&m_timer, &QTimer::timeout, this, &SsfPollRoutes::wake);
    m_timer.start();
}

void SsfPollRoutes::registerRoutes(Router &router)
{
    router.add("POST", QStringLiteral("/v1/ssf/poll/{id}"), Router::Access::Receiver, this,
               &SsfPollRoutes::poll);
}

std::optional<ApiResponse> SsfPollRoutes::answer(const QString &streamId, int limit, bool mayWait)
{
    const auto stream = m_store.ssfStreams().stream(streamId);
    QJsonObject sets;
    bool more = false;
    if (stream && limit > 0) {
        // Paused or disabled: only stream updates go out (SSF §8.1.2.1).
        const auto pending = m_store.ssfOutbox().pending(streamId, stream->status != u"enabled", limit + 1);
        more = pending.size() > limit;
        for (qsizetype i = 0; i < qMin<qsizetype>(limit, pending.size()); ++i)
            sets.insert(pending[i].jti, m_signer.signFor(pending[i].claims, m_issuer, stream->receiverId,
                                                         StreamConfig::algorithmOf(stream->config)));
    }
    if (sets.isEmpty() && mayWait)
        return std::nullopt;
    return ApiResponse::json(200, {{QStringLiteral("sets"), sets}, {QStringLiteral("moreAvailable"), more}});
}

void SsfPollRoutes::poll(ApiRequest &request, const Responder &respond)
{
    const QString id = request.param(0);
    const auto stream = m_store.ssfStreams().stream(id);
    if (!stream || !AccessPolicy::receiverOwns(request.principal, stream->receiverId) ||
        stream->deliveryMethod != u"poll") {
        respond(Problem::noSuch(u"poll stream", id));
        return;
    }
    const auto parsed = parsePoll(request);
    if (!parsed) {
        respond(parsed.error());
        return;
    }
    const PollRequest poll = *parsed;
    const auto then = [this, id, poll, respond] {
        const bool mayWait = !poll.returnImmediately && poll.limit > 0;
        if (auto now = answer(id, poll.limit, mayWait)) {
            respond(*now);
            return;
        }
        m_waiters.append(std::make_shared<Waiter>(
            Waiter{id, poll.limit, m_clock.now().addMSecs(m_longPoll.count()), respond}));
    };
    if (poll.ack.isEmpty() && poll.errors.isEmpty()) {
        then();
        return;
    }
    // Acknowledgements first, committed, so the answer never holds a SET just acknowledged.
    m_writes.submit(
        {request.principal.idempotencyScope(), QString(), QByteArray(), false},
        [this, id, poll](Store &store) -> WriteAnswer {
            const QDateTime now = m_clock.now();
            if (!store.ssfOutbox().markDoneByJti(id, poll.ack, now, QStringLiteral("acknowledged")))
                return Problem::internal();
            for (const auto &[jti, why] : poll.errors) {
                if (!store.ssfOutbox().markDoneByJti(id, {jti}, now, QStringLiteral("rejected: ") + why) ||
                    !store.ssfStreams().noteError(
                        id, QStringLiteral("The receiver reported SET %1: %2.").arg(jti, why)))
                    return Problem::internal();
            }
            return ApiResponse::noContent();
        },
        [then, respond](ApiResponse written) {
            if (written.status >= 400)
                respond(written);
            else
                then();
        });
}

void SsfPollRoutes::wake()
{
    const QDateTime now = m_clock.now();
    for (qsizetype i = 0; i < m_waiters.size();) {
        const auto waiter = m_waiters[i];
        const auto ready = answer(waiter->streamId, waiter->limit, waiter->deadline > now);
        if (!ready) {
            ++i;
            continue;
        }
        m_waiters.removeAt(i);
        waiter->respond(*ready);
    }
}

void SsfPollRoutes::answerAll()
{
    for (const auto &waiter : std::exchange(m_waiters, {}))
        waiter->respond(*answer(waiter->streamId, waiter->limit, false));
}

} // namespace mandate::server
