#pragma once

#include "client/OrgPolicyInfo.h"

#include <QObject>
#include <QTimer>

namespace mandate::client {

class MandateApi;

// Asks the server every so often whether the organisation's policy engine answers, so support and
// admins see at once why decisions are being denied. A server that cannot be asked says nothing
// here: the connection indicator already tells that story.
class OrgPolicyMonitor : public QObject
{
    Q_OBJECT

public:
    explicit OrgPolicyMonitor(MandateApi &api, QObject *parent = nullptr);

    void start(std::chrono::milliseconds interval = std::chrono::seconds(10));
    const OrgPolicyInfo &current() const { return m_current; }

Q_SIGNALS:
    void changed(const mandate::client::OrgPolicyInfo &policy);

private:
    void ask();

    MandateApi &m_api;
    QTimer m_timer;
    OrgPolicyInfo m_current;
    bool m_asking = false;
};

} // namespace mandate::client
