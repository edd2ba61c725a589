#include "ui/OrgPolicyIndicator.h"

#include "client/OrgPolicyMonitor.h"
#include "ui/wizard/ThemeColors.h"

namespace mandate::ui {

OrgPolicyIndicator::OrgPolicyIndicator(client::MandateApi &api, QWidget *parent)
    : QLabel(parent)
    , m_monitor(new client::OrgPolicyMonitor(api, this))
{
    setObjectName(QStringLiteral("orgPolicyIndicator"));
    setAccessibleName(tr("Organisation policy engine"));
    setVisible(false);
    connect(m_monitor, &client::OrgPolicyMonitor::changed, this, &OrgPolicyIndicator::show);
    m_monitor->start();
}

void OrgPolicyIndicator::show(const client::OrgPolicyInfo &policy)
{
    const bool trouble = !policy.pdp.isEmpty() && !policy.healthy;
    setVisible(trouble);
    if (!trouble)
        return;
    const QString dot = QStringLiteral("<span style='color:%1'>●</span> ")
                            .arg(ThemeColors::name(ThemeColors::Role::Error, palette()));
    setText(dot + (policy.failsOpen
                       ? tr("Org policy engine unreachable: decisions go ahead without it")
                       : tr("Org policy engine unreachable: decisions that need it are denied")));
    setToolTip(
        tr("The organisation's policy engine at %1 did not answer its last question.").arg(policy.pdp));
}

} // namespace mandate::ui
