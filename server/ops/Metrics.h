#pragma once

#include <QByteArray>
#include <QHash>
#include <QMap>
#include <QString>

#include <array>
#include <functional>

namespace mandate::server {

// Prometheus counters and histograms for what operators watch: requests by route and status
// with latency, decisions by outcome, store commit latency and group-commit batch sizes.
class Metrics
{
public:
    void observeRequest(const QByteArray &method, const QString &route, int status, double seconds);
    void observeCommit(double seconds, int batchSize);
    void countDecision(const QString &outcome);
    // From an event's commit to its place in a signed checkpoint (the oldest event of each pass).
    void observeMergeDelay(double seconds);
    // Shared Signals pushes by outcome (delivered, rejected, failed), and from a SET's queueing to
    // the receiver's 202 for the delivered ones.
    void countSignalPush(const QString &outcome);
    void observeSignalDelivery(double seconds);
    // Questions to the organisation's policy engine by outcome (allow, step_up, deny, unavailable),
    // and how long each exchange with it took.
    void observePolicyQuestion(const QString &outcome, double seconds);
    // Values read at scrape time (pending approvals, open connections).
    void addGauge(const QString &name, const QString &help, std::function<double()> read);

    // Prometheus text exposition format 0.0.4.
    QByteArray render() const;

private:
    static constexpr std::array<double, 12> LatencyBuckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                           0.05,   0.1,   0.25,   0.5,   1.0,  2.5};
    static constexpr std::array<double, 8> BatchBuckets{1, 2, 4, 8, 16, 32, 64, 128};

    template <std::size_t N>
    struct Histogram
    {
        std::array<quint64, N> buckets{};
        quint64 count = 0;
        double sum = 0;
        void observe(const std::array<double, N> &bounds, double value);
    };
    template <std::size_t N>
    static void renderHistogram(QByteArray &out, const QByteArray &name, const QByteArray &labels,
                                const std::array<double, N> &bounds, const Histogram<N> &histogram);

    // Keyed by the raw values, labelled when rendered: a request costs no formatting.
    using Route = std::pair<QByteArray, QString>;    // method, route pattern
    QMap<std::pair<Route, int>, quint64> m_requests; // (route, status) → count
    QMap<Route, Histogram<LatencyBuckets.size()>> m_latency;
    Histogram<LatencyBuckets.size()> m_commitLatency;
    Histogram<BatchBuckets.size()> m_batchSize;
    Histogram<LatencyBuckets.size()> m_mergeDelay;
    QMap<QString, quint64> m_decisions; // outcome → count
    QMap<QString, quint64> m_signalPushes;
    Histogram<LatencyBuckets.size()> m_signalDelivery;
    QMap<QString, quint64> m_policyQuestions;
    Histogram<LatencyBuckets.size()> m_policyLatency;
    struct Gauge
    {
        QString help;
        std::function<double()> read;
    };
    QMap<QString, Gauge> m_gauges;
};

} // namespace mandate::server
