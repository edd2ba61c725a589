#pragma once

namespace mandate::server {

class Metrics;
class Router;
class WriteBatcher;

// /healthz (the process answers), /readyz (the store commits writes), /metrics (Prometheus).
class OperationsRoutes
{
public:
    OperationsRoutes(WriteBatcher &writes, Metrics &metrics)
        : m_writes(writes)
        , m_metrics(metrics)
    {}

    void registerRoutes(Router &router);

private:
    WriteBatcher &m_writes;
    Metrics &m_metrics;
};

} // namespace mandate::server
