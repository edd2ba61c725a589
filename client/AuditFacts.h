#pragma once

#include "core/AuditEvent.h"
#include "core/AuthorizeRequest.h"

#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace mandate::client {

// What an audit event's free-form data says, read here (with core's codecs where the payload has
// one) so the models that word events for people never read the payload's JSON themselves.
struct AuditFacts
{
    QString decision; // decision.made: allow, deny, step_up_required, dual_control_required
    QString reason;
    QString decisionId;                      // decision.made: dec_…, whose receipt the server gives
    QString approvalId;                      // decision.made: the approval it used or created
    std::optional<AuthorizeRequest> request; // decision.made: what the agent asked for
    QString grantPurpose;                    // delegation.granted
    QString routedTo;                        // approval.requested: "customer" or "approvers"
    QString approvalSummary;                 // approval.requested: the sentence for the decider
    QString cause;                           // revocations and cancellations: why, as a code
    QString requestedDelegationId;           // access.refused: the delegation the agent does not hold
    // Every plain (string, number, boolean) field as key and text, in the payload's order.
    QList<std::pair<QString, QString>> plainFields;
    QString dataText; // the whole payload, indented, for investigators to copy

    static AuditFacts of(const AuditEvent &event);
};

} // namespace mandate::client
