#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace mandate::server {

// One Server-Sent Event: what changed (the object's JSON) and who may see it.
struct LiveEvent
{
    enum class Audience
    {
        Customer,
        Approvers,
        Everyone
    };

    qint64 id = 0; // assigned by the store, strictly increasing
    QString type;  // "delegation.created", "approval.updated", ...
    Audience audience = Audience::Customer;
    QString customerId; // whose object it is (Customer audience)
    QByteArray payload; // the object as compact JSON: encoded once, stored and streamed as it is
    QDateTime at;
};

} // namespace mandate::server
