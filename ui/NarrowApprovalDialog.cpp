#include "ui/NarrowApprovalDialog.h"

#include "client/ApiError.h"
#include "client/DecisionOutbox.h"
#include "core/ApprovalStateMachine.h"
#include "ui/wizard/MoneyEdit.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace mandate::ui {

NarrowApprovalDialog::NarrowApprovalDialog(client::DecisionOutbox &outbox, const Approval &approval,
                                           QWidget *parent)
    : QDialog(parent)
    , m_outbox(outbox)
    , m_approval(approval)
{
    setWindowTitle(tr("Approve a lower amount"));
    auto *layout = new QVBoxLayout(this);
    auto *question = new QLabel(this);
    question->setWordWrap(true);
    const QString asked = approval.request.amount ? approval.request.amount->toLocaleString() : QString();
    question->setText(tr("<b>Approve only part of this request?</b><br>%1<br>The agent asked for %2. "
                         "It may then move at most the amount you enter, once.")
                          .arg(approval.summary.toHtmlEscaped(), asked));
    layout->addWidget(question);
    auto *form = new QFormLayout;
    m_amount = new MoneyEdit(this);
    m_amount->setObjectName(QStringLiteral("narrowedAmount"));
    m_amount->setAccessibleNames(tr("Most the agent may move"));
    if (approval.request.amount)
        m_amount->setCurrency(approval.request.amount->currency());
    form->addRow(tr("At &most:"), m_amount);
    m_reason = new QPlainTextEdit(this);
    m_reason->setObjectName(QStringLiteral("reason"));
    m_reason->setPlaceholderText(tr("Why only this much (optional)"));
    m_reason->setFixedHeight(m_reason->fontMetrics().height() * 4);
    form->addRow(tr("&Reason:"), m_reason);
    layout->addLayout(form);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);
    m_problem->setVisible(false);
    layout->addWidget(m_problem);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_approve = buttons->addButton(tr("Approve this much"), QDialogButtonBox::AcceptRole);
    m_approve->setObjectName(QStringLiteral("approveNarrowed"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_amount, &MoneyEdit::changed, m_problem, &QLabel::hide);
    connect(m_approve, &QPushButton::clicked, this, &NarrowApprovalDialog::send);
    layout->addWidget(buttons);
    // The page hears the outbox too (its notice and list); the dialog only for its own decision.
    const auto own = [this](const QString &approvalId) {
        return m_sent && approvalId == m_approval.id;
    };
    connect(&outbox, &client::DecisionOutbox::decided, this, [this, own](const Approval &decided) {
        if (own(decided.id))
            accept();
    });
    connect(&outbox, &client::DecisionOutbox::deferred, this, [this, own](const QString &approvalId) {
        if (own(approvalId))
            accept(); // saved, and it goes out when the server can take it
    });
    connect(&outbox, &client::DecisionOutbox::refused, this,
            [this, own](const QString &approvalId, const client::ApiError &error) {
                if (!own(approvalId))
                    return;
                m_sent = false;
                m_approve->setEnabled(true);
                m_problem->setText(error.message());
                m_problem->setVisible(true);
            });
    setMinimumWidth(520);
    layout->setSizeConstraint(QLayout::SetMinimumSize);
}

void NarrowApprovalDialog::send()
{
    const auto showProblem = [this](const QString &text) {
        m_problem->setText(text);
        m_problem->setVisible(true);
    };
    const std::optional<Money> amount = m_amount->money();
    if (!amount) {
        showProblem(m_amount->problem().isEmpty() ? tr("Enter the most the agent may move.")
                                                  : m_amount->problem());
        return;
    }
    // The server's own rule, so the person hears it before anything is sent.
    if (const std::optional<QString> error = ApprovalStateMachine::narrowingError(m_approval, *amount)) {
        showProblem(*error);
        return;
    }
    m_approve->setEnabled(false);
    m_sent = true;
    if (!m_outbox.submit(m_approval.id, ApprovalVerdict::Approve, m_reason->toPlainText().trimmed(),
                         *amount)) {
        m_sent = false;
        m_approve->setEnabled(true);
        showProblem(tr("The decision could not be saved on this computer: %1").arg(m_outbox.errorString()));
        return;
    }
    Q_EMIT submitted(m_approval.id);
}

} // namespace mandate::ui
