#include "ui/wizard/PurposePage.h"

#include "core/GrantValidator.h"
#include "core/JsonReader.h"
#include "ui/wizard/FieldMarker.h"
#include "ui/wizard/ReservedErrorLine.h"
#include "ui_PurposePage.h"

namespace mandate::ui {

PurposePage::PurposePage(QWidget *parent)
    : GrantWizardPage({QStringLiteral("purpose")}, parent)
    , m_ui(std::make_unique<Ui::PurposePage>())
{
    m_ui->setupUi(this);
    ReservedErrorLine::reserve(m_ui->purposeError);
    connect(m_ui->purposeEdit, &QPlainTextEdit::textChanged, this, [this] {
        FieldMarker::clear(m_ui->purposeEdit, m_ui->purposeError);
        updateLength();
    });
    updateLength();
}

PurposePage::~PurposePage() = default;

void PurposePage::applyTo(DelegationGrant &grant) const
{
    grant.purpose = m_ui->purposeEdit->toPlainText().trimmed();
}

void PurposePage::showFieldErrors(const FieldErrors &errors)
{
    const QString message = messagesUnder(errors, QStringLiteral("purpose"));
    if (message.isEmpty())
        FieldMarker::clear(m_ui->purposeEdit, m_ui->purposeError);
    else
        FieldMarker::mark(m_ui->purposeEdit, m_ui->purposeError,
                          FieldMarker::sentence(tr("The purpose"), message));
}

void PurposePage::updateLength()
{
    // Code points, as the server counts them, so an emoji does not count twice.
    const qsizetype length = JsonReader::codePointCount(m_ui->purposeEdit->toPlainText().trimmed());
    m_ui->lengthLabel->setText(tr("%1 / %2").arg(length).arg(GrantValidator::MaxPurposeLength));
    m_ui->lengthLabel->setAccessibleName(
        tr("%1 of at most %2 characters used").arg(length).arg(GrantValidator::MaxPurposeLength));
}

} // namespace mandate::ui
