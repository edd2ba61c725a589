#pragma once

#include <QDialog>

#include <memory>

class QPushButton;

namespace Ui {
class ReasonConfirmDialog;
}

namespace mandate::ui {

// The one way every destructive action is confirmed: what will happen, its impact, and a
// required reason for the audit log. The action button stays disabled until there is a reason,
// and the dialog stays open (showing the server's error) until the caller says it succeeded.
class ReasonConfirmDialog : public QDialog
{
    Q_OBJECT

public:
    ReasonConfirmDialog(const QString &title, const QString &question, const QString &actionText,
                        QWidget *parent = nullptr);
    ~ReasonConfirmDialog() override;

    // Shown under the question; an empty impact hides the line. `ready` false keeps the action
    // disabled (while the impact is still being counted).
    void setImpact(const QString &impact, bool ready = true);
    QString reason() const;
    // Approval decisions count the reason without spaces; 0 makes the reason optional.
    void setMinimumReason(qsizetype nonSpaceCharacters);
    QPushButton *actionButton() const { return m_action; }
    // Staff acting on someone else's delegations say so: the customer reads the reason too.
    void setReasonShownToCustomer();

    void setBusy(bool busy);
    void showError(const QString &message);

Q_SIGNALS:
    // The user confirmed with this reason; call accept() once the server agreed.
    void confirmed(const QString &reason);

private:
    void updateAction();

    std::unique_ptr<Ui::ReasonConfirmDialog> m_ui;
    QPushButton *m_action = nullptr;
    qsizetype m_minimum;
    bool m_countSpaces = true;
    bool m_ready = true;
    bool m_busy = false;
};

} // namespace mandate::ui
