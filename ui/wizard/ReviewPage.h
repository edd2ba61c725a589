#pragma once

#include "ui/wizard/GrantReview.h"

#include <QWizardPage>

#include <memory>

namespace mandate::ui {

namespace Ui {
class ReviewPage;
}

// The plain-language summary with its risk call-outs, and the state of the grant request.
class ReviewPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit ReviewPage(QWidget *parent = nullptr);
    ~ReviewPage() override;

    void setSummary(const GrantSummary &summary);
    QString summaryText() const;

    // While the server decides, the page cannot be finished again.
    void setBusy(bool busy);
    bool isBusy() const { return m_busy; }
    void showError(const QString &message);

    bool isComplete() const override;

private:
    std::unique_ptr<Ui::ReviewPage> m_ui;
    bool m_busy = false;
};

} // namespace mandate::ui
