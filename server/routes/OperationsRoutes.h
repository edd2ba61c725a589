#pragma once

#include "server/http/ApiRequest.h"
#include "server/http/ApiResponse.h"

#include <QByteArray>

namespace mandate::server {

class Metrics;
class Router;
class WriteBatcher;

// /healthz (the process answers), /readyz (the store commits writes), /metrics (Prometheus).
// Metrics tell how busy the server is and how many approvals wait, which is nobody's business but
// the operator's: with a scrape token (--metrics-token) they need it as a bearer token, without
// one they answer only callers on this machine.
class OperationsRoutes
{
public:
    OperationsRoutes(WriteBatcher &writes, Metrics &metrics, QByteArray metricsTokenHash)
        : m_writes(writes)
        , m_metrics(metrics)
        , m_metricsTokenHash(std::move(metricsTokenHash))
    {}

    void registerRoutes(Router &router);

private:
    void metrics(ApiRequest &request, const Responder &respond);

    WriteBatcher &m_writes;
    Metrics &m_metrics;
    QByteArray m_metricsTokenHash; // SHA-256 of the scrape token; empty: loopback only
};

} // namespace mandate::server
