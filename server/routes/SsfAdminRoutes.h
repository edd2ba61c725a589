#pragma once

#include "core/Clock.h"
#include "server/http/ApiRequest.h"
#include "server/http/ApiResponse.h"

namespace mandate::server {

class IdempotentWrites;
class Router;
class Store;

// Shared Signals as administrators run it: register receivers (the token is shown once and kept
// only as its hash), list them with their streams and delivery state, revoke them, pause or resume
// a stream and send it a verification event. Every change is in the audit trail.
class SsfAdminRoutes
{
public:
    SsfAdminRoutes(Store &store, const Clock &clock, IdempotentWrites &writes, QString issuer)
        : m_store(store)
        , m_clock(clock)
        , m_writes(writes)
        , m_issuer(std::move(issuer))
    {}

    void registerRoutes(Router &router);

private:
    void registerReceiver(ApiRequest &request, const Responder &respond);
    void listReceivers(ApiRequest &request, const Responder &respond);
    void revokeReceiver(ApiRequest &request, const Responder &respond);
    void setStreamStatus(ApiRequest &request, const Responder &respond);
    void sendVerification(ApiRequest &request, const Responder &respond);

    Store &m_store;
    const Clock &m_clock;
    IdempotentWrites &m_writes;
    QString m_issuer;
};

} // namespace mandate::server
