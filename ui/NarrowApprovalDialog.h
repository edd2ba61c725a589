#pragma once

#include "core/Approval.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace mandate::client {
class ApiError;
class DecisionOutbox;
} // namespace mandate::client

namespace mandate::ui {

class MoneyEdit;

// "Yes, but only EUR 600.00 of it": the approver names a lower amount; the approval then lets at
// most that through, and the agent is told so when it asks for more. It goes through the decision
// outbox like any other decision, so a crash or a dropped network does not lose it: the dialog
// closes once the server took it or it is waiting to go out; a refusal stays in the dialog next to
// the amount.
class NarrowApprovalDialog : public QDialog
{
    Q_OBJECT

public:
    NarrowApprovalDialog(client::DecisionOutbox &outbox, const Approval &approval, QWidget *parent = nullptr);

    MoneyEdit *amountEdit() const { return m_amount; }
    QPushButton *approveButton() const { return m_approve; }
    QLabel *problemLabel() const { return m_problem; }

Q_SIGNALS:
    // Written to the outbox and on its way.
    void submitted(const QString &approvalId);

private:
    void send();

    client::DecisionOutbox &m_outbox;
    Approval m_approval;
    bool m_sent = false;
    MoneyEdit *m_amount;
    QPlainTextEdit *m_reason;
    QLabel *m_problem;
    QPushButton *m_approve;
};

} // namespace mandate::ui
