#pragma once

#include <QMainWindow>

class QLabel;
class QListWidget;
class QStackedWidget;

namespace mandate {
class Clock;
}
namespace mandate::client {
class ConsoleSession;
class LocalCache;
} // namespace mandate::client
namespace mandate::models {
class AgentListModel;
}

namespace mandate::ui {

class AgentsPage;
class AuditPage;
class DelegationsPage;
class GrantController;
class RevocationController;

// The console for one signed-in person: navigation that fits their role, the pages, the
// connection state, and sign-out. Built anew for every sign-in, so nothing of one person's view
// survives into the next.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(client::ConsoleSession &session, client::LocalCache &cache, const Clock &clock,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    DelegationsPage *delegationsPage() const { return m_delegations; }
    AgentsPage *agentsPage() const { return m_agents; }
    AuditPage *auditPage() const { return m_audit; }
    GrantController *grantController() const { return m_grants; }
    RevocationController *revocations() const { return m_revocations; }
    void showPage(QWidget *page);

Q_SIGNALS:
    void signOutRequested();

private:
    int addPage(const QString &title, const QString &description, QWidget *page);
    void buildMenus();
    void updateConnectionIndicator();

    client::ConsoleSession &m_session;
    models::AgentListModel *m_agentModel;
    RevocationController *m_revocations;
    GrantController *m_grants;
    QListWidget *m_navigation;
    QStackedWidget *m_pages;
    DelegationsPage *m_delegations;
    AgentsPage *m_agents;
    AuditPage *m_audit;
    QLabel *m_connection;
};

} // namespace mandate::ui
