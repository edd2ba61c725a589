#pragma once

#include "ui/wizard/GrantWizardPage.h"

#include <memory>

namespace mandate::ui {

namespace Ui {
class ThresholdsPage;
}

// Step-up (one confirmation) and dual control (two approvers): which requests wait for people.
class ThresholdsPage : public GrantWizardPage
{
    Q_OBJECT

public:
    explicit ThresholdsPage(QWidget *parent = nullptr);
    ~ThresholdsPage() override;

    // Dual control is offered for the actions the scopes grant; choices already made are kept.
    void setOfferedActions(const QStringList &actions);
    // Amounts not typed yet follow the currency the scopes use.
    void setPreferredCurrency(const QString &currency);

    void applyTo(DelegationGrant &grant) const override;
    FieldErrors inputErrors() const override;
    void showFieldErrors(const FieldErrors &errors) override;

private:
    QStringList checkedActions() const;
    void updateEnabled();

    std::unique_ptr<Ui::ThresholdsPage> m_ui;
};

} // namespace mandate::ui
