#pragma once

#include <QWidget>

class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace mandate::client {
class ConsoleSession;
}
namespace mandate::models {
class AgentListModel;
}

namespace mandate::ui {

class RevocationController;

// The registered agents (workload identities). Support staff find one by name or SPIFFE ID and
// suspend it — the kill switch — or jump to its delegations.
class AgentsPage : public QWidget
{
    Q_OBJECT

public:
    AgentsPage(client::ConsoleSession &session, models::AgentListModel &agents,
               RevocationController &revocations, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    QLineEdit *filterField() const { return m_filter; }
    QPushButton *suspendButton() const { return m_suspend; }

Q_SIGNALS:
    void showDelegationsOf(const QString &agentId);

private:
    void updateActions();
    int selectedSourceRow() const;

    client::ConsoleSession &m_session;
    models::AgentListModel &m_agents;
    RevocationController &m_revocations;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QLineEdit *m_filter;
    QPushButton *m_suspend;
    QPushButton *m_delegations;
};

} // namespace mandate::ui
