#include "ui/wizard/AgentPage.h"

#include "ui/wizard/AgentListProxy.h"
#include "ui/wizard/FieldMarker.h"
#include "ui/wizard/ReservedErrorLine.h"
#include "ui_AgentPage.h"

namespace mandate::ui {

AgentPage::AgentPage(QAbstractItemModel *agents, QWidget *parent)
    : GrantWizardPage({QStringLiteral("agent_id"), QStringLiteral("agent_spiffe_id")}, parent)
    , m_ui(std::make_unique<Ui::AgentPage>())
    , m_agents(new AgentListProxy(this))
{
    m_ui->setupUi(this);
    ReservedErrorLine::reserve(m_ui->agentError);
    m_agents->setSourceModel(agents);
    m_ui->agentList->setModel(m_agents);

    // Selection, not the current index: a list that gains focus makes its first row current, and
    // that must not count as the customer's choice of agent.
    connect(m_ui->agentList->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        FieldMarker::clear(m_ui->agentList, m_ui->agentError);
        updateDetails();
        Q_EMIT completeChanged();
    });
    // Double-clicking an agent is the natural "this one, go on".
    connect(m_ui->agentList, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        if (AgentListProxy::isSelectable(index) && wizard())
            wizard()->next();
    });
    updateDetails();
}

AgentPage::~AgentPage() = default;

void AgentPage::selectAgent(const QString &agentId)
{
    const QModelIndexList found =
        m_agents->match(m_agents->index(0, 0), AgentListProxy::IdRole, agentId, 1, Qt::MatchExactly);
    if (found.isEmpty() || !AgentListProxy::isSelectable(found.front()))
        return;
    m_ui->agentList->selectionModel()->setCurrentIndex(found.front(), QItemSelectionModel::ClearAndSelect);
}

QModelIndex AgentPage::selectedAgent() const
{
    const QModelIndexList selected = m_ui->agentList->selectionModel()->selectedIndexes();
    return selected.isEmpty() || !AgentListProxy::isSelectable(selected.front()) ? QModelIndex()
                                                                                 : selected.front();
}

QString AgentPage::agentId() const
{
    return selectedAgent().data(AgentListProxy::IdRole).toString();
}

QString AgentPage::agentName() const
{
    return selectedAgent().data().toString();
}

bool AgentPage::isComplete() const
{
    return !agentId().isEmpty();
}

void AgentPage::applyTo(DelegationGrant &grant) const
{
    grant.agentId = agentId();
}

void AgentPage::showFieldErrors(const FieldErrors &errors)
{
    QStringList messages;
    for (const FieldError &error : errors)
        messages.append(error.message);
    const QString message = messages.join(u'\n');
    if (message.isEmpty())
        FieldMarker::clear(m_ui->agentList, m_ui->agentError);
    else
        FieldMarker::mark(m_ui->agentList, m_ui->agentError, message);
}

void AgentPage::updateDetails()
{
    const QModelIndex current = selectedAgent();
    if (!current.isValid()) {
        m_ui->agentDetails->setText(tr("Select an agent to continue. Suspended agents are listed but cannot "
                                       "receive new grants."));
        return;
    }
    m_ui->agentDetails->setText(
        tr("Workload identity: %1").arg(current.data(AgentListProxy::SpiffeIdRole).toString()));
}

} // namespace mandate::ui
