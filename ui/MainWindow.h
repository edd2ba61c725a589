#pragma once

#include <QMainWindow>

class QLabel;
class QListWidget;
class QStackedWidget;
class QSystemTrayIcon;

namespace mandate {
class Clock;
struct Approval;
} // namespace mandate
namespace mandate::client {
class ConsoleSession;
class DecisionOutbox;
class LocalCache;
} // namespace mandate::client
namespace mandate::models {
class AgentListModel;
class ApprovalListModel;
} // namespace mandate::models

namespace mandate::ui {

class AgentsPage;
class AuditPage;
class ApprovalsPage;
class DelegationsPage;
class EnforcementPointsPage;
class GrantController;
class RevocationController;
class SignalsPage;

// The console for one signed-in person: navigation that fits their role, the pages, the
// connection state, and sign-out. Built anew for every sign-in, so nothing of one person's view
// survives into the next.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // `outbox` is started for this session's person; the window and its models only follow it.
    MainWindow(client::ConsoleSession &session, client::LocalCache &cache, client::DecisionOutbox &outbox,
               const Clock &clock, QWidget *parent = nullptr);
    ~MainWindow() override;

    DelegationsPage *delegationsPage() const { return m_delegations; }
    AgentsPage *agentsPage() const { return m_agents; }
    AuditPage *auditPage() const { return m_audit; }       // nullptr for approvers
    SignalsPage *signalsPage() const { return m_signals; } // admins only
    ApprovalsPage *approvalsPage() const { return m_approvals; }
    EnforcementPointsPage *enforcementPointsPage() const { return m_enforcementPoints; } // admins only
    client::DecisionOutbox &decisionOutbox() const { return m_outbox; }
    // The pending requests routed to this person: the count in the navigation, the notifications.
    models::ApprovalListModel &approvalInbox() const { return *m_inbox; }
    QListWidget *navigation() const { return m_navigation; }
    // The in-window notice of a new request, used where there is no system tray.
    QLabel *approvalNotice() const { return m_notice; }
    QLabel *connectionLabel() const { return m_connection; }
    GrantController *grantController() const { return m_grants; }
    RevocationController *revocations() const { return m_revocations; }
    void showPage(QWidget *page);

Q_SIGNALS:
    void signOutRequested();

private:
    int addPage(const QString &title, const QString &description, QWidget *page);
    void buildMenus();
    void updateConnectionIndicator();
    void buildApprovals();
    void updateApprovalsEntry();
    void notifyNewRequest(const Approval &approval);
    void openNotifiedRequest();

    client::ConsoleSession &m_session;
    client::DecisionOutbox &m_outbox;
    const Clock &m_clock;
    models::AgentListModel *m_agentModel;
    RevocationController *m_revocations;
    GrantController *m_grants;
    QListWidget *m_navigation;
    QStackedWidget *m_pages;
    DelegationsPage *m_delegations;
    AgentsPage *m_agents;
    AuditPage *m_audit = nullptr;
    SignalsPage *m_signals = nullptr;
    models::ApprovalListModel *m_inbox = nullptr;
    ApprovalsPage *m_approvals = nullptr;
    EnforcementPointsPage *m_enforcementPoints = nullptr;
    QSystemTrayIcon *m_tray = nullptr;
    QLabel *m_notice = nullptr;
    QString m_notifiedId;
    QLabel *m_connection;
};

} // namespace mandate::ui
