#include "ui/wizard/LifetimePage.h"

#include "core/GrantValidator.h"
#include "ui/wizard/FieldMarker.h"
#include "ui/wizard/GrantReview.h"
#include "ui/wizard/ReservedErrorLine.h"
#include "ui/wizard/UsageWindowBox.h"
#include "ui_LifetimePage.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLineEdit>
#include <QRadioButton>
#include <QSpinBox>

#include <chrono>

namespace mandate::ui {

namespace {

QDateTime wholeMinute(const QDateTime &at)
{
    return at.addSecs(-at.time().second()).addMSecs(-at.time().msec());
}

} // namespace

LifetimePage::LifetimePage(const Clock &clock, QWidget *parent)
    : GrantWizardPage(
          {QStringLiteral("expires_at"), QStringLiteral("revoke_on"), QStringLiteral("not_before")}, parent)
    , m_ui(std::make_unique<Ui::LifetimePage>())
    , m_clock(clock)
{
    m_ui->setupUi(this);
    m_usageWindow = new UsageWindowBox(m_clock, this);
    connect(m_usageWindow->startLaterCheck(), &QCheckBox::toggled, this, &LifetimePage::updateSummary);
    layout()->addWidget(m_usageWindow);
    for (QLabel *label : {m_ui->expiresError, m_ui->idleError, m_ui->revokeError})
        ReservedErrorLine::reserve(label);
    m_ui->customEdit->setDateTime(wholeMinute(m_clock.now().addDays(1)).toLocalTime());
    // Typed dates read as written: one fixed, unambiguous form instead of the locale's short one,
    // whose two-digit sections scrambled as people typed.
    m_ui->customEdit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_ui->customEdit->installEventFilter(this);
    auto *daysRow = new QHBoxLayout;
    m_daysRadio = new QRadioButton(tr("&In"), m_ui->expiryBox);
    m_daysRadio->setAccessibleName(tr("Ends in a number of days"));
    m_daysSpin = new QSpinBox(m_ui->expiryBox);
    m_daysSpin->setObjectName(QStringLiteral("daysSpin"));
    m_daysSpin->setRange(1, GrantValidator::MaxLifetimeDays);
    m_daysSpin->setValue(30);
    m_daysSpin->setSuffix(tr(" days"));
    m_daysSpin->setAccessibleName(tr("Number of days"));
    daysRow->addWidget(m_daysRadio);
    daysRow->addWidget(m_daysSpin);
    daysRow->addStretch(1);
    m_ui->expiryLayout->insertLayout(m_ui->expiryLayout->indexOf(m_ui->oneWeekRadio) + 1, daysRow);
    connect(m_daysSpin, &QSpinBox::valueChanged, this, [this] { m_daysRadio->setChecked(true); });

    // A message is about the end that was chosen; choosing another one answers it.
    const auto endChanged = [this] {
        FieldMarker::clear(m_ui->expiryBox, m_ui->expiresError);
        updateSummary();
    };
    for (QRadioButton *radio :
         {m_ui->oneHourRadio, m_ui->oneDayRadio, m_ui->oneWeekRadio, m_daysRadio, m_ui->customRadio})
        connect(radio, &QRadioButton::toggled, this, endChanged);
    connect(m_ui->customEdit, &QDateTimeEdit::dateTimeChanged, this, [this, endChanged] {
        m_ui->customRadio->setChecked(true);
        endChanged();
    });
    connect(m_ui->idleCheck, &QCheckBox::toggled, m_ui->idleSpin, &QWidget::setEnabled);
    connect(m_ui->idleSpin, &QSpinBox::valueChanged, this,
            [this] { FieldMarker::clear(m_ui->idleSpin, m_ui->idleError); });
    m_ui->idleSpin->setEnabled(false);
    updateSummary();
}

LifetimePage::~LifetimePage() = default;

bool LifetimePage::eventFilter(QObject *watched, QEvent *event)
{
    // "2027-01-14": the edit moves on to the month by itself after four digits of year, and the
    // "-" typed next then skipped the month. A separator typed at the very start of a section is
    // the one the edit already stepped over, so it is taken as typed and dropped.
    if (watched == m_ui->customEdit && event->type() == QEvent::KeyPress) {
        const QString typed = static_cast<QKeyEvent *>(event)->text();
        const auto *line = m_ui->customEdit->findChild<QLineEdit *>();
        if (line && typed.size() == 1 && QStringLiteral("-/.: ").contains(typed.front())) {
            const QString before =
                line->text().left(line->hasSelectedText() ? line->selectionStart() : line->cursorPosition());
            if (!before.isEmpty() && QStringLiteral("-/.: ").contains(before.back()))
                return true;
        }
    }
    return GrantWizardPage::eventFilter(watched, event);
}

QDateTime LifetimePage::expiresAt() const
{
    const QDateTime now = m_clock.now();
    if (m_ui->oneHourRadio->isChecked())
        return now.addDuration(std::chrono::hours(1));
    if (m_ui->oneWeekRadio->isChecked())
        return now.addDays(7);
    if (m_daysRadio->isChecked())
        return now.addDays(m_daysSpin->value());
    if (m_ui->customRadio->isChecked())
        return m_ui->customEdit->dateTime().toUTC();
    return now.addDays(1);
}

void LifetimePage::initializePage()
{
    // The edit takes any date as it is typed: a range of now to 90 days ahead made each half-typed
    // date (year 2027 with this month, January of this year) fall outside it and scrambled it. The
    // summary says when a date has passed, and the grant's validation refuses one too far ahead,
    // beside this field.
    const QSignalBlocker blocker(m_ui->customEdit);
    m_ui->customEdit->setDateTimeRange(QDateTime(QDate(2000, 1, 1), QTime(0, 0)),
                                       QDateTime(QDate(2099, 12, 31), QTime(23, 59)));
    updateSummary();
}

void LifetimePage::applyTo(DelegationGrant &grant) const
{
    grant.expiresAt = expiresAt();
    m_usageWindow->applyTo(grant);
    grant.revokeOn.taskComplete = m_ui->taskCompleteCheck->isChecked();
    grant.revokeOn.contextChange = m_ui->contextCheck->isChecked();
    grant.revokeOn.idleSeconds.reset();
    if (m_ui->idleCheck->isChecked())
        grant.revokeOn.idleSeconds =
            std::chrono::seconds(std::chrono::minutes(m_ui->idleSpin->value())).count();
}

void LifetimePage::showFieldErrors(const FieldErrors &errors)
{
    updateSummary();
    const QString expiry = messagesUnder(errors, QStringLiteral("expires_at"));
    if (expiry.isEmpty())
        FieldMarker::clear(m_ui->expiryBox, m_ui->expiresError);
    else
        FieldMarker::mark(m_ui->expiryBox, m_ui->expiresError,
                          FieldMarker::sentence(tr("The end date"), expiry));

    const QString idle = messagesUnder(errors, QStringLiteral("revoke_on.idle_seconds"));
    if (idle.isEmpty())
        FieldMarker::clear(m_ui->idleSpin, m_ui->idleError);
    else
        FieldMarker::mark(m_ui->idleSpin, m_ui->idleError,
                          FieldMarker::sentence(tr("The idle time (in seconds)"), idle));

    QStringList other;
    for (const FieldError &error : errors) {
        if (isFieldAtOrBelow(error.field, QStringLiteral("revoke_on")) &&
            error.field != u"revoke_on.idle_seconds")
            other.append(FieldMarker::sentence(tr("Ending early"), error.message));
    }
    if (other.isEmpty())
        FieldMarker::clear(m_ui->revokeBox, m_ui->revokeError);
    else
        FieldMarker::mark(m_ui->revokeBox, m_ui->revokeError, other.join(u'\n'));

    if (!expiry.isEmpty()) {
        for (QRadioButton *radio :
             {m_ui->oneHourRadio, m_ui->oneDayRadio, m_ui->oneWeekRadio, m_daysRadio, m_ui->customRadio}) {
            if (radio->isChecked())
                radio->setFocus();
        }
    } else if (!idle.isEmpty()) {
        m_ui->idleSpin->setFocus();
    }
}

void LifetimePage::updateSummary()
{
    const QDateTime now = m_clock.now();
    const QDateTime end = expiresAt();
    if (end <= now) {
        m_ui->expiresLabel->setText(
            tr("%1 has already passed.").arg(GrantReview::dateTime(end, now, locale())));
        return;
    }
    QString text =
        tr("Ends on %1, %2 from now.")
            .arg(GrantReview::dateTime(end, now, locale()), GrantReview::duration(now.secsTo(end)));
    if (now.daysTo(end) > GrantReview::LongLifetimeDays)
        text += u' ' + tr("That is a long time; a shorter grant is safer.");
    m_ui->expiresLabel->setText(text);
}

} // namespace mandate::ui
