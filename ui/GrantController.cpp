#include "ui/GrantController.h"

#include "client/MandateApi.h"
#include "models/AgentListModel.h"
#include "ui/wizard/GrantWizard.h"

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
    connect(m_wizard, &GrantWizard::grantRequested, this, [this](const DelegationGrant &grant) {
        const auto reply = m_api.grant(grant);
        const QString agentName = m_agents.nameOf(grant.agentId);
        reply.onSucceeded(this, [this, agentName, purpose = grant.purpose](const Delegation &) {
            if (m_wizard)
                m_wizard->grantSucceeded();
            Q_EMIT granted(tr("Granted %1: %2").arg(agentName, purpose));
        });
        reply.onFailed(this, [this](const client::ApiError &error) {
            if (m_wizard)
                m_wizard->grantFailed(error.message(), error.fieldErrors);
        });
    });
    m_wizard->show();
}

} // namespace mandate::ui
