#include "ui/wizard/ThresholdsPage.h"

#include "core/Currency.h"
#include "ui/wizard/FieldMarker.h"
#include "ui/wizard/GrantReview.h"
#include "ui/wizard/ReservedErrorLine.h"
#include "ui_ThresholdsPage.h"

namespace mandate::ui {

namespace {

void checkAmount(FieldErrors &errors, const QString &path, bool enabled, const MoneyEdit *edit)
{
    if (!enabled)
        return;
    if (!Currency::isKnown(edit->currency())) {
        errors.append(FieldError{path + QStringLiteral(".currency"),
                                 ThresholdsPage::tr("%1 is not a currency code.").arg(edit->currency())});
    } else if (edit->amountText().trimmed().isEmpty()) {
        errors.append(
            FieldError{path + QStringLiteral(".amount_minor"), ThresholdsPage::tr("Enter an amount.")});
    } else if (const QString problem = edit->problem(); !problem.isEmpty()) {
        errors.append(FieldError{path + QStringLiteral(".amount_minor"), problem});
    }
}

void showOn(QWidget *field, QLabel *label, const QString &message)
{
    if (message.isEmpty())
        FieldMarker::clear(field, label);
    else
        FieldMarker::mark(field, label, message);
}

} // namespace

ThresholdsPage::ThresholdsPage(QWidget *parent)
    : GrantWizardPage({QStringLiteral("step_up"), QStringLiteral("dual_control")}, parent)
    , m_ui(std::make_unique<Ui::ThresholdsPage>())
{
    m_ui->setupUi(this);
    for (QLabel *label : {m_ui->stepUpAmountError, m_ui->stepUpSensitivityError, m_ui->stepUpError,
                          m_ui->dualAmountError, m_ui->dualActionsError, m_ui->dualError}) {
        ReservedErrorLine::reserve(label);
    }
    // The two groups' fields start at one edge: the first column is as wide in both as the widest
    // of their labels and check boxes.
    int firstColumn = 0;
    for (QWidget *lead :
         {static_cast<QWidget *>(m_ui->stepUpAmountCheck),
          static_cast<QWidget *>(m_ui->stepUpSensitivityCheck), static_cast<QWidget *>(m_ui->approverLabel),
          static_cast<QWidget *>(m_ui->dualAmountCheck), static_cast<QWidget *>(m_ui->dualActionsLabel)})
        firstColumn = qMax(firstColumn, lead->sizeHint().width());
    m_ui->stepUpGrid->setColumnMinimumWidth(0, firstColumn);
    m_ui->dualGrid->setColumnMinimumWidth(0, firstColumn);
    m_ui->stepUpAmountEdit->setAccessibleNames(tr("Step-up threshold"));
    m_ui->dualAmountEdit->setAccessibleNames(tr("Dual-control threshold"));
    m_ui->stepUpAmountEdit->setPlaceholderText(tr("Amount"));
    m_ui->dualAmountEdit->setPlaceholderText(tr("Amount"));
    for (const Sensitivity level :
         {Sensitivity::Internal, Sensitivity::Confidential, Sensitivity::Restricted})
        m_ui->stepUpSensitivityBox->addItem(GrantReview::sensitivityName(level), static_cast<int>(level));
    m_ui->stepUpSensitivityBox->setCurrentIndex(1);

    for (QCheckBox *check : {m_ui->stepUpAmountCheck, m_ui->stepUpSensitivityCheck, m_ui->dualAmountCheck})
        connect(check, &QCheckBox::toggled, this, &ThresholdsPage::updateEnabled);
    // A message is about what was there; once the customer changes a field it no longer applies.
    connect(m_ui->stepUpAmountEdit, &MoneyEdit::changed, this,
            [this] { FieldMarker::clear(m_ui->stepUpAmountEdit, m_ui->stepUpAmountError); });
    connect(m_ui->dualAmountEdit, &MoneyEdit::changed, this,
            [this] { FieldMarker::clear(m_ui->dualAmountEdit, m_ui->dualAmountError); });
    connect(m_ui->dualActionsList, &QListWidget::itemChanged, this,
            [this] { FieldMarker::clear(m_ui->dualActionsList, m_ui->dualActionsError); });
    updateEnabled();
}

ThresholdsPage::~ThresholdsPage() = default;

void ThresholdsPage::setOfferedActions(const QStringList &actions)
{
    const QStringList checked = checkedActions();
    m_ui->dualActionsList->clear();
    QStringList offered = actions;
    for (const QString &action : checked) {
        if (!offered.contains(action))
            offered.append(action);
    }
    for (const QString &action : std::as_const(offered)) {
        if (action.isEmpty())
            continue;
        auto *item = new QListWidgetItem(tr("%1 (%2)").arg(GrantReview::actionNoun(action), action));
        item->setData(Qt::UserRole, action);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(checked.contains(action) ? Qt::Checked : Qt::Unchecked);
        m_ui->dualActionsList->addItem(item);
    }
}

void ThresholdsPage::setPreferredCurrency(const QString &currency)
{
    for (MoneyEdit *edit : {m_ui->stepUpAmountEdit, m_ui->dualAmountEdit}) {
        if (edit->amountText().trimmed().isEmpty())
            edit->setCurrency(currency);
    }
}

void ThresholdsPage::applyTo(DelegationGrant &grant) const
{
    grant.stepUp.reset();
    if (m_ui->stepUpAmountCheck->isChecked() || m_ui->stepUpSensitivityCheck->isChecked()) {
        StepUpPolicy policy;
        if (m_ui->stepUpAmountCheck->isChecked())
            policy.above = m_ui->stepUpAmountEdit->money();
        if (m_ui->stepUpSensitivityCheck->isChecked())
            policy.sensitivityAtOrAbove =
                static_cast<Sensitivity>(m_ui->stepUpSensitivityBox->currentData().toInt());
        policy.approver =
            m_ui->approverApproverRadio->isChecked() ? StepUpApprover::Approver : StepUpApprover::Customer;
        grant.stepUp = policy;
    }

    grant.dualControl.reset();
    const QStringList actions = checkedActions();
    if (m_ui->dualAmountCheck->isChecked() || !actions.isEmpty()) {
        DualControlPolicy policy;
        if (m_ui->dualAmountCheck->isChecked())
            policy.above = m_ui->dualAmountEdit->money();
        policy.actions = actions;
        grant.dualControl = policy;
    }
}

FieldErrors ThresholdsPage::inputErrors() const
{
    FieldErrors errors;
    checkAmount(errors, QStringLiteral("step_up.above"), m_ui->stepUpAmountCheck->isChecked(),
                m_ui->stepUpAmountEdit);
    checkAmount(errors, QStringLiteral("dual_control.above"), m_ui->dualAmountCheck->isChecked(),
                m_ui->dualAmountEdit);
    return errors;
}

void ThresholdsPage::showFieldErrors(const FieldErrors &errors)
{
    showOn(m_ui->stepUpAmountEdit, m_ui->stepUpAmountError,
           FieldMarker::sentence(tr("The step-up amount"),
                                 messagesUnder(errors, QStringLiteral("step_up.above"))));
    showOn(m_ui->stepUpSensitivityBox, m_ui->stepUpSensitivityError,
           FieldMarker::sentence(tr("The step-up sensitivity"),
                                 messagesUnder(errors, QStringLiteral("step_up.sensitivity_at_or_above"))));
    QStringList stepUpOther;
    for (const QString &path : {QStringLiteral("step_up"), QStringLiteral("step_up.approver")}) {
        if (const QString message = messageAt(errors, path); !message.isEmpty())
            stepUpOther.append(FieldMarker::sentence(tr("Step-up"), message));
    }
    showOn(m_ui->stepUpBox, m_ui->stepUpError, stepUpOther.join(u'\n'));

    showOn(m_ui->dualAmountEdit, m_ui->dualAmountError,
           FieldMarker::sentence(tr("The dual-control amount"),
                                 messagesUnder(errors, QStringLiteral("dual_control.above"))));
    const QStringList actions = checkedActions();
    QStringList actionMessages;
    for (const FieldError &error : errors) {
        if (!isFieldAtOrBelow(error.field, QStringLiteral("dual_control.actions")))
            continue;
        const qsizetype open = error.field.indexOf(u'[');
        const qsizetype index = open < 0 ? -1 : QStringView(error.field).sliced(open + 1).chopped(1).toInt();
        // A sentence with its subject, like every other error line: the action the message is
        // about when the index names one still checked, else the list itself.
        actionMessages.append(FieldMarker::sentence(index >= 0 && index < actions.size()
                                                        ? tr("The action %1").arg(actions.at(index))
                                                        : tr("A dual-control action"),
                                                    error.message));
    }
    showOn(m_ui->dualActionsList, m_ui->dualActionsError, actionMessages.join(u'\n'));
    showOn(m_ui->dualBox, m_ui->dualError,
           FieldMarker::sentence(tr("Dual control"), messageAt(errors, QStringLiteral("dual_control"))));

    for (QWidget *field :
         {static_cast<QWidget *>(m_ui->stepUpAmountEdit), static_cast<QWidget *>(m_ui->stepUpBox),
          static_cast<QWidget *>(m_ui->dualAmountEdit), static_cast<QWidget *>(m_ui->dualActionsList)}) {
        if (!FieldMarker::messageOf(field).isEmpty()) {
            field->setFocus();
            break;
        }
    }
}

QStringList ThresholdsPage::checkedActions() const
{
    QStringList actions;
    for (int i = 0; i < m_ui->dualActionsList->count(); ++i) {
        const QListWidgetItem *item = m_ui->dualActionsList->item(i);
        if (item->checkState() == Qt::Checked)
            actions.append(item->data(Qt::UserRole).toString());
    }
    return actions;
}

void ThresholdsPage::updateEnabled()
{
    m_ui->stepUpAmountEdit->setEnabled(m_ui->stepUpAmountCheck->isChecked());
    m_ui->stepUpSensitivityBox->setEnabled(m_ui->stepUpSensitivityCheck->isChecked());
    const bool stepUp = m_ui->stepUpAmountCheck->isChecked() || m_ui->stepUpSensitivityCheck->isChecked();
    m_ui->approverCustomerRadio->setEnabled(stepUp);
    m_ui->approverApproverRadio->setEnabled(stepUp);
    m_ui->dualAmountEdit->setEnabled(m_ui->dualAmountCheck->isChecked());
}

} // namespace mandate::ui
