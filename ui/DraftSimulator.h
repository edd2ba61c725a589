#pragma once

#include "core/AuthorizeRequest.h"
#include "core/Delegation.h"
#include "core/SimulatedDecision.h"

#include <QDateTime>
#include <QString>

namespace mandate::ui {

// What-if before granting: the grant wizard's draft read as the delegation it would become, and a
// request decided on it by the same DecisionEngine the server runs (unused, unapproved, the agent
// taken as active), with what would remain (DecisionForecast). Nothing leaves the console.
class DraftSimulator
{
public:
    static Delegation draftOf(const DelegationGrant &grant, const QString &agentName, const QDateTime &now);
    static SimulatedDecision simulate(const Delegation &draft, const AuthorizeRequest &request,
                                      const QDateTime &now);
};

} // namespace mandate::ui
