#include "ui/ReasonConfirmDialog.h"

#include "ui/wizard/ThemeColors.h"
#include "ui_ReasonConfirmDialog.h"

#include <QPushButton>

#include <algorithm>

namespace mandate::ui {

namespace {

constexpr qsizetype MinReasonLength = 3;
constexpr qsizetype MaxReasonLength = 1000;

} // namespace

ReasonConfirmDialog::ReasonConfirmDialog(const QString &title, const QString &question,
                                         const QString &actionText, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ReasonConfirmDialog>())
    , m_minimum(MinReasonLength)
{
    m_ui->setupUi(this);
    setWindowTitle(title);
    m_ui->question->setText(question);
    m_ui->impact->setVisible(false);
    m_ui->error->setVisible(false);
    // The rule line keeps its room when empty, so nothing below moves under the pointer.
    m_ui->rule->setMinimumHeight(m_ui->rule->fontMetrics().lineSpacing());
    // Error colour with ≥ 4.5:1 contrast in light and dark; BrightText was light grey on grey.
    m_ui->error->setStyleSheet(QStringLiteral("QLabel { color: %1; }")
                                   .arg(ThemeColors::name(ThemeColors::Role::Error, m_ui->error->palette())));
    m_action = m_ui->buttons->addButton(actionText, QDialogButtonBox::DestructiveRole);
    m_action->setAccessibleName(actionText);
    m_action->setDefault(false);
    m_ui->reason->setPlaceholderText(tr("Why? At least %n characters.", nullptr, MinReasonLength));
    connect(m_ui->reason, &QPlainTextEdit::textChanged, this, &ReasonConfirmDialog::updateAction);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_action, &QPushButton::clicked, this, [this] {
        m_ui->error->setVisible(false);
        Q_EMIT confirmed(reason());
    });
    m_ui->reason->setFocus();
    updateAction();
}

ReasonConfirmDialog::~ReasonConfirmDialog() = default;

void ReasonConfirmDialog::setImpact(const QString &impact, bool ready)
{
    m_ui->impact->setText(impact);
    m_ui->impact->setVisible(!impact.isEmpty());
    m_ready = ready;
    updateAction();
}

QString ReasonConfirmDialog::reason() const
{
    return m_ui->reason->toPlainText().trimmed();
}

void ReasonConfirmDialog::setMinimumReason(qsizetype nonSpaceCharacters)
{
    m_minimum = nonSpaceCharacters;
    m_countSpaces = false;
    m_ui->reason->setPlaceholderText(nonSpaceCharacters == 0
                                         ? tr("Why? Optional.")
                                         : tr("Why? At least %n characters, not counting spaces.", nullptr,
                                              static_cast<int>(nonSpaceCharacters)));
    updateAction();
}

void ReasonConfirmDialog::setReasonShownToCustomer()
{
    m_ui->reasonLabel->setText(tr("&Reason (recorded in the audit log and shown to the customer):"));
}

void ReasonConfirmDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_ui->reason->setReadOnly(busy);
    updateAction();
}

void ReasonConfirmDialog::showError(const QString &message)
{
    setBusy(false);
    m_ui->error->setText(message);
    m_ui->error->setVisible(true);
}

void ReasonConfirmDialog::updateAction()
{
    const QString text = reason();
    const qsizetype length = text.size();
    const qsizetype counted =
        m_countSpaces ? length
                      : std::count_if(text.cbegin(), text.cend(), [](QChar c) { return !c.isSpace(); });
    m_action->setEnabled(m_ready && !m_busy && counted >= m_minimum && length <= MaxReasonLength);
    // The rule is said next to the field, before the click, not only in a disabled button's tooltip.
    const QString rule =
        length > MaxReasonLength
            ? tr("The reason is too long: %1 of at most %2 characters.").arg(length).arg(MaxReasonLength)
        : counted < m_minimum
            ? (m_countSpaces
                   ? tr("Give a reason of at least %n characters.", nullptr, static_cast<int>(m_minimum))
                   : tr("Give a reason of at least %n characters, not counting spaces (%1 so far).", nullptr,
                        static_cast<int>(m_minimum))
                         .arg(counted))
            : QString();
    m_ui->rule->setText(rule);
    m_ui->rule->setStyleSheet(length > MaxReasonLength ? QStringLiteral("QLabel { color: %1; }")
                                                             .arg(ThemeColors::name(ThemeColors::Role::Error,
                                                                                    m_ui->rule->palette()))
                                                       : QString());
    m_action->setToolTip(rule);
}

} // namespace mandate::ui
