#pragma once

#include "ui/wizard/GrantWizardPage.h"

#include <memory>

namespace mandate::ui {

namespace Ui {
class PurposePage;
}

class PurposePage : public GrantWizardPage
{
    Q_OBJECT

public:
    explicit PurposePage(QWidget *parent = nullptr);
    ~PurposePage() override;

    void applyTo(DelegationGrant &grant) const override;
    void showFieldErrors(const FieldErrors &errors) override;

private:
    void updateLength();

    std::unique_ptr<Ui::PurposePage> m_ui;
};

} // namespace mandate::ui
