#pragma once

#include "core/AuthorizeRequest.h"
#include "core/Delegation.h"

#include <QDateTime>

namespace mandate::agent {

// What the scenario's customers grant and what its agents ask for: fresh, short-lived delegations
// with the thresholds each story needs, so a run never depends on the seed's ids or leftovers.
class ScenarioGrants
{
public:
    static constexpr auto TrustDomain = "spiffe://demo.mandate.local";

    static Money eur(qint64 minor);

    // Alice's trip: flights and trains within EUR 3,000.00, her confirmation above EUR 200.00.
    static DelegationGrant trip(const QString &agentId, const QDateTime &now);
    // What the travel booker hands its helper: rail seats only, within the trip's thresholds.
    static DelegationGrant helperSeats(const QString &helperSpiffeId, const QDateTime &parentExpiry);
    // Alice's bills: two payees, EUR 500.00 a payment, revoked if the agent changes under it.
    static DelegationGrant bills(const QString &agentId, const QDateTime &now);
    // Bob's CRM export: reads are free, every export needs two approvers.
    static DelegationGrant crmExport(const QString &agentId, const QDateTime &now);

    static AuthorizeRequest payment(const QString &delegationId, const QString &account, qint64 minor,
                                    const QString &payee, const QString &agentVersion);
    static AuthorizeRequest dataAccess(const QString &delegationId, const QString &action,
                                       const QString &dataset, Sensitivity sensitivity);
};

} // namespace mandate::agent
