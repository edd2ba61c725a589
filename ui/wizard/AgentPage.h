#pragma once

#include "ui/wizard/GrantWizardPage.h"

#include <QModelIndex>

#include <memory>

class QAbstractItemModel;

namespace mandate::ui {

namespace Ui {
class AgentPage;
}
class AgentListProxy;

class AgentPage : public GrantWizardPage
{
    Q_OBJECT

public:
    AgentPage(QAbstractItemModel *agents, QWidget *parent = nullptr);
    ~AgentPage() override;

    // Selects the agent when it is listed and active; otherwise leaves the choice to the customer.
    void selectAgent(const QString &agentId);
    QString agentId() const;
    QString agentName() const;

    bool isComplete() const override;
    void applyTo(DelegationGrant &grant) const override;
    void showFieldErrors(const FieldErrors &errors) override;

private:
    QModelIndex selectedAgent() const;
    void updateDetails();

    std::unique_ptr<Ui::AgentPage> m_ui;
    AgentListProxy *m_agents;
};

} // namespace mandate::ui
