#include "server/ops/Metrics.h"

namespace mandate::server {

namespace {

QByteArray number(double value)
{
    return QByteArray::number(value, 'g', 12);
}

QString label(const QString &value)
{
    QString escaped = value;
    escaped.replace(u'\\', QStringLiteral("\\\\"));
    escaped.replace(u'"', QStringLiteral("\\\""));
    escaped.replace(u'\n', QStringLiteral("\\n"));
    return escaped;
}

QByteArray routeLabels(const std::pair<QByteArray, QString> &route)
{
    return "method=\"" + route.first + "\",route=\"" + label(route.second).toUtf8() + '"';
}

} // namespace

template <std::size_t N>
void Metrics::Histogram<N>::observe(const std::array<double, N> &bounds, double value)
{
    for (std::size_t i = 0; i < N; ++i) {
        if (value <= bounds[i])
            ++buckets[i];
    }
    ++count;
    sum += value;
}

void Metrics::observeRequest(const QByteArray &method, const QString &route, int status, double seconds)
{
    const Route key{method, route};
    ++m_requests[{key, status}];
    m_latency[key].observe(LatencyBuckets, seconds);
}

void Metrics::observeCommit(double seconds, int batchSize)
{
    m_commitLatency.observe(LatencyBuckets, seconds);
    m_batchSize.observe(BatchBuckets, batchSize);
}

void Metrics::observeMergeDelay(double seconds)
{
    m_mergeDelay.observe(LatencyBuckets, seconds);
}

void Metrics::countSignalPush(const QString &outcome)
{
    ++m_signalPushes[QStringLiteral("outcome=\"%1\"").arg(label(outcome))];
}

void Metrics::observeSignalDelivery(double seconds)
{
    m_signalDelivery.observe(LatencyBuckets, seconds);
}

void Metrics::observePolicyQuestion(const QString &outcome, double seconds)
{
    ++m_policyQuestions[QStringLiteral("outcome=\"%1\"").arg(label(outcome))];
    m_policyLatency.observe(LatencyBuckets, seconds);
}

void Metrics::countDecision(const QString &outcome)
{
    ++m_decisions[outcome];
}

void Metrics::addGauge(const QString &name, const QString &help, std::function<double()> read)
{
    m_gauges.insert(name, {help, std::move(read)});
}

template <std::size_t N>
void Metrics::renderHistogram(QByteArray &out, const QByteArray &name, const QByteArray &labels,
                              const std::array<double, N> &bounds, const Histogram<N> &histogram)
{
    const QByteArray prefix = labels.isEmpty() ? QByteArray() : labels + ',';
    for (std::size_t i = 0; i < N; ++i)
        out += name + "_bucket{" + prefix + "le=\"" + number(bounds[i]) + "\"} " +
               QByteArray::number(histogram.buckets[i]) + '\n';
    out += name + "_bucket{" + prefix + "le=\"+Inf\"} " + QByteArray::number(histogram.count) + '\n';
    const QByteArray braces = labels.isEmpty() ? QByteArray() : '{' + labels + '}';
    out += name + "_sum" + braces + ' ' + number(histogram.sum) + '\n';
    out += name + "_count" + braces + ' ' + QByteArray::number(histogram.count) + '\n';
}

QByteArray Metrics::render() const
{
    QByteArray out;
    out += "# HELP mandate_http_requests_total HTTP requests answered, by route and status.\n"
           "# TYPE mandate_http_requests_total counter\n";
    for (auto it = m_requests.cbegin(); it != m_requests.cend(); ++it)
        out += "mandate_http_requests_total{" + routeLabels(it.key().first) + ",status=\"" +
               QByteArray::number(it.key().second) + "\"} " + QByteArray::number(it.value()) + '\n';

    out += "# HELP mandate_http_request_duration_seconds Time from parsed request to answer.\n"
           "# TYPE mandate_http_request_duration_seconds histogram\n";
    for (auto it = m_latency.cbegin(); it != m_latency.cend(); ++it)
        renderHistogram(out, "mandate_http_request_duration_seconds", routeLabels(it.key()), LatencyBuckets,
                        it.value());

    out += "# HELP mandate_decisions_total Authorization decisions, by outcome.\n"
           "# TYPE mandate_decisions_total counter\n";
    for (auto it = m_decisions.cbegin(); it != m_decisions.cend(); ++it)
        out += "mandate_decisions_total{decision=\"" + label(it.key()).toUtf8() + "\"} " +
               QByteArray::number(it.value()) + '\n';

    out += "# HELP mandate_store_commit_duration_seconds Duration of each group-commit transaction.\n"
           "# TYPE mandate_store_commit_duration_seconds histogram\n";
    renderHistogram(out, "mandate_store_commit_duration_seconds", QByteArray(), LatencyBuckets,
                    m_commitLatency);
    out += "# HELP mandate_store_commit_batch_size Writes sharing one group-commit transaction.\n"
           "# TYPE mandate_store_commit_batch_size histogram\n";
    renderHistogram(out, "mandate_store_commit_batch_size", QByteArray(), BatchBuckets, m_batchSize);
    out += "# HELP mandate_audit_merge_delay_seconds From an audit event's commit to its signed checkpoint.\n"
           "# TYPE mandate_audit_merge_delay_seconds histogram\n";
    renderHistogram(out, "mandate_audit_merge_delay_seconds", QByteArray(), LatencyBuckets, m_mergeDelay);

    out += "# HELP mandate_ssf_pushes_total Shared Signals push attempts, by outcome.\n"
           "# TYPE mandate_ssf_pushes_total counter\n";
    for (auto it = m_signalPushes.cbegin(); it != m_signalPushes.cend(); ++it)
        out += "mandate_ssf_pushes_total{" + it.key().toUtf8() + "} " + QByteArray::number(it.value()) + '\n';
    out += "# HELP mandate_ssf_delivery_seconds From a SET's queueing (its change's commit) to the "
           "receiver's 202.\n"
           "# TYPE mandate_ssf_delivery_seconds histogram\n";
    renderHistogram(out, "mandate_ssf_delivery_seconds", QByteArray(), LatencyBuckets, m_signalDelivery);

    out += "# HELP mandate_policy_pdp_questions_total Decisions that asked the organisation's policy "
           "engine, by its answer.\n"
           "# TYPE mandate_policy_pdp_questions_total counter\n";
    for (auto it = m_policyQuestions.cbegin(); it != m_policyQuestions.cend(); ++it)
        out += "mandate_policy_pdp_questions_total{" + it.key().toUtf8() + "} " +
               QByteArray::number(it.value()) + '\n';
    out += "# HELP mandate_policy_pdp_latency_seconds How long a decision waited for the organisation's "
           "policy engine (both questions).\n"
           "# TYPE mandate_policy_pdp_latency_seconds histogram\n";
    renderHistogram(out, "mandate_policy_pdp_latency_seconds", QByteArray(), LatencyBuckets, m_policyLatency);

    for (auto it = m_gauges.cbegin(); it != m_gauges.cend(); ++it) {
        const QByteArray name = it.key().toUtf8();
        out += "# HELP " + name + ' ' + it->help.toUtf8() + "\n# TYPE " + name + " gauge\n";
        out += name + ' ' + number(it->read()) + '\n';
    }
    return out;
}

} // namespace mandate::server
