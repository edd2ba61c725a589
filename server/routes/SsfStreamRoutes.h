#pragma once

#include "core/Clock.h"
#include "server/http/ApiRequest.h"
#include "server/http/ApiResponse.h"
#include "server/store/SsfStreamRepository.h"

#include <optional>

namespace mandate::server {

class IdempotentWrites;
class Router;
class SetSigner;
class Store;

// The Shared Signals transmitter as receivers see it (SSF 1.0 §7, §8): the configuration
// metadata, the SET signing keys, and the stream management API — configuration (create, read,
// update, replace, delete), status, subjects and verification — each answering only for the
// calling receiver's own streams; another receiver's stream does not exist (404).
class SsfStreamRoutes
{
public:
    SsfStreamRoutes(Store &store, const Clock &clock, IdempotentWrites &writes, const SetSigner &signer,
                    QString issuer)
        : m_store(store)
        , m_clock(clock)
        , m_writes(writes)
        , m_signer(signer)
        , m_issuer(std::move(issuer))
    {}

    static constexpr int MaxStreamsPerReceiver = 10;
    static constexpr qsizetype MaxSubjectsPerStream = 1000;

    void registerRoutes(Router &router);

private:
    void configuration(ApiRequest &request, const Responder &respond);
    void createStream(ApiRequest &request, const Responder &respond);
    void readStream(ApiRequest &request, const Responder &respond);
    void changeStream(ApiRequest &request, const Responder &respond);
    void deleteStream(ApiRequest &request, const Responder &respond);
    void readStatus(ApiRequest &request, const Responder &respond);
    void updateStatus(ApiRequest &request, const Responder &respond);
    void addSubject(ApiRequest &request, const Responder &respond);
    void removeSubject(ApiRequest &request, const Responder &respond);
    void verify(ApiRequest &request, const Responder &respond);
    void changeSubject(ApiRequest &request, const Responder &respond, bool include);

    // The caller's stream named by `id`, or nothing (the caller gets 404 either way).
    std::optional<SsfStreamRepository::Stream> ownStream(const ApiRequest &request, const QString &id);

    Store &m_store;
    const Clock &m_clock;
    IdempotentWrites &m_writes;
    const SetSigner &m_signer;
    QString m_issuer;
};

} // namespace mandate::server
