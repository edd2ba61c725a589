#include "ui/ApprovalDetailPane.h"

#include "core/Clock.h"
#include "models/ApprovalFormatter.h"
#include "ui_ApprovalDetailPane.h"

#include <QMenu>

namespace mandate::ui {

namespace {

QString factRow(const QString &name, const QString &value)
{
    return QStringLiteral("<tr><td style='padding-right:12px'><i>%1</i></td><td>%2</td></tr>")
        .arg(name.toHtmlEscaped(), value.toHtmlEscaped());
}

} // namespace

ApprovalDetailPane::ApprovalDetailPane(const client::UserInfo &person, const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ApprovalDetailPane>())
    , m_person(person)
    , m_clock(clock)
    , m_receiptMenu(new QMenu(this))
{
    m_ui->setupUi(this);
    m_ui->saveReceipt->setMenu(m_receiptMenu);
    // Sizes relative to the desktop's font, which a form cannot say.
    QFont titleFont = m_ui->title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_ui->title->setFont(titleFont);
    QFont bold = m_ui->progress->font();
    bold.setBold(true);
    m_ui->progress->setFont(bold);
    m_ui->notice->setVisible(false);
    m_ui->approve->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_ui->deny->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    connect(m_ui->approve, &QPushButton::clicked, this, [this] {
        if (m_approval)
            Q_EMIT approveRequested(*m_approval);
    });
    connect(m_ui->deny, &QPushButton::clicked, this, [this] {
        if (m_approval)
            Q_EMIT denyRequested(*m_approval);
    });
    m_approveLess = new QPushButton(tr("Approve &less…"), this);
    m_approveLess->setObjectName(QStringLiteral("approveLess"));
    m_ui->buttons->insertWidget(m_ui->buttons->indexOf(m_ui->approve), m_approveLess);
    connect(m_approveLess, &QPushButton::clicked, this, [this] {
        if (m_approval)
            Q_EMIT approveLessRequested(*m_approval);
    });

    // The countdown and the eligibility (a request expires while it is on screen) tick by the second.
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &ApprovalDetailPane::updateTimes);
    clear();
}

ApprovalDetailPane::~ApprovalDetailPane() = default;

QPushButton *ApprovalDetailPane::approveButton() const
{
    return m_ui->approve;
}

QPushButton *ApprovalDetailPane::denyButton() const
{
    return m_ui->deny;
}

QPushButton *ApprovalDetailPane::receiptButton() const
{
    return m_ui->saveReceipt;
}

void ApprovalDetailPane::setDecisionReceipts(const QString &approvalId,
                                             const QList<std::pair<QString, QString>> &decisions)
{
    if (!m_approval || m_approval->id != approvalId)
        return; // an answer for a request no longer on show
    m_decisionReceipts = decisions;
    rebuildReceiptMenu();
}

void ApprovalDetailPane::setReceiptBusy(bool busy)
{
    m_receiptBusy = busy;
    updateActions();
}

void ApprovalDetailPane::rebuildReceiptMenu()
{
    m_receiptMenu->clear();
    if (!m_approval)
        return;
    const QString delegationId = m_approval->delegationId;
    m_receiptMenu->addAction(tr("Consent receipt of the grant (%1)").arg(delegationId), this,
                             [this, delegationId] { Q_EMIT grantReceiptRequested(delegationId); });
    if (!m_decisionReceipts.isEmpty())
        m_receiptMenu->addSeparator();
    for (const auto &[decisionId, words] : m_decisionReceipts) {
        m_receiptMenu->addAction(tr("Receipt of the decision: %1").arg(words), this,
                                 [this, id = decisionId] { Q_EMIT decisionReceiptRequested(id); });
    }
}

void ApprovalDetailPane::showApproval(const Approval &approval)
{
    const bool another = !m_approval || m_approval->id != approval.id;
    if (another) {
        m_ui->notice->setVisible(false);
        m_onItsWay = false;
        m_decisionReceipts.clear();
    }
    m_approval = approval;
    if (another) {
        rebuildReceiptMenu();
        Q_EMIT approvalChanged(approval);
    }
    render();
}

void ApprovalDetailPane::clear()
{
    m_approval.reset();
    m_decisionReceipts.clear();
    rebuildReceiptMenu();
    m_tick.stop();
    m_ui->content->setVisible(false);
    m_ui->empty->setVisible(true);
    updateActions();
}

void ApprovalDetailPane::setDecisionOnItsWay(bool onItsWay)
{
    m_onItsWay = onItsWay;
    updateActions();
}

void ApprovalDetailPane::showNotice(const QString &text)
{
    m_ui->notice->setText(text);
    m_ui->notice->setVisible(!text.isEmpty());
}

void ApprovalDetailPane::render()
{
    const Approval &a = *m_approval;
    m_ui->empty->setVisible(false);
    m_ui->content->setVisible(true);
    m_ui->title->setText(
        tr("%1 request from %2").arg(models::ApprovalFormatter::kindText(a.kind), a.agent.name));
    m_ui->summary->setText(a.summary);
    QString facts = QStringLiteral("<table>");
    if (!a.purpose.isEmpty())
        facts += factRow(tr("Purpose"), a.purpose);
    facts += factRow(tr("Customer"), a.customer.name);
    facts += factRow(tr("Action"), a.request.action + QStringLiteral(" on ") + a.request.resource);
    if (a.request.amount)
        facts += factRow(tr("Amount"), a.request.amount->toLocaleString());
    if (a.request.destination)
        facts += factRow(tr("Destination"), *a.request.destination);
    if (a.request.sensitivity)
        facts += factRow(tr("Sensitivity"), sensitivityToString(*a.request.sensitivity));
    facts += factRow(tr("Agent identity"), a.agent.spiffeId);
    m_ui->facts->setText(facts + QStringLiteral("</table>"));
    m_ui->rule->setText(
        tr("Why it needs a person: %1.").arg(models::ApprovalFormatter::reasonText(a.reason)));
    updateTimes();
    if (a.status == ApprovalStatus::Pending)
        m_tick.start();
    else
        m_tick.stop();
}

void ApprovalDetailPane::updateTimes()
{
    if (!m_approval)
        return;
    const QDateTime now = m_clock.now();
    const QStringList lines = models::ApprovalFormatter::decisionLines(*m_approval, now);
    m_ui->decisions->setText(lines.isEmpty() ? tr("Nobody has decided yet.") : lines.join(QLatin1Char('\n')));
    m_ui->progress->setText(
        m_approval->status == ApprovalStatus::Cancelled
            ? tr("Cancelled: its delegation is no longer active, so there is nothing left "
                 "to decide.")
            : models::ApprovalFormatter::progressText(*m_approval));
    const bool pending = m_approval->status == ApprovalStatus::Pending;
    m_ui->countdown->setVisible(pending);
    m_ui->countdown->setText(tr("Expires: %1").arg(models::ApprovalFormatter::expiresText(*m_approval, now)));
    updateActions();
}

void ApprovalDetailPane::updateActions()
{
    m_ui->saveReceipt->setEnabled(m_approval.has_value() && !m_receiptBusy);
    std::optional<QString> why;
    if (!m_approval)
        why = tr("Select a request first.");
    else if (m_onItsWay)
        why = tr("Your decision is on its way to the server.");
    else
        why = models::ApprovalFormatter::ineligibility(*m_approval, m_person, m_clock.now());
    // The rule is said in words under the buttons, before anyone tries to click a disabled one.
    m_ui->whyNot->setText(m_approval && why ? *why : QString());
    m_ui->whyNot->setMinimumHeight(m_ui->whyNot->fontMetrics().lineSpacing());
    for (QPushButton *button : {m_ui->approve, m_ui->deny}) {
        button->setEnabled(!why);
        button->setToolTip(why.value_or(button == m_ui->approve ? tr("Approve (Ctrl+Return)")
                                                                : tr("Deny with a reason (Ctrl+D)")));
    }
    // Only an amount can be narrowed.
    const bool hasAmount = m_approval && m_approval->request.amount;
    m_approveLess->setEnabled(!why && hasAmount);
    m_approveLess->setToolTip(why.value_or(hasAmount ? tr("Approve a lower amount than the agent asked for")
                                                     : tr("This request names no amount to lower.")));
}

} // namespace mandate::ui
