#include "client/OrgPolicyMonitor.h"

#include "client/MandateApi.h"

namespace mandate::client {

OrgPolicyMonitor::OrgPolicyMonitor(MandateApi &api, QObject *parent)
    : QObject(parent)
    , m_api(api)
{
    connect(&m_timer, &QTimer::timeout, this, &OrgPolicyMonitor::ask);
}

void OrgPolicyMonitor::start(std::chrono::milliseconds interval)
{
    m_timer.start(interval);
    ask();
}

void OrgPolicyMonitor::ask()
{
    if (m_asking)
        return;
    m_asking = true;
    const Reply<OrgPolicyInfo> reply = m_api.orgPolicy();
    reply.onSucceeded(this, [this](const OrgPolicyInfo &policy) {
        m_asking = false;
        const bool differs = policy.pdp != m_current.pdp || policy.healthy != m_current.healthy ||
                             policy.failsOpen != m_current.failsOpen;
        m_current = policy;
        if (differs)
            Q_EMIT changed(m_current);
    });
    reply.onFailed(this, [this] { m_asking = false; });
}

} // namespace mandate::client
