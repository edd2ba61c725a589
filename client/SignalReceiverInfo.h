#pragma once

#include "client/SignalStreamInfo.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace mandate::client {

// A registered Shared Signals receiver (a resource server) with its streams.
struct SignalReceiverInfo
{
    QString id;
    QString name;
    bool revoked = false;
    QDateTime createdAt;
    QList<SignalStreamInfo> streams;
};

} // namespace mandate::client
