#pragma once

#include "server/http/Principal.h"

#include <QDateTime>
#include <QJsonObject>
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
    QJsonObject payload;
    QDateTime at;

    // Staff see everything; customers their own objects; approvers what is routed to approvers.
    bool isVisibleTo(const Principal &principal) const
    {
        if (!principal.isUser())
            return false;
        if (principal.isStaff())
            return true;
        switch (audience) {
        case Audience::Everyone:
            return true;
        case Audience::Approvers:
            return principal.hasRole(u"approver");
        case Audience::Customer:
            return principal.hasRole(u"customer") && principal.id == customerId;
        }
        return false;
    }
};

} // namespace mandate::server
