#include "client/ConnectionMonitor.h"

#include "client/ApiClient.h"

namespace mandate::client {

ConnectionMonitor::ConnectionMonitor(ApiClient &client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &ConnectionMonitor::tick);
    connect(&m_client, &ApiClient::reachabilityChanged, this, &ConnectionMonitor::onReachabilityChanged);
}

bool ConnectionMonitor::isOnline() const
{
    return m_client.isReachable();
}

void ConnectionMonitor::setRetryIntervals(int firstSeconds, int maxSeconds)
{
    m_firstSeconds = firstSeconds;
    m_maxSeconds = maxSeconds;
    m_intervalSeconds = firstSeconds;
}

void ConnectionMonitor::onReachabilityChanged(bool reachable)
{
    if (reachable) {
        m_tick.stop();
        m_intervalSeconds = m_firstSeconds;
        m_secondsLeft = 0;
    } else if (!m_tick.isActive()) {
        m_secondsLeft = m_intervalSeconds;
        m_tick.start();
        Q_EMIT countdownChanged(m_secondsLeft);
    }
    Q_EMIT onlineChanged(reachable);
}

void ConnectionMonitor::tick()
{
    if (m_probing)
        return;
    m_secondsLeft = qMax(0, m_secondsLeft - 1);
    Q_EMIT countdownChanged(m_secondsLeft);
    if (m_secondsLeft == 0)
        probe();
}

void ConnectionMonitor::retryNow()
{
    if (!isOnline() && !m_probing)
        probe();
}

void ConnectionMonitor::checkNow()
{
    if (!m_probing)
        probe();
}

void ConnectionMonitor::probe()
{
    m_probing = true;
    ApiJob *job = m_client.get(QStringLiteral("/healthz"));
    const auto done = [this](bool reached) {
        m_probing = false;
        if (reached)
            return; // reachabilityChanged(true) already reset the countdown
        m_intervalSeconds = qMin(m_maxSeconds, m_intervalSeconds * 2);
        m_secondsLeft = m_intervalSeconds;
        Q_EMIT countdownChanged(m_secondsLeft);
    };
    connect(job, &ApiJob::succeeded, this, [done] { done(true); });
    connect(job, &ApiJob::failed, this, [done](const ApiError &error) { done(!error.isConnectivity()); });
}

} // namespace mandate::client
