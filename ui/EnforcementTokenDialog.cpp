#include "ui/EnforcementTokenDialog.h"

#include "ui/WrappedTextHeight.h"
#include "ui/wizard/ThemeColors.h"
#include "ui_EnforcementTokenDialog.h"

#include <QClipboard>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QPushButton>

namespace mandate::ui {

EnforcementTokenDialog::EnforcementTokenDialog(const QString &pointName, const QString &token,
                                               QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::EnforcementTokenDialog>())
{
    m_ui->setupUi(this);
    setWindowTitle(tr("Token for %1").arg(pointName));
    m_ui->headline->setText(tr("<b>%1 is registered.</b>").arg(pointName.toHtmlEscaped()));
    // The sentence that matters most here, in the warning colour (readable in light and dark).
    m_ui->onceWarning->setStyleSheet(
        QStringLiteral("color: %1;")
            .arg(ThemeColors::name(ThemeColors::Role::Warning, m_ui->onceWarning->palette())));
    m_ui->token->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_ui->token->setText(token);
    m_ui->token->setCursorPosition(0);
    m_ui->copied->setVisible(false);
    connect(m_ui->copy, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_ui->token->text());
        m_ui->copied->setText(tr("Copied to the clipboard."));
        m_ui->copied->setVisible(true);
    });
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_ui->copy->setDefault(true);
    m_ui->copy->setFocus();
    WrappedTextHeight::keep(this);
}

EnforcementTokenDialog::~EnforcementTokenDialog() = default;

QLineEdit *EnforcementTokenDialog::tokenField() const
{
    return m_ui->token;
}

QPushButton *EnforcementTokenDialog::copyButton() const
{
    return m_ui->copy;
}

void EnforcementTokenDialog::done(int result)
{
    // Closed by any way (Close, Escape, the window's ×): the token leaves the widget with it.
    m_ui->token->clear();
    QDialog::done(result);
}

} // namespace mandate::ui
