#pragma once

#include "core/Clock.h"

#include <QMutex>
#include <QMutexLocker>

namespace mandate::test {

// A clock that only moves when a test moves it. The test moves it on its own thread while an
// in-process server's store thread reads it, hence the lock.
class MockClock final : public Clock
{
public:
    explicit MockClock(QDateTime start = QDateTime(QDate(2026, 12, 1), QTime(9, 0), Qt::UTC))
        : m_now(std::move(start))
    {}
    QDateTime now() const override
    {
        const QMutexLocker lock(&m_mutex);
        return m_now;
    }
    void set(const QDateTime &now)
    {
        const QMutexLocker lock(&m_mutex);
        m_now = now;
    }
    void advanceSeconds(qint64 seconds)
    {
        const QMutexLocker lock(&m_mutex);
        m_now = m_now.addSecs(seconds);
    }

private:
    mutable QMutex m_mutex;
    QDateTime m_now;
};

} // namespace mandate::test
