#include "ui/AgentsPage.h"

#include "client/ConsoleSession.h"
#include "models/AgentListModel.h"
#include "ui/RevocationController.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace mandate::ui {

AgentsPage::AgentsPage(client::ConsoleSession &session, models::AgentListModel &agents,
                       RevocationController &revocations, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_agents(agents)
    , m_revocations(revocations)
    , m_proxy(new QSortFilterProxyModel(this))
{
    m_proxy->setSourceModel(&m_agents);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1); // name, SPIFFE ID, status and description alike

    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Find an agent by name or SPIFFE ID"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Find agent"));
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    bar->addWidget(m_filter, 1);
    m_delegations = new QPushButton(tr("Show &delegations"), this);
    connect(m_delegations, &QPushButton::clicked, this, [this] {
        if (const client::AgentInfo *agent = m_agents.agentAt(selectedSourceRow()))
            Q_EMIT showDelegationsOf(agent->id);
    });
    bar->addWidget(m_delegations);
    m_suspend = new QPushButton(tr("&Suspend agent…"), this);
    m_suspend->setVisible(session.user().isStaff());
    connect(m_suspend, &QPushButton::clicked, this, [this] {
        if (const client::AgentInfo *agent = m_agents.agentAt(selectedSourceRow()))
            m_revocations.suspendAgent(agent->id, agent->name);
    });
    bar->addWidget(m_suspend);
    layout->addLayout(bar);

    m_table = new QTableView(this);
    m_table->setModel(m_proxy);
    m_table->setAccessibleName(tr("Agents"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(models::AgentListModel::NameColumn, Qt::AscendingOrder);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(models::AgentListModel::NameColumn, 180);
    m_table->setColumnWidth(models::AgentListModel::SpiffeIdColumn, 340);
    m_table->setColumnWidth(models::AgentListModel::StatusColumn, 100);
    layout->addWidget(m_table, 1);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AgentsPage::updateActions);
    connect(&m_agents, &models::AgentListModel::dataChanged, this, &AgentsPage::updateActions);
    connect(&m_agents, &models::AgentListModel::modelReset, this, &AgentsPage::updateActions);
    connect(&session.connection(), &client::ConnectionMonitor::onlineChanged, this,
            &AgentsPage::updateActions);
    updateActions();
}

int AgentsPage::selectedSourceRow() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : m_proxy->mapToSource(rows.first()).row();
}

void AgentsPage::updateActions()
{
    const client::AgentInfo *agent = m_agents.agentAt(selectedSourceRow());
    const bool online = m_session.connection().isOnline();
    m_delegations->setEnabled(agent != nullptr);
    m_suspend->setEnabled(online && agent && !agent->suspended);
    m_suspend->setToolTip(
        !online  ? tr("The server is not reachable; this needs it.")
        : !agent ? tr("Select an agent first.")
        : agent->suspended
            ? tr("%1 is already suspended.").arg(agent->name)
            : tr("Revoke every active delegation of %1 and refuse it from now on").arg(agent->name));
}

} // namespace mandate::ui
