#include "ui/GrantController.h"

#include "client/MandateApi.h"
#include "models/AgentListModel.h"
#include "ui/DraftSimulator.h"
#include "ui/TryActionPanel.h"
#include "ui/wizard/GrantWizard.h"

#include <QGroupBox>
#include <QPointer>
#include <QVBoxLayout>
#include <QWizardPage>

namespace mandate::ui {

GrantController::GrantController(client::MandateApi &api, models::AgentListModel &agents, const Clock &clock,
                                 QWidget *dialogParent, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_agents(agents)
    , m_clock(clock)
    , m_dialogParent(dialogParent)
{}

GrantWizard *GrantController::wizard() const
{
    return m_wizard;
}

void GrantController::start(const QString &preselectedAgentId)
{
    if (m_wizard) {
        m_wizard->raise();
        m_wizard->activateWindow();
        return;
    }
    m_wizard = new GrantWizard(&m_agents, m_clock, m_dialogParent);
    m_wizard->setAttribute(Qt::WA_DeleteOnClose);
    if (!preselectedAgentId.isEmpty())
        m_wizard->setPreselectedAgent(preselectedAgentId);
    // The organisation may have registered actions of its own; until the list arrives the wizard
    // offers the built-in ones, and the server refuses what it does not know either way.
    m_api.actions().onSucceeded(
        m_wizard, [wizard = m_wizard.data()](const ActionCatalog &actions) { wizard->setActions(actions); });
    // Offer what the customer's delegations already name (their accounts, datasets), so nobody
    // has to remember that an account is written "account:acc_…".
    const auto named = m_api.delegations({}, {}, 100);
    named.onSucceeded(this, [wizard = QPointer(m_wizard)](const client::Page<Delegation> &page) {
        QStringList resources;
        for (const Delegation &delegation : page.items) {
            for (const Scope &scope : delegation.scopes) {
                if (!resources.contains(scope.resource.text()))
                    resources.append(scope.resource.text());
            }
        }
        resources.sort();
        if (wizard)
            wizard->setResourceSuggestions(resources);
    });
    connect(m_wizard, &GrantWizard::grantRequested, this, [this](const DelegationGrant &grant) {
        const auto reply = m_api.grant(grant);
        const QString agentName = m_agents.nameOf(grant.agentId);
        reply.onSucceeded(this, [this, agentName, purpose = grant.purpose](const Delegation &granted) {
            if (m_wizard)
                m_wizard->grantSucceeded();
            Q_EMIT this->granted(tr("Granted %1: %2").arg(agentName, purpose), granted.id);
        });
        reply.onFailed(this, [this](const client::ApiError &error) {
            if (m_wizard)
                m_wizard->grantFailed(error.message(), error.fieldErrors);
        });
    });
    addDraftTrial();
    m_wizard->show();
}

// "Try an action" on the review page, before granting: the draft decided by the console's own engine.
void GrantController::addDraftTrial()
{
    QWizardPage *review = m_wizard->page(GrantWizard::ReviewPageId);
    auto *panel = new TryActionPanel(review);
    auto *box = new QGroupBox(tr("Try an action before granting"), review);
    auto *boxLayout = new QVBoxLayout(box);
    boxLayout->addWidget(panel);
    review->layout()->addWidget(box);
    connect(m_wizard, &QWizard::currentIdChanged, panel, [this, panel](int id) {
        if (id != GrantWizard::ReviewPageId || !m_wizard)
            return;
        const DelegationGrant grant = m_wizard->grant();
        panel->setDelegation(DraftSimulator::draftOf(grant, m_agents.nameOf(grant.agentId), m_clock.now()));
    });
    connect(panel, &TryActionPanel::tryRequested, panel, [this, panel](const AuthorizeRequest &request) {
        if (!m_wizard)
            return;
        const DelegationGrant grant = m_wizard->grant();
        const Delegation draft =
            DraftSimulator::draftOf(grant, m_agents.nameOf(grant.agentId), m_clock.now());
        panel->showDecision(DraftSimulator::simulate(draft, request, m_clock.now()));
    });
}

} // namespace mandate::ui
