#include "ui/ApprovalDetailPane.h"

#include "core/Clock.h"
#include "models/ApprovalFormatter.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace mandate::ui {

namespace {

QLabel *wrappingLabel(QWidget *parent, const char *objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QString::fromLatin1(objectName));
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QString factRow(const QString &name, const QString &value)
{
    return QStringLiteral("<tr><td style='padding-right:12px'><i>%1</i></td><td>%2</td></tr>")
        .arg(name.toHtmlEscaped(), value.toHtmlEscaped());
}

} // namespace

ApprovalDetailPane::ApprovalDetailPane(const client::UserInfo &person, const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_person(person)
    , m_clock(clock)
{
    setAccessibleName(tr("Approval request"));
    auto *outer = new QVBoxLayout(this);
    m_empty = new QLabel(tr("Select a request to see what the agent wants and decide it."), this);
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    outer->addWidget(m_empty, 1);

    m_content = new QWidget(this);
    auto *layout = new QVBoxLayout(m_content);
    layout->setContentsMargins(0, 0, 0, 0);
    m_title = wrappingLabel(m_content, "title");
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_summary = wrappingLabel(m_content, "summary");
    m_facts = wrappingLabel(m_content, "facts");
    m_facts->setTextFormat(Qt::RichText);
    m_rule = wrappingLabel(m_content, "rule");
    m_decisions = wrappingLabel(m_content, "decisions");
    m_progress = wrappingLabel(m_content, "progress");
    QFont bold = m_progress->font();
    bold.setBold(true);
    m_progress->setFont(bold);
    m_countdown = wrappingLabel(m_content, "countdown");
    m_notice = wrappingLabel(m_content, "notice");
    m_notice->setVisible(false);
    for (QLabel *label :
         {m_title, m_summary, m_facts, m_rule, m_decisions, m_progress, m_countdown, m_notice})
        layout->addWidget(label);
    layout->addStretch(1);

    auto *buttons = new QHBoxLayout;
    m_approve = new QPushButton(tr("&Approve"), m_content);
    m_approve->setObjectName(QStringLiteral("approve"));
    m_approve->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_deny = new QPushButton(tr("&Deny…"), m_content);
    m_deny->setObjectName(QStringLiteral("deny"));
    m_deny->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    buttons->addStretch(1);
    buttons->addWidget(m_deny);
    buttons->addWidget(m_approve);
    layout->addLayout(buttons);
    outer->addWidget(m_content, 1);
    connect(m_approve, &QPushButton::clicked, this, [this] {
        if (m_approval)
            Q_EMIT approveRequested(*m_approval);
    });
    connect(m_deny, &QPushButton::clicked, this, [this] {
        if (m_approval)
            Q_EMIT denyRequested(*m_approval);
    });

    // The countdown and the eligibility (a request expires while it is on screen) tick by the second.
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &ApprovalDetailPane::updateTimes);
    clear();
}

void ApprovalDetailPane::showApproval(const Approval &approval)
{
    if (!m_approval || m_approval->id != approval.id) {
        m_notice->setVisible(false);
        m_onItsWay = false;
    }
    m_approval = approval;
    render();
}

void ApprovalDetailPane::clear()
{
    m_approval.reset();
    m_tick.stop();
    m_content->setVisible(false);
    m_empty->setVisible(true);
    updateActions();
}

void ApprovalDetailPane::setDecisionOnItsWay(bool onItsWay)
{
    m_onItsWay = onItsWay;
    updateActions();
}

void ApprovalDetailPane::showNotice(const QString &text)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

void ApprovalDetailPane::render()
{
    const Approval &a = *m_approval;
    m_empty->setVisible(false);
    m_content->setVisible(true);
    m_title->setText(tr("%1 request from %2").arg(models::ApprovalFormatter::kindText(a.kind), a.agent.name));
    m_summary->setText(a.summary);
    QString facts = QStringLiteral("<table>");
    facts += factRow(tr("Customer"), a.customer.name);
    facts += factRow(tr("Action"), a.request.action + QStringLiteral(" on ") + a.request.resource);
    if (a.request.amount)
        facts += factRow(tr("Amount"), a.request.amount->toLocaleString());
    if (a.request.destination)
        facts += factRow(tr("Destination"), *a.request.destination);
    if (a.request.sensitivity)
        facts += factRow(tr("Sensitivity"), sensitivityToString(*a.request.sensitivity));
    facts += factRow(tr("Agent identity"), a.agent.spiffeId);
    m_facts->setText(facts + QStringLiteral("</table>"));
    m_rule->setText(tr("Why it needs a person: %1.").arg(models::ApprovalFormatter::reasonText(a.reason)));
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
    m_decisions->setText(lines.isEmpty() ? tr("Nobody has decided yet.") : lines.join(QLatin1Char('\n')));
    m_progress->setText(models::ApprovalFormatter::progressText(*m_approval));
    const bool pending = m_approval->status == ApprovalStatus::Pending;
    m_countdown->setVisible(pending);
    m_countdown->setText(tr("Expires: %1").arg(models::ApprovalFormatter::expiresText(*m_approval, now)));
    updateActions();
}

void ApprovalDetailPane::updateActions()
{
    std::optional<QString> why;
    if (!m_approval)
        why = tr("Select a request first.");
    else if (m_onItsWay)
        why = tr("Your decision is on its way to the server.");
    else
        why = models::ApprovalFormatter::ineligibility(*m_approval, m_person, m_clock.now());
    for (QPushButton *button : {m_approve, m_deny}) {
        button->setEnabled(!why);
        button->setToolTip(why.value_or(button == m_approve ? tr("Approve (Ctrl+Return)")
                                                            : tr("Deny with a reason (Ctrl+D)")));
    }
}

} // namespace mandate::ui
