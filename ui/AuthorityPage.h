#pragma once

#include "client/AgentAuthorityInfo.h"

#include <QDialog>

class QLabel;
class QTreeWidget;
class QChartView;

namespace mandate::client {
class MandateApi;
}

namespace mandate::ui {

// One agent's whole authority at a glance: every delegation reaching it as a tree of its chains,
// what each scope can still move, a chart of the remaining value per action and resource, one of
// how many delegations it held a month ago against now, with a warning when its authority has
// spread (more active delegations than a month ago), and over the last 30 days the value each
// delegation moved per day and the grants made per day.
class AuthorityPage : public QDialog
{
    Q_OBJECT

public:
    AuthorityPage(client::MandateApi &api, const QString &agentId, const QString &agentName,
                  QWidget *parent = nullptr);

    void showAuthority(const client::AgentAuthorityInfo &authority);

    QTreeWidget *chainTree() const { return m_tree; }
    QLabel *sprawlLabel() const { return m_sprawl; }
    QLabel *growthLabel() const { return m_growth; }
    QChartView *reachChart() const { return m_reachChart; }
    QChartView *growthChart() const { return m_growthChart; }
    QChartView *spendingChart() const { return m_spendingChart; }
    QChartView *grantsChart() const { return m_grantsChart; }

Q_SIGNALS:
    void loaded();

private:
    void drawReach(const client::AgentAuthorityInfo &authority);
    void drawGrowth(const client::AgentAuthorityInfo &authority);
    void drawSpending(const client::AgentAuthorityInfo &authority);
    void drawGrants(const client::AgentAuthorityInfo &authority);

    QLabel *m_sprawl;
    QLabel *m_growth;
    QTreeWidget *m_tree;
    QChartView *m_reachChart;
    QChartView *m_growthChart;
    QChartView *m_spendingChart;
    QChartView *m_grantsChart;
};

} // namespace mandate::ui
