#pragma once

#include "core/Clock.h"
#include "ui/wizard/GrantWizardPage.h"

#include <memory>

class QRadioButton;
class QSpinBox;

namespace mandate::ui {

namespace Ui {
class LifetimePage;
}

class UsageWindowBox;

// When the grant ends (a preset or a date, at most 90 days ahead) and what ends it earlier.
class LifetimePage : public GrantWizardPage
{
    Q_OBJECT

public:
    explicit LifetimePage(const Clock &clock, QWidget *parent = nullptr);
    ~LifetimePage() override;

    // Presets count from now: "1 day" means a day from when the customer grants, not from when they
    // opened the wizard.
    QDateTime expiresAt() const;

    void initializePage() override;
    void applyTo(DelegationGrant &grant) const override;
    void showFieldErrors(const FieldErrors &errors) override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateSummary();

    std::unique_ptr<Ui::LifetimePage> m_ui;
    QRadioButton *m_daysRadio; // "In [N] days", for any whole number of days up to the limit
    QSpinBox *m_daysSpin;
    const Clock &m_clock;
    UsageWindowBox *m_usageWindow = nullptr;
};

} // namespace mandate::ui
