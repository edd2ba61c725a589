#pragma once

#include <QDateTime>

namespace mandate {

// Every expiry, idle and approval timeout reads time through this, so tests drive time by hand.
// now() is called from the server's store thread as well as its event loop, so it must be safe to
// call from any thread.
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
