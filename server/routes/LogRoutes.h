#pragma once

#include "core/Expected.h"
#include "server/http/ApiRequest.h"
#include "server/http/ApiResponse.h"
#include "server/store/AuditRepository.h"

namespace mandate::server {

class AuditLog;
class Router;
class Store;

// The transparency log's read side (API.md "Verifiable audit log"): the newest signed checkpoint,
// inclusion and consistency proofs, and receipts for a grant or a decision. Checkpoints and
// consistency proofs are public, as a witness needs them and they reveal only sizes and hashes.
class LogRoutes
{
public:
    LogRoutes(Store &store, AuditLog &log)
        : m_store(store)
        , m_log(log)
    {}

    void registerRoutes(Router &router);

private:
    void checkpoint(ApiRequest &request, const Responder &respond);
    void inclusion(ApiRequest &request, const Responder &respond);
    void consistency(ApiRequest &request, const Responder &respond);
    void decisionReceipt(ApiRequest &request, const Responder &respond);
    void delegationReceipt(ApiRequest &request, const Responder &respond);
    ApiResponse receiptFor(const AuditRepository::Stored &event);

    Store &m_store;
    AuditLog &m_log;
};

} // namespace mandate::server
