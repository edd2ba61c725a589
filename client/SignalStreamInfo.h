#pragma once

#include <QDateTime>
#include <QString>

namespace mandate::client {

// A Shared Signals stream and how its deliveries go, as GET /v1/ssf/receivers shows it to admins.
struct SignalStreamInfo
{
    QString id;
    QString description;
    bool push = false;
    QString endpoint; // push: the receiver's URL; poll: the transmitter's
    QString status;   // enabled | paused | disabled
    QString reason;
    qint64 queued = 0;
    qint64 delivered = 0; // in the last 24 hours
    QDateTime lastDeliveredAt;
    QDateTime failingSince; // invalid while deliveries succeed
    QString lastError;
    QDateTime nextAttemptAt;
};

} // namespace mandate::client
