#include "ui/AgentsPage.h"

#include "client/ConsoleSession.h"
#include "models/AgentListModel.h"
#include "ui/AuthorityPage.h"
#include "ui/RevocationController.h"
#include "ui_AgentsPage.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QPushButton>
#include <QSortFilterProxyModel>

namespace mandate::ui {

AgentsPage::AgentsPage(client::ConsoleSession &session, models::AgentListModel &agents,
                       RevocationController &revocations, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::AgentsPage>())
    , m_session(session)
    , m_agents(agents)
    , m_revocations(revocations)
    , m_proxy(new QSortFilterProxyModel(this))
{
    m_proxy->setSourceModel(&m_agents);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1); // name, SPIFFE ID, status and description alike

    m_ui->setupUi(this);
    connect(m_ui->filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_ui->showDelegations, &QPushButton::clicked, this, [this] {
        if (const client::AgentInfo *agent = m_agents.agentAt(selectedSourceRow()))
            Q_EMIT showDelegationsOf(agent->id);
    });
    // Staff see every delegation reaching an agent; a customer their own.
    m_authority = new QPushButton(tr("&Authority…"), this);
    m_authority->setObjectName(QStringLiteral("authority"));
    m_authority->setToolTip(
        tr("Everything the selected agent can still do, through which chains, and how it grew"));
    m_ui->toolbar->insertWidget(m_ui->toolbar->indexOf(m_ui->showDelegations) + 1, m_authority);
    connect(m_authority, &QPushButton::clicked, this, [this] {
        if (const client::AgentInfo *agent = m_agents.agentAt(selectedSourceRow())) {
            auto *page = new AuthorityPage(m_session.api(), agent->id, agent->name, this);
            page->setAttribute(Qt::WA_DeleteOnClose);
            page->show();
        }
    });
    m_ui->suspend->setVisible(session.user().isStaff());
    connect(m_ui->suspend, &QPushButton::clicked, this, [this] {
        if (const client::AgentInfo *agent = m_agents.agentAt(selectedSourceRow()))
            m_revocations.suspendAgent(agent->id, agent->name);
    });
    m_ui->reinstate->setVisible(session.user().isStaff());
    connect(m_ui->reinstate, &QPushButton::clicked, this, [this] {
        if (const client::AgentInfo *agent = m_agents.agentAt(selectedSourceRow()))
            m_revocations.reinstateAgent(agent->id, agent->name);
    });

    QTableView *table = m_ui->table;
    table->setModel(m_proxy);
    table->sortByColumn(models::AgentListModel::NameColumn, Qt::AscendingOrder);
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->setColumnWidth(models::AgentListModel::NameColumn, 180);
    table->setColumnWidth(models::AgentListModel::SpiffeIdColumn, 340);
    table->setColumnWidth(models::AgentListModel::StatusColumn, 100);

    connect(table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AgentsPage::updateActions);
    connect(&m_agents, &models::AgentListModel::dataChanged, this, &AgentsPage::updateActions);
    // A reload (after a suspension, say) keeps the agent selected, so its next action is at hand.
    connect(&m_agents, &models::AgentListModel::modelAboutToBeReset, this, [this] {
        if (const client::AgentInfo *agent = m_agents.agentAt(selectedSourceRow()))
            m_keepSelected = agent->id;
    });
    connect(&m_agents, &models::AgentListModel::modelReset, this, [this] {
        const int row = m_keepSelected.isEmpty() ? -1 : m_agents.rowOf(m_keepSelected);
        if (row >= 0) {
            m_keepSelected.clear();
            const QModelIndex index = m_proxy->mapFromSource(m_agents.index(row, 0));
            if (index.isValid())
                m_ui->table->selectRow(index.row());
        }
        updateActions();
    });
    connect(&session.connection(), &client::ConnectionMonitor::onlineChanged, this,
            &AgentsPage::updateActions);
    updateActions();
}

AgentsPage::~AgentsPage() = default;

QTableView *AgentsPage::table() const
{
    return m_ui->table;
}

QLineEdit *AgentsPage::filterField() const
{
    return m_ui->filter;
}

QPushButton *AgentsPage::suspendButton() const
{
    return m_ui->suspend;
}

QPushButton *AgentsPage::reinstateButton() const
{
    return m_ui->reinstate;
}

int AgentsPage::selectedSourceRow() const
{
    const QModelIndexList rows = m_ui->table->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : m_proxy->mapToSource(rows.first()).row();
}

void AgentsPage::updateActions()
{
    const client::AgentInfo *agent = m_agents.agentAt(selectedSourceRow());
    const bool online = m_session.connection().isOnline();
    m_ui->showDelegations->setEnabled(agent != nullptr);
    m_authority->setEnabled(agent != nullptr && online);
    const bool suspended = agent && agent->status == AgentStatus::Suspended;
    m_ui->suspend->setEnabled(online && agent && !suspended);
    m_ui->suspend->setToolTip(
        !online     ? tr("The server is not reachable; this needs it.")
        : !agent    ? tr("Select an agent first.")
        : suspended ? tr("%1 is already suspended.").arg(agent->name)
                    : tr("Revoke every active delegation of %1 and refuse it from now on").arg(agent->name));
    m_ui->reinstate->setEnabled(online && suspended);
    m_ui->reinstate->setToolTip(
        !online      ? tr("The server is not reachable; this needs it.")
        : !agent     ? tr("Select an agent first.")
        : !suspended ? tr("%1 is not suspended.").arg(agent->name)
                     : tr("Let %1 act again; its revoked delegations stay revoked").arg(agent->name));
}

} // namespace mandate::ui
