#include "ui/wizard/UsageWindowBox.h"

#include "core/Clock.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLocale>
#include <QTimeEdit>
#include <QTimeZone>

namespace mandate::ui {

UsageWindowBox::UsageWindowBox(const Clock &clock, QWidget *parent)
    : QGroupBox(tr("When it may be used"), parent)
{
    setObjectName(QStringLiteral("usageWindow"));
    auto *form = new QFormLayout(this);
    m_startLater = new QCheckBox(tr("Start &later, at:"), this);
    m_startLater->setObjectName(QStringLiteral("startLater"));
    m_start = new QDateTimeEdit(clock.now().toLocalTime().addSecs(3600), this);
    m_start->setObjectName(QStringLiteral("startEdit"));
    m_start->setCalendarPopup(true);
    m_start->setAccessibleName(tr("Start"));
    form->addRow(m_startLater, m_start);

    m_hours = new QCheckBox(tr("Only on these &days and hours:"), this);
    m_hours->setObjectName(QStringLiteral("hoursCheck"));
    auto *days = new QWidget(this);
    auto *dayRow = new QHBoxLayout(days);
    dayRow->setContentsMargins(0, 0, 0, 0);
    for (int day = 1; day <= 7; ++day) {
        auto *check = new QCheckBox(QLocale().dayName(day, QLocale::ShortFormat), days);
        check->setObjectName(QStringLiteral("day%1").arg(day));
        check->setChecked(day <= 5);
        dayRow->addWidget(check);
        m_days.append(check);
    }
    form->addRow(m_hours, days);
    auto *hours = new QWidget(this);
    auto *hourRow = new QHBoxLayout(hours);
    hourRow->setContentsMargins(0, 0, 0, 0);
    m_from = new QTimeEdit(QTime(8, 0), hours);
    m_from->setObjectName(QStringLiteral("fromEdit"));
    m_from->setAccessibleName(tr("From"));
    m_to = new QTimeEdit(QTime(18, 0), hours);
    m_to->setObjectName(QStringLiteral("toEdit"));
    m_to->setAccessibleName(tr("Until"));
    for (QTimeEdit *edit : {m_from, m_to})
        edit->setDisplayFormat(QStringLiteral("HH:mm"));
    m_zone = new QComboBox(hours);
    m_zone->setObjectName(QStringLiteral("timeZone"));
    m_zone->setAccessibleName(tr("Time zone"));
    m_zone->setEditable(true);
    const QString here = QString::fromUtf8(QTimeZone::systemTimeZoneId());
    for (const QString &zone : {here, QStringLiteral("Europe/Berlin"), QStringLiteral("Europe/London"),
                                QStringLiteral("America/New_York"), QStringLiteral("UTC")}) {
        if (!zone.isEmpty() && m_zone->findText(zone) < 0)
            m_zone->addItem(zone);
    }
    hourRow->addWidget(m_from);
    hourRow->addWidget(m_to);
    hourRow->addWidget(m_zone, 1);
    form->addRow(tr("From – until, time zone:"), hours);

    connect(m_startLater, &QCheckBox::toggled, this, &UsageWindowBox::updateEnabled);
    connect(m_hours, &QCheckBox::toggled, this, &UsageWindowBox::updateEnabled);
    updateEnabled();
}

void UsageWindowBox::updateEnabled()
{
    m_start->setEnabled(m_startLater->isChecked());
    for (QCheckBox *day : std::as_const(m_days))
        day->setEnabled(m_hours->isChecked());
    m_from->setEnabled(m_hours->isChecked());
    m_to->setEnabled(m_hours->isChecked());
    m_zone->setEnabled(m_hours->isChecked());
}

std::optional<Schedule> UsageWindowBox::schedule() const
{
    if (!m_hours->isChecked())
        return std::nullopt;
    Schedule schedule;
    schedule.timeZone = m_zone->currentText().trimmed();
    for (int day = 1; day <= 7; ++day) {
        if (m_days.at(day - 1)->isChecked())
            schedule.days.append(day);
    }
    schedule.from = m_from->time();
    schedule.to = m_to->time();
    return schedule;
}

void UsageWindowBox::applyTo(DelegationGrant &grant) const
{
    grant.notBefore.reset();
    if (m_startLater->isChecked())
        grant.notBefore = m_start->dateTime().toUTC();
    // The server says what is wrong with a window (an unknown zone, no day, an end before the
    // start) next to the scopes it was given for.
    const std::optional<Schedule> window = schedule();
    for (Scope &scope : grant.scopes)
        scope.schedule = window;
}

} // namespace mandate::ui
