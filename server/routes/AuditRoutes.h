#pragma once

#include "core/Expected.h"
#include "server/http/ApiRequest.h"
#include "server/http/ApiResponse.h"
#include "server/store/AuditRepository.h"

namespace mandate::server {

class AuditLog;
class Router;
class Store;

// The audit trail for investigators: filtered listing, whole-log verification, and streaming export
// as JSON Lines (byte-faithful) or CSV (for spreadsheets).
class AuditRoutes
{
public:
    AuditRoutes(Store &store, AuditLog &log)
        : m_store(store)
        , m_log(log)
    {}

    void registerRoutes(Router &router);

private:
    void list(ApiRequest &request, const Responder &respond);
    void verify(ApiRequest &request, const Responder &respond);
    void exportTrail(ApiRequest &request, const Responder &respond);
    // The filter a request asks for, narrowed to what its caller may see; nullopt when the
    // caller may see nothing, an error response on bad parameters.
    Expected<std::optional<AuditRepository::Filter>, ApiResponse> filterFor(const ApiRequest &request) const;

    Store &m_store;
    AuditLog &m_log;
};

} // namespace mandate::server
