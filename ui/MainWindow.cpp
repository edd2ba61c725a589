#include "ui/MainWindow.h"

#include "client/ConsoleSession.h"
#include "client/DecisionOutbox.h"
#include "client/LocalCache.h"
#include "core/Clock.h"
#include "models/AgentListModel.h"
#include "models/ApprovalFormatter.h"
#include "models/ApprovalListModel.h"
#include "ui/AgentsPage.h"
#include "ui/ApprovalsPage.h"
#include "ui/AuditPage.h"
#include "ui/ConnectionBanner.h"
#include "ui/DelegationsPage.h"
#include "ui/EnforcementPointsPage.h"
#include "ui/GrantController.h"
#include "ui/OrgPolicyIndicator.h"
#include "ui/RevocationController.h"
#include "ui/RoleNames.h"
#include "ui/SignalsPage.h"
#include "ui/wizard/ThemeColors.h"

#include <QAction>
#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QVBoxLayout>

namespace mandate::ui {

MainWindow::MainWindow(client::ConsoleSession &session, client::LocalCache &cache,
                       client::DecisionOutbox &outbox, const Clock &clock, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_outbox(outbox)
    , m_clock(clock)
    , m_agentModel(new models::AgentListModel(session.api(), this))
    , m_revocations(new RevocationController(session.api(), this, this))
    , m_grants(new GrantController(session.api(), *m_agentModel, clock, this, this))
{
    const client::UserInfo &user = session.user();
    // The application's display name ("Mandate") is appended by Qt; saying it here said it twice.
    setWindowTitle(user.displayName);
    resize(1280, 780);

    auto *central = new QWidget(this);
    auto *outer = new QVBoxLayout(central);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(new ConnectionBanner(session.connection(), central));
    auto *body = new QHBoxLayout;
    m_navigation = new QListWidget(central);
    m_navigation->setAccessibleName(tr("Navigation"));
    m_navigation->setFixedWidth(170);
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setSpacing(2);
    m_navigation->setStyleSheet(
        QStringLiteral("QListWidget { padding-top: 6px; } QListWidget::item { padding: 8px 12px; }"));
    m_pages = new QStackedWidget(central);
    body->addWidget(m_navigation);
    body->addWidget(m_pages, 1);
    outer->addLayout(body, 1);
    setCentralWidget(central);

    m_delegations = new DelegationsPage(session, *m_agentModel, cache, *m_revocations, clock, m_pages);
    addPage(user.isCustomer() ? tr("My delegations") : tr("Delegations"),
            tr("What each agent may do, and how much of it is used"), m_delegations);
    buildApprovals();
    m_agents = new AgentsPage(session, *m_agentModel, *m_revocations, m_pages);
    addPage(tr("Agents"), tr("The registered agent identities"), m_agents);
    // Approvers read no audit trail (API.md: customers their own, support and admin all).
    if (user.isCustomer() || user.isStaff()) {
        m_audit = new AuditPage(session, *m_agentModel, cache, m_pages);
        addPage(tr("Audit"), tr("The tamper-evident record of every grant, decision and revocation"),
                m_audit);
        connect(m_delegations, &DelegationsPage::auditRequested, this, [this](const QString &delegationId) {
            showPage(m_audit);
            m_audit->showDelegation(delegationId);
        });
        connect(m_audit, &AuditPage::exportFinished, this,
                [this](const QString &, bool, const QString &message) {
                    statusBar()->showMessage(message, 10000);
                });
    } else {
        m_delegations->setAuditAvailable(false);
    }
    // The server answers 403 to anyone else (API.md, "Mandate as an AuthZEN 1.0 PDP").
    if (user.isAdmin()) {
        m_enforcementPoints = new EnforcementPointsPage(session, m_pages);
        addPage(tr("Enforcement points"), tr("The gateways and MCP servers that ask Mandate for decisions"),
                m_enforcementPoints);
        connect(m_enforcementPoints, &EnforcementPointsPage::statusMessage, this,
                [this](const QString &message) { statusBar()->showMessage(message, 8000); });
        m_signals = new SignalsPage(session, m_pages);
        addPage(tr("Shared signals"),
                tr("The resource servers told the moment an agent's authority ends, and how delivery goes"),
                m_signals);
    }
    connect(m_navigation, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    // An approver's work is the inbox; everyone else starts with the delegations.
    const bool approverOnly = user.isApprover() && !user.isCustomer() && !user.isStaff();
    m_navigation->setCurrentRow(approverOnly && m_approvals ? m_pages->indexOf(m_approvals) : 0);

    connect(m_delegations, &DelegationsPage::grantRequested, m_grants, [this] { m_grants->start(); });
    connect(m_delegations, &DelegationsPage::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message, 8000); });
    connect(m_grants, &GrantController::granted, this, [this](const QString &summary, const QString &id) {
        statusBar()->showMessage(summary, 8000);
        m_delegations->reload(id);
    });
    connect(m_revocations, &RevocationController::changed, this, [this](const QString &summary) {
        statusBar()->showMessage(summary, 8000);
        m_delegations->reload();
        m_agentModel->reload();
    });
    connect(m_agents, &AgentsPage::showDelegationsOf, this, [this](const QString &agentId) {
        showPage(m_delegations);
        m_delegations->search(agentId);
    });
    m_agentModel->follow(session.events());

    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("approvalNotice"));
    m_notice->setVisible(false);
    connect(m_notice, &QLabel::linkActivated, this, &MainWindow::openNotifiedRequest);
    statusBar()->addPermanentWidget(m_notice, 1);
    m_connection = new QLabel(this);
    m_connection->setAccessibleName(tr("Connection"));
    statusBar()->addPermanentWidget(m_connection);
    if (user.isStaff())
        statusBar()->addPermanentWidget(new OrgPolicyIndicator(session.api(), this));
    statusBar()->addPermanentWidget(
        new QLabel(tr("Signed in as %1 (%2) at %3")
                       .arg(user.displayName, RoleNames::of(user.roles), session.server().toString()),
                   this));
    connect(&session.connection(), &client::ConnectionMonitor::onlineChanged, this,
            &MainWindow::updateConnectionIndicator);
    connect(&session.events(), &client::EventStream::connectedChanged, this,
            &MainWindow::updateConnectionIndicator);
    updateConnectionIndicator();
    buildMenus();

    m_agentModel->reload();
    m_delegations->reload();
    if (m_audit)
        m_audit->reload();
    if (m_enforcementPoints)
        m_enforcementPoints->reload();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildApprovals()
{
    const client::UserInfo &user = m_session.user();
    if (!user.isApprover() && !user.isCustomer() && !user.isStaff())
        return;
    m_approvals = new ApprovalsPage(m_session, m_outbox, m_clock, m_pages);
    addPage(tr("Approvals"),
            user.isStaff() && !user.isApprover() ? tr("Every approval request, read-only")
                                                 : tr("Requests waiting for your decision"),
            m_approvals);
    connect(m_approvals, &ApprovalsPage::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message, 8000); });

    m_inbox = new models::ApprovalListModel(m_session.api(), m_clock, this);
    m_inbox->follow(m_session.events());
    m_inbox->follow(m_outbox);
    connect(m_inbox, &models::ApprovalListModel::pendingCountChanged, this,
            &MainWindow::updateApprovalsEntry);
    connect(m_inbox, &models::ApprovalListModel::pageLoaded, this, &MainWindow::updateApprovalsEntry);
    connect(m_inbox, &models::ApprovalListModel::approvalArrived, this, &MainWindow::notifyNewRequest);
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(style()->standardIcon(QStyle::SP_MessageBoxInformation), this);
        m_tray->setToolTip(windowTitle());
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, &MainWindow::openNotifiedRequest);
        m_tray->show();
    }
    m_inbox->setFilter({});
    m_approvals->reload();
}

void MainWindow::updateApprovalsEntry()
{
    QListWidgetItem *item = m_navigation->item(m_pages->indexOf(m_approvals));
    const int count = m_inbox->pendingCount();
    // The inbox holds one page; more pending than that shows as "100+".
    const QString shown =
        QString::number(count) + (m_inbox->canFetchMore({}) ? QStringLiteral("+") : QString());
    item->setText(count == 0 ? tr("Approvals") : tr("Approvals (%1)").arg(shown));
}

void MainWindow::notifyNewRequest(const Approval &approval)
{
    // Only what this person may decide: support staff see every request but decide none.
    if (models::ApprovalFormatter::ineligibility(approval, m_session.user(), m_clock.now()))
        return;
    m_notifiedId = approval.id;
    const QString title =
        tr("New %1 request").arg(models::ApprovalFormatter::kindText(approval.kind).toLower());
    if (m_tray) {
        m_tray->showMessage(title, approval.summary, QSystemTrayIcon::Information, 15000);
        return;
    }
    m_notice->setText(QStringLiteral("<b>%1:</b> %2 <a href=\"open\">%3</a>")
                          .arg(title.toHtmlEscaped(), approval.summary.toHtmlEscaped(), tr("Open")));
    m_notice->setToolTip(approval.summary);
    m_notice->setVisible(true);
}

void MainWindow::openNotifiedRequest()
{
    if (m_notifiedId.isEmpty() || !m_approvals)
        return;
    m_notice->setVisible(false);
    showPage(m_approvals);
    m_approvals->openApproval(m_notifiedId);
    raise();
    activateWindow();
}

int MainWindow::addPage(const QString &title, const QString &description, QWidget *page)
{
    auto *item = new QListWidgetItem(title, m_navigation);
    item->setToolTip(description);
    page->setAccessibleName(title);
    page->setAccessibleDescription(description);
    return m_pages->addWidget(page);
}

void MainWindow::showPage(QWidget *page)
{
    m_navigation->setCurrentRow(m_pages->indexOf(page));
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&Session"));
    QAction *reload = file->addAction(tr("&Reload"), this, [this] {
        m_agentModel->reload();
        m_delegations->reload();
        if (m_approvals) {
            m_approvals->reload();
            m_inbox->reload();
        }
        if (m_enforcementPoints)
            m_enforcementPoints->reload();
        if (m_audit)
            m_audit->reload();
    });
    reload->setShortcut(QKeySequence::Refresh);
    QAction *find = file->addAction(tr("&Find…"), this, [this] {
        showPage(m_delegations);
        m_delegations->searchField()->setFocus();
        m_delegations->searchField()->selectAll();
    });
    find->setShortcut(QKeySequence::Find);
    file->addSeparator();
    file->addAction(tr("Sign &out"), this, &MainWindow::signOutRequested);
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);

    // Ctrl+1, Ctrl+2, … open the pages in navigation order, so no page needs the mouse or a Tab walk.
    for (int row = 0; row < 9; ++row) {
        auto *go = new QAction(this);
        go->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + row)));
        connect(go, &QAction::triggered, this, [this, row] {
            if (row < m_navigation->count()) {
                m_navigation->setCurrentRow(row);
                // Into the page's first control, as a Tab from the navigation would land.
                QWidget *page = m_pages->currentWidget();
                for (QWidget *w = page->nextInFocusChain(); w != page; w = w->nextInFocusChain()) {
                    if (page->isAncestorOf(w) && w->isVisible() && w->isEnabled() &&
                        (w->focusPolicy() & Qt::TabFocus)) {
                        w->setFocus(Qt::ShortcutFocusReason);
                        break;
                    }
                }
            }
        });
        addAction(go);
    }
}

void MainWindow::updateConnectionIndicator()
{
    const bool online = m_session.connection().isOnline();
    const bool live = m_session.events().isConnected();
    // The dot's colour is a hint; the words carry the meaning.
    const QString dot = QStringLiteral("<span style='color:%1'>●</span> ")
                            .arg(ThemeColors::name(!online ? ThemeColors::Role::Error
                                                   : live  ? ThemeColors::Role::Success
                                                           : ThemeColors::Role::Warning,
                                                   m_connection->palette()));
    m_connection->setText(dot + (!online ? tr("Offline")
                                 : live  ? tr("Live")
                                         : tr("Connected, live updates reconnecting")));
}

} // namespace mandate::ui
