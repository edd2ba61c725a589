#pragma once

#include <QDateTime>

namespace mandate {

// Every expiry, idle and approval timeout reads time through this, so tests drive time by hand.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;
};

class SystemClock final : public Clock
{
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
};

} // namespace mandate
