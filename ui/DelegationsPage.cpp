#include "ui/DelegationsPage.h"

#include "client/ConsoleSession.h"
#include "client/LocalCache.h"
#include "models/AgentListModel.h"
#include "models/DelegationFormatter.h"
#include "models/DelegationListModel.h"
#include "ui/DelegationDetailPane.h"
#include "ui/RevocationController.h"
#include "ui/UsageBarDelegate.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace mandate::ui {

namespace {

constexpr int SearchDebounceMs = 250;
constexpr int SnapshotRows = 200;
const QString SnapshotName = QStringLiteral("delegations");

} // namespace

DelegationsPage::DelegationsPage(client::ConsoleSession &session, models::AgentListModel &agents,
                                 client::LocalCache &cache, RevocationController &revocations,
                                 const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_agents(agents)
    , m_cache(cache)
    , m_revocations(revocations)
    , m_model(new models::DelegationListModel(session.api(), clock, this))
{
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QWidget(this);
    buildToolbar(bar);
    layout->addWidget(bar);
    m_offlineNote = new QLabel(this);
    m_offlineNote->setObjectName(QStringLiteral("offlineNote"));
    m_offlineNote->setVisible(false);
    m_offlineNote->setWordWrap(true);
    layout->addWidget(m_offlineNote);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    m_table = new QTableView(splitter);
    m_table->setModel(m_model);
    m_table->setAccessibleName(tr("Delegations"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    // Purposes often share their start ("Pay the rent for …"): keep both ends in sight.
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->setSortingEnabled(false);
    // No indicator until the person picks a column: the server's own order is newest first.
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_table->horizontalHeader()->setSortIndicatorShown(true);
    m_table->horizontalHeader()->setSectionsClickable(true);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(models::DelegationListModel::PurposeColumn,
                                                      QHeaderView::Stretch);
    m_table->verticalHeader()->setVisible(false);
    // Uniform rows: the view never measures 100,000 rows to lay them out.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 12);
    m_table->setWordWrap(false);
    m_table->setItemDelegateForColumn(
        models::DelegationListModel::UsageColumn,
        new UsageBarDelegate(models::DelegationListModel::UsageFractionRole, m_table));
    m_table->setColumnWidth(models::DelegationListModel::AgentColumn, 120);
    m_table->setColumnWidth(models::DelegationListModel::StatusColumn, 80);
    m_table->setColumnWidth(models::DelegationListModel::UsageColumn, 180);
    m_table->setColumnWidth(models::DelegationListModel::ExpiresColumn, 115);
    m_table->setColumnWidth(models::DelegationListModel::CustomerColumn, 110);
    m_table->setColumnHidden(models::DelegationListModel::CustomerColumn, !session.user().isStaff());
    connect(m_table->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this,
            [this](int column, Qt::SortOrder order) { m_model->sort(column, order); });

    m_detail = new DelegationDetailPane(session.api(), clock, splitter);
    const client::UserInfo &user = session.user();
    if (user.isApprover() && !user.isCustomer() && !user.isStaff())
        m_detail->setEmptyText(
            tr("Approvers see the delegations behind the requests routed to them: what the agent "
               "may do, for whom and why. Select one, or open a request on the Approvals page."));
    m_detail->setMinimumWidth(340);
    splitter->addWidget(m_table);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(SearchDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &DelegationsPage::applyFilters);
    m_clockTick.setInterval(30000);
    connect(&m_clockTick, &QTimer::timeout, m_model, &models::DelegationListModel::refreshRelativeTimes);
    m_clockTick.start();

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &DelegationsPage::onSelectionChanged);
    connect(m_model, &models::DelegationListModel::modelReset, this, &DelegationsPage::onSelectionChanged);
    connect(m_model, &models::DelegationListModel::dataChanged, this,
            [this](const QModelIndex &top, const QModelIndex &bottom) {
                const int row = m_model->rowOf(m_detail->delegationId());
                if (row >= top.row() && row <= bottom.row() && top.column() == 0)
                    m_detail->showDelegation(*m_model->delegationAt(row));
            });
    connect(m_model, &models::DelegationListModel::pageLoaded, this, [this](int rows) {
        m_showingSnapshot = false;
        m_offlineNote->setVisible(false);
        if (rows <= SnapshotRows && m_model->filter() == client::DelegationFilter())
            m_cache.saveDelegations(SnapshotName, m_model->snapshot(SnapshotRows),
                                    QDateTime::currentDateTimeUtc());
        reselect();
        updateActions();
    });
    connect(m_model, &models::DelegationListModel::loadFailed, this, &DelegationsPage::onLoadFailed);
    m_model->follow(session.events());
    connect(&session.connection(), &client::ConnectionMonitor::onlineChanged, this, [this](bool online) {
        if (online && m_showingSnapshot)
            reload();
        updateActions();
    });
    connect(&m_agents, &models::AgentListModel::loaded, this, &DelegationsPage::fillAgentFilter);
    connect(m_detail, &DelegationDetailPane::openDelegation, this, &DelegationsPage::search);
    fillAgentFilter();
    // An instant start: the last list seen is on screen while the first page is on its way.
    if (const auto snapshot = m_cache.loadDelegations(SnapshotName))
        m_model->showSnapshot(snapshot->delegations);
    updateActions();
}

void DelegationsPage::buildToolbar(QWidget *bar)
{
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    m_search = new QLineEdit(bar);
    m_search->setPlaceholderText(m_session.user().isStaff()
                                     ? tr("Search purpose, agent, SPIFFE ID, customer or id")
                                     : tr("Search purpose, agent or id"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search delegations"));
    connect(m_search, &QLineEdit::textChanged, this, [this] { m_debounce.start(); });
    connect(m_search, &QLineEdit::returnPressed, this, &DelegationsPage::applyFilters);
    layout->addWidget(m_search, 1);

    m_status = new QComboBox(bar);
    m_status->setAccessibleName(tr("Status filter"));
    m_status->addItem(tr("Any status"));
    for (DelegationStatus status : {DelegationStatus::Active, DelegationStatus::Revoked,
                                    DelegationStatus::Expired, DelegationStatus::Completed})
        m_status->addItem(models::DelegationFormatter::statusText(status), static_cast<int>(status));
    connect(m_status, &QComboBox::currentIndexChanged, this, &DelegationsPage::applyFilters);
    layout->addWidget(m_status);

    m_agent = new QComboBox(bar);
    m_agent->setAccessibleName(tr("Agent filter"));
    m_agent->setMinimumContentsLength(14);
    connect(m_agent, &QComboBox::currentIndexChanged, this, &DelegationsPage::applyFilters);
    layout->addWidget(m_agent);

    m_grant = new QPushButton(tr("&Grant…"), bar);
    m_grant->setObjectName(QStringLiteral("grantButton"));
    m_grant->setVisible(m_session.user().isCustomer());
    connect(m_grant, &QPushButton::clicked, this, &DelegationsPage::grantRequested);
    layout->addWidget(m_grant);
    m_revoke = new QPushButton(tr("&Revoke…"), bar);
    m_revoke->setObjectName(QStringLiteral("revokeButton"));
    connect(m_revoke, &QPushButton::clicked, this, &DelegationsPage::revokeSelected);
    layout->addWidget(m_revoke);
    m_revokeAll = new QPushButton(tr("Revoke all of customer…"), bar);
    m_revokeAll->setObjectName(QStringLiteral("revokeAllButton"));
    m_revokeAll->setVisible(m_session.user().isStaff());
    connect(m_revokeAll, &QPushButton::clicked, this, &DelegationsPage::revokeAllOfCustomer);
    layout->addWidget(m_revokeAll);
    m_audit = new QPushButton(tr("&Audit trail"), bar);
    m_audit->setObjectName(QStringLiteral("auditButton"));
    m_audit->setToolTip(tr("Every grant, decision and revocation under the selected delegation"));
    connect(m_audit, &QPushButton::clicked, this, [this] {
        if (const QList<int> rows = selectedRows(); rows.size() == 1)
            Q_EMIT auditRequested(m_model->delegationAt(rows.first())->id);
    });
    layout->addWidget(m_audit);
}

void DelegationsPage::fillAgentFilter()
{
    const QString current = m_agent->currentData().toString();
    const QSignalBlocker blocker(m_agent);
    m_agent->clear();
    m_agent->addItem(tr("Any agent"));
    for (int row = 0; row < m_agents.rowCount(); ++row) {
        const client::AgentInfo *agent = m_agents.agentAt(row);
        m_agent->addItem(agent->name, agent->id);
    }
    m_agent->setCurrentIndex(qMax(0, m_agent->findData(current)));
}

void DelegationsPage::reload(const QString &selectId)
{
    m_reselect.clear();
    if (!selectId.isEmpty())
        m_reselect.append(selectId);
    else {
        for (const int row : selectedRows())
            m_reselect.append(m_model->delegationAt(row)->id);
    }
    applyFilters();
}

void DelegationsPage::reselect()
{
    if (m_reselect.isEmpty())
        return;
    QItemSelection selection;
    for (const QString &id : std::as_const(m_reselect)) {
        const int row = m_model->rowOf(id);
        if (row >= 0)
            selection.select(m_model->index(row, 0), m_model->index(row, m_model->columnCount() - 1));
    }
    m_reselect.clear();
    if (selection.isEmpty())
        return;
    m_table->selectionModel()->select(selection,
                                      QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->selectionModel()->setCurrentIndex(selection.indexes().first(), QItemSelectionModel::NoUpdate);
    m_table->scrollTo(selection.indexes().first());
}

void DelegationsPage::search(const QString &text)
{
    const QSignalBlocker blocker(m_search);
    m_search->setText(text);
    applyFilters();
}

void DelegationsPage::setAuditAvailable(bool available)
{
    m_audit->setVisible(available);
}

void DelegationsPage::applyFilters()
{
    m_debounce.stop();
    client::DelegationFilter filter;
    filter.sort = m_model->filter().sort;
    filter.text = m_search->text().trimmed();
    if (const QVariant status = m_status->currentData(); status.isValid())
        filter.status = static_cast<DelegationStatus>(status.toInt());
    filter.agentId = m_agent->currentData().toString();
    m_model->setFilter(filter);
}

void DelegationsPage::onLoadFailed(const client::ApiError &error)
{
    if (!error.isConnectivity()) {
        Q_EMIT statusMessage(tr("Could not load delegations: %1").arg(error.message()));
        return;
    }
    const auto snapshot = m_cache.loadDelegations(SnapshotName);
    if (!snapshot && m_model->rowCount() > 0)
        return; // keep what is on screen; the banner says the server is away
    if (snapshot) {
        if (m_model->rowCount() == 0)
            m_model->showSnapshot(snapshot->delegations);
        m_showingSnapshot = true;
        m_offlineNote->setText(
            tr("Offline — showing the delegations as of %1. Nothing can be changed until the "
               "server is back.")
                .arg(QLocale().toString(snapshot->savedAt.toLocalTime(), QLocale::ShortFormat)));
        m_offlineNote->setVisible(true);
    }
    updateActions();
}

QList<int> DelegationsPage::selectedRows() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        rows.append(index.row());
    std::sort(rows.begin(), rows.end());
    return rows;
}

void DelegationsPage::onSelectionChanged()
{
    const QList<int> rows = selectedRows();
    if (rows.size() == 1)
        m_detail->showDelegation(*m_model->delegationAt(rows.first()));
    else if (rows.isEmpty())
        m_detail->clear();
    updateActions();
}

void DelegationsPage::updateActions()
{
    const bool online = m_session.connection().isOnline() && !m_showingSnapshot;
    const QString offlineReason = tr("The server is not reachable; this needs it.");
    int revocable = 0;
    QSet<QString> customers;
    for (int row : selectedRows()) {
        const Delegation *d = m_model->delegationAt(row);
        revocable += d->status == DelegationStatus::Active ? 1 : 0;
        customers.insert(d->customerId);
    }
    m_grant->setEnabled(online);
    m_grant->setToolTip(online ? tr("Give an agent a new, limited authority") : offlineReason);
    m_revoke->setEnabled(online && revocable > 0);
    m_revoke->setToolTip(!online ? offlineReason
                         : revocable == 0
                             ? tr("Select one or more active delegations first.")
                             : (revocable == 1 ? tr("Revoke the selected delegation")
                                               : tr("Revoke %1 selected delegations").arg(revocable)));
    m_audit->setEnabled(online && selectedRows().size() == 1);
    m_revokeAll->setEnabled(online && customers.size() == 1);
    m_revokeAll->setToolTip(!online                 ? offlineReason
                            : customers.size() == 1 ? tr("Revoke every active delegation of this customer")
                                                    : tr("Select a delegation of the customer first."));
}

void DelegationsPage::revokeSelected()
{
    QList<RevocationController::Target> targets;
    for (int row : selectedRows()) {
        const Delegation *d = m_model->delegationAt(row);
        if (d->status == DelegationStatus::Active)
            targets.append(
                {d->id, models::DelegationFormatter::agentName(*d) + QStringLiteral(" — ") + d->purpose});
    }
    m_revocations.revokeDelegations(targets);
}

void DelegationsPage::revokeAllOfCustomer()
{
    const QList<int> rows = selectedRows();
    if (rows.isEmpty())
        return;
    const Delegation *d = m_model->delegationAt(rows.first());
    m_revocations.revokeAllOfCustomer(d->customerId, models::DelegationFormatter::customerName(*d));
}

} // namespace mandate::ui
