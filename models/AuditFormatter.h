#pragma once

#include "core/AuditEvent.h"
#include "core/AuthorizeRequest.h"

#include <QCoreApplication>
#include <QString>

namespace mandate::models {

// Audit events in words for investigators: the type as a phrase, who acted, and one sentence of
// what happened, with the raw facts (hash, links, data) a click away in the detail.
class AuditFormatter
{
    Q_DECLARE_TR_FUNCTIONS(mandate::models::AuditFormatter)

public:
    static QString typeText(const QString &type);
    static QString actorText(const AuditEvent &event);
    static QString summary(const AuditEvent &event);
    // "Payments EUR 42.00 to payee:landlord on account:acc_1": the request of a decision.
    static QString requestText(const AuthorizeRequest &request);
    // Every field of the event, one per line, for the detail view and for copy-paste into a report.
    static QString details(const AuditEvent &event);
    // The event types the API names, for filters.
    static QStringList knownTypes();
};

} // namespace mandate::models
