#pragma once

namespace mandate::server {

class Metrics;
class Router;
class Store;

// /healthz (the process answers), /readyz (the store takes writes), /metrics (Prometheus).
class OperationsRoutes
{
public:
    OperationsRoutes(Store &store, Metrics &metrics)
        : m_store(store)
        , m_metrics(metrics)
    {}

    void registerRoutes(Router &router);

private:
    Store &m_store;
    Metrics &m_metrics;
};

} // namespace mandate::server
