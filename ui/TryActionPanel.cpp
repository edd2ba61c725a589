#include "ui/TryActionPanel.h"

#include "models/DelegationFormatter.h"
#include "ui/wizard/MoneyEdit.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace mandate::ui {

namespace {

// A concrete example of a pattern: "dataset:crm/*" → "dataset:crm/".
QString tryExampleOf(const ResourcePattern &pattern)
{
    QString text = pattern.text();
    if (text.endsWith(u'*'))
        text.chop(1);
    return text;
}

} // namespace

TryActionPanel::TryActionPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("tryActionPanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_question = new QLabel(this);
    m_question->setWordWrap(true);
    m_question->setObjectName(QStringLiteral("tryQuestion"));
    QFont bold = m_question->font();
    bold.setBold(true);
    m_question->setFont(bold);
    layout->addWidget(m_question);

    auto *form = new QFormLayout;
    m_action = new QComboBox(this);
    m_action->setAccessibleName(tr("Action to try"));
    form->addRow(tr("Act&ion:"), m_action);
    m_resource = new QLineEdit(this);
    m_resource->setAccessibleName(tr("Resource to try"));
    m_resource->setPlaceholderText(tr("account:acc_1"));
    form->addRow(tr("Reso&urce:"), m_resource);
    m_amount = new MoneyEdit(this);
    m_amount->setAccessibleNames(tr("Amount to try"));
    m_amount->setPlaceholderText(tr("no amount"));
    form->addRow(tr("A&mount:"), m_amount);
    m_destination = new QLineEdit(this);
    m_destination->setAccessibleName(tr("Destination to try"));
    m_destination->setPlaceholderText(tr("payee:lufthansa (optional)"));
    form->addRow(tr("Destinatio&n:"), m_destination);
    m_sensitivity = new QComboBox(this);
    m_sensitivity->setAccessibleName(tr("Sensitivity to try"));
    m_sensitivity->addItem(tr("not stated"), QString());
    for (const Sensitivity level :
         {Sensitivity::Public, Sensitivity::Internal, Sensitivity::Confidential, Sensitivity::Restricted})
        m_sensitivity->addItem(sensitivityToString(level), sensitivityToString(level));
    form->addRow(tr("Sensiti&vity:"), m_sensitivity);
    layout->addLayout(form);

    auto *row = new QHBoxLayout;
    m_try = new QPushButton(tr("&Try it"), this);
    m_try->setObjectName(QStringLiteral("tryButton"));
    m_try->setToolTip(
        tr("See the decision this request would get now. Nothing is spent, approved or recorded."));
    row->addWidget(m_try);
    row->addStretch();
    layout->addLayout(row);
    m_verdict = new QLabel(this);
    m_verdict->setObjectName(QStringLiteral("tryVerdict"));
    m_verdict->setWordWrap(true);
    m_verdict->setFont(bold);
    m_verdict->setAccessibleName(tr("Decision it would get"));
    layout->addWidget(m_verdict);
    m_detail = new QLabel(this);
    m_detail->setObjectName(QStringLiteral("tryDetail"));
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    layout->addWidget(m_detail);

    connect(m_try, &QPushButton::clicked, this, [this] {
        if (const QString problem = m_amount->problem(); !problem.isEmpty()) {
            showProblem(problem);
            return;
        }
        if (m_resource->text().trimmed().isEmpty()) {
            showProblem(tr("Name the resource the agent would act on."));
            return;
        }
        Q_EMIT tryRequested(request());
    });
    connect(m_action, &QComboBox::currentIndexChanged, this, &TryActionPanel::updateQuestion);
    connect(m_resource, &QLineEdit::textChanged, this, &TryActionPanel::updateQuestion);
    connect(m_destination, &QLineEdit::textChanged, this, &TryActionPanel::updateQuestion);
    connect(m_amount, &MoneyEdit::changed, this, &TryActionPanel::updateQuestion);
    updateQuestion();
}

void TryActionPanel::setDelegation(const Delegation &delegation)
{
    // The same delegation with the same scopes keeps what the person typed; a wizard's draft whose
    // scopes changed starts over.
    const bool sameDelegation =
        delegation.id == m_delegationId && !m_delegationId.isEmpty() && delegation.scopes == m_scopes;
    m_delegationId = delegation.id;
    m_scopes = delegation.scopes;
    m_agentName = models::DelegationFormatter::agentName(delegation);
    if (sameDelegation)
        return;
    m_action->clear();
    for (const Scope &scope : delegation.scopes) {
        if (m_action->findData(scope.action) < 0)
            m_action->addItem(models::DelegationFormatter::actionLabel(scope.action), scope.action);
    }
    if (!delegation.scopes.isEmpty()) {
        const Scope &first = delegation.scopes.constFirst();
        m_resource->setText(tryExampleOf(first.resource));
        m_destination->setText(first.destinations && !first.destinations->isEmpty()
                                   ? tryExampleOf(first.destinations->constFirst())
                                   : QString());
        if (first.maxPerAction)
            m_amount->setCurrency(first.maxPerAction->currency());
        else if (first.maxTotal)
            m_amount->setCurrency(first.maxTotal->currency());
    }
    m_verdict->clear();
    m_detail->clear();
    updateQuestion();
}

AuthorizeRequest TryActionPanel::request() const
{
    AuthorizeRequest request;
    request.delegationId = m_delegationId;
    request.action = m_action->currentData().toString();
    request.resource = m_resource->text().trimmed();
    request.amount = m_amount->money();
    if (const QString destination = m_destination->text().trimmed(); !destination.isEmpty())
        request.destination = destination;
    request.sensitivity = sensitivityFromString(m_sensitivity->currentData().toString());
    return request;
}

QString TryActionPanel::question() const
{
    const QString agent = m_agentName.isEmpty() ? tr("the agent") : m_agentName;
    QString text =
        tr("What if %1 tried “%2” on %3").arg(agent, m_action->currentText(), m_resource->text().trimmed());
    if (const std::optional<Money> amount = m_amount->money())
        text += tr(" for %1").arg(amount->toLocaleString());
    if (const QString destination = m_destination->text().trimmed(); !destination.isEmpty())
        text += tr(" to %1").arg(destination);
    return text + u'?';
}

void TryActionPanel::updateQuestion()
{
    m_question->setText(question());
}

void TryActionPanel::setBusy(bool busy)
{
    m_try->setEnabled(!busy);
    if (busy)
        m_verdict->setText(tr("Asking…"));
}

void TryActionPanel::showProblem(const QString &message)
{
    m_verdict->setText(tr("Could not try it"));
    m_detail->setText(message);
}

void TryActionPanel::showDecision(const SimulatedDecision &decision)
{
    switch (decision.outcome) {
    case DecisionOutcome::Allow:
        m_verdict->setText(tr("It would be allowed."));
        break;
    case DecisionOutcome::Deny:
        m_verdict->setText(tr("It would be refused."));
        break;
    case DecisionOutcome::StepUpRequired:
        m_verdict->setText(tr("A person would have to confirm it first."));
        break;
    case DecisionOutcome::DualControlRequired:
        m_verdict->setText(tr("Two approvers would have to approve it first."));
        break;
    }
    QStringList lines{decision.message};
    const DecisionForecast &forecast = decision.forecast;
    const QString after = decision.outcome == DecisionOutcome::Allow ? tr("Left afterwards") : tr("Left now");
    if (forecast.remainingTotal && forecast.remainingUses)
        lines.append(tr("%1: %2 and %n use(s).", nullptr, int(*forecast.remainingUses))
                         .arg(after, forecast.remainingTotal->toLocaleString()));
    else if (forecast.remainingTotal)
        lines.append(tr("%1: %2.").arg(after, forecast.remainingTotal->toLocaleString()));
    else if (forecast.remainingUses)
        lines.append(tr("%1: %n use(s).", nullptr, int(*forecast.remainingUses)).arg(after));
    if (const QString binding = bindingText(decision); !binding.isEmpty())
        lines.append(binding);
    lines.append(tr("Nothing was spent, approved or recorded."));
    m_detail->setText(lines.join(u'\n'));
}

QString TryActionPanel::bindingText(const SimulatedDecision &decision) const
{
    const std::optional<DecisionForecast::Binding> &binding = decision.forecast.binding;
    if (!binding)
        return QString();
    QString limit;
    if (binding->limit == QLatin1String("max_total"))
        limit = tr("the total limit");
    else if (binding->limit == QLatin1String("max_uses"))
        limit = tr("the number of uses");
    else
        limit = tr("the per-action limit");
    return binding->delegationId == m_delegationId
               ? tr("The limit that binds: %1 of this delegation.").arg(limit)
               : tr("The limit that binds: %1 of the delegation it was passed on from (%2).")
                     .arg(limit, binding->delegationId);
}

} // namespace mandate::ui
