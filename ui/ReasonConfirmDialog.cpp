#include "ui/ReasonConfirmDialog.h"

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
    m_ui->error->setForegroundRole(QPalette::BrightText);
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
    m_action->setToolTip(
        counted < m_minimum ? tr("Give a reason first.")
        : length > MaxReasonLength
            ? tr("The reason is too long (%1 of at most %2 characters).").arg(length).arg(MaxReasonLength)
            : QString());
}

} // namespace mandate::ui
