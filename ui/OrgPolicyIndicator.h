#pragma once

#include "client/OrgPolicyInfo.h"

#include <QLabel>

namespace mandate::client {
class MandateApi;
class OrgPolicyMonitor;
} // namespace mandate::client

namespace mandate::ui {

// The status bar's word on the organisation's policy engine, for support and admins: hidden while
// it answers (or when there is none), and plain about what it means when it does not.
class OrgPolicyIndicator : public QLabel
{
    Q_OBJECT

public:
    explicit OrgPolicyIndicator(client::MandateApi &api, QWidget *parent = nullptr);

private:
    void show(const client::OrgPolicyInfo &policy);

    client::OrgPolicyMonitor *m_monitor;
};

} // namespace mandate::ui
