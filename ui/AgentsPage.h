#pragma once

#include <QWidget>

#include <memory>

class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace Ui {
class AgentsPage;
}

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
    ~AgentsPage() override;

    QTableView *table() const;
    QLineEdit *filterField() const;
    QPushButton *suspendButton() const;
    QPushButton *reinstateButton() const;
    QPushButton *authorityButton() const { return m_authority; }

Q_SIGNALS:
    void showDelegationsOf(const QString &agentId);

private:
    void updateActions();
    int selectedSourceRow() const;

    std::unique_ptr<Ui::AgentsPage> m_ui;
    client::ConsoleSession &m_session;
    models::AgentListModel &m_agents;
    RevocationController &m_revocations;
    QSortFilterProxyModel *m_proxy;
    QString m_keepSelected; // the selected agent, across a reload of the list
    QPushButton *m_authority = nullptr;
};

} // namespace mandate::ui
