#include "ui/RegisterEnforcementPointDialog.h"

#include "client/ApiError.h"
#include "core/JsonReader.h"
#include "ui/WrappedTextHeight.h"
#include "ui/wizard/FieldMarker.h"
#include "ui/wizard/ThemeColors.h"
#include "ui_RegisterEnforcementPointDialog.h"

#include <QPushButton>

namespace mandate::ui {

RegisterEnforcementPointDialog::RegisterEnforcementPointDialog(QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::RegisterEnforcementPointDialog>())
{
    m_ui->setupUi(this);
    m_ui->nameError->setVisible(false);
    m_ui->error->setVisible(false);
    m_register = m_ui->buttons->addButton(tr("&Register"), QDialogButtonBox::AcceptRole);
    m_register->setDefault(true);
    connect(m_register, &QPushButton::clicked, this, &RegisterEnforcementPointDialog::submit);
    connect(m_ui->nameEdit, &QLineEdit::returnPressed, this, &RegisterEnforcementPointDialog::submit);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->nameEdit, &QLineEdit::textChanged, this, [this] {
        m_ui->error->setVisible(false);
        // Too long is said while typing; an empty name only once it is sent, not while starting.
        const QString problem = problemWithName();
        if (!problem.isEmpty() && !m_ui->nameEdit->text().trimmed().isEmpty())
            FieldMarker::mark(m_ui->nameEdit, m_ui->nameError, problem);
        else
            FieldMarker::clear(m_ui->nameEdit, m_ui->nameError);
    });
    m_ui->nameEdit->setFocus();
    WrappedTextHeight::keep(this);
}

RegisterEnforcementPointDialog::~RegisterEnforcementPointDialog() = default;

QLineEdit *RegisterEnforcementPointDialog::nameField() const
{
    return m_ui->nameEdit;
}

QString RegisterEnforcementPointDialog::nameError() const
{
    return FieldMarker::messageOf(m_ui->nameEdit);
}

QString RegisterEnforcementPointDialog::problemWithName() const
{
    const QString name = m_ui->nameEdit->text().trimmed();
    if (name.isEmpty())
        return tr("Give the enforcement point a name.");
    // Code points, as the server counts them, so an emoji does not count twice.
    const qsizetype length = JsonReader::codePointCount(name);
    if (length > MaxNameLength)
        return tr("The name is too long: %1 characters, at most %2.").arg(length).arg(MaxNameLength);
    return QString();
}

void RegisterEnforcementPointDialog::submit()
{
    if (!m_register->isEnabled())
        return;
    m_ui->error->setVisible(false);
    if (const QString problem = problemWithName(); !problem.isEmpty()) {
        FieldMarker::mark(m_ui->nameEdit, m_ui->nameError, problem);
        m_ui->nameEdit->setFocus();
        // A window's first size comes from its size hint, which wraps the text for another width; sized
        // for its own width instead, the longer German sentences are not cut off.
        resize(minimumWidth(), heightForWidth(minimumWidth()));
        return;
    }
    Q_EMIT confirmed(m_ui->nameEdit->text().trimmed());
}

void RegisterEnforcementPointDialog::setBusy(bool busy)
{
    m_register->setEnabled(!busy);
    m_ui->nameEdit->setReadOnly(busy);
}

void RegisterEnforcementPointDialog::showError(const client::ApiError &error)
{
    setBusy(false);
    QStringList unplaced;
    for (const FieldError &fieldError : error.fieldErrors) {
        if (fieldError.field == u"name")
            FieldMarker::mark(m_ui->nameEdit, m_ui->nameError,
                              FieldMarker::sentence(tr("The name"), fieldError.message));
        else
            unplaced.append(fieldError.field + u' ' + fieldError.message);
    }
    if (!error.fieldErrors.isEmpty() && unplaced.isEmpty())
        return;
    m_ui->error->setText(unplaced.isEmpty() ? error.message() : unplaced.join(u'\n'));
    m_ui->error->setStyleSheet(QStringLiteral("color: %1;")
                                   .arg(ThemeColors::name(ThemeColors::Role::Error, m_ui->error->palette())));
    m_ui->error->setVisible(true);
}

} // namespace mandate::ui
