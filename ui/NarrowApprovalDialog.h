#pragma once

#include "core/Approval.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace mandate::client {
class ApiError;
class MandateApi;
} // namespace mandate::client

namespace mandate::ui {

class MoneyEdit;

// "Yes, but only EUR 600.00 of it": the approver names a lower amount; the approval then lets at
// most that through, and the agent is told so when it asks for more. Sent at once (with its own
// idempotency key, so a resend after a dropped answer changes nothing); a refusal stays in the
// dialog next to the amount.
class NarrowApprovalDialog : public QDialog
{
    Q_OBJECT

public:
    NarrowApprovalDialog(client::MandateApi &api, const Approval &approval, QWidget *parent = nullptr);

    MoneyEdit *amountEdit() const { return m_amount; }
    QPushButton *approveButton() const { return m_approve; }
    QLabel *problemLabel() const { return m_problem; }

Q_SIGNALS:
    void decided(const mandate::Approval &approval);

private:
    void send();

    client::MandateApi &m_api;
    Approval m_approval;
    QByteArray m_idempotencyKey;
    MoneyEdit *m_amount;
    QPlainTextEdit *m_reason;
    QLabel *m_problem;
    QPushButton *m_approve;
};

} // namespace mandate::ui
