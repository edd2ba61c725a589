#pragma once

#include "core/Delegation.h"

#include <QGroupBox>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QTimeEdit;

namespace mandate {
class Clock;
}

namespace mandate::ui {

// "When it may be used", on the wizard's lifetime page: a later start (not_before) and the days and
// hours, in a time zone, at which the agent may act. The hours apply to every scope of the grant;
// outside them the agent is told outside_schedule.
class UsageWindowBox : public QGroupBox
{
    Q_OBJECT

public:
    UsageWindowBox(const Clock &clock, QWidget *parent = nullptr);

    void applyTo(DelegationGrant &grant) const;
    std::optional<Schedule> schedule() const;

    QCheckBox *startLaterCheck() const { return m_startLater; }
    QDateTimeEdit *startEdit() const { return m_start; }
    QCheckBox *hoursCheck() const { return m_hours; }
    QCheckBox *dayCheck(int day) const { return m_days.value(day - 1); }
    QTimeEdit *fromEdit() const { return m_from; }
    QTimeEdit *toEdit() const { return m_to; }
    QComboBox *timeZoneBox() const { return m_zone; }

private:
    void updateEnabled();

    QCheckBox *m_startLater;
    QDateTimeEdit *m_start;
    QCheckBox *m_hours;
    QList<QCheckBox *> m_days;
    QTimeEdit *m_from;
    QTimeEdit *m_to;
    QComboBox *m_zone;
};

} // namespace mandate::ui
