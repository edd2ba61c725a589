#pragma once

#include "core/Approval.h"
#include "core/Delegation.h"
#include "server/store/AgentRepository.h"
#include "server/store/ApprovalRepository.h"

#include <QString>

namespace mandate::server {

class Store;

// The live events each kind of change produces, with the audience API.md gives them.
// Called inside write jobs; the events leave only when the transaction commits.
class LiveEvents
{
public:
    static bool delegation(Store &store, const QString &type, const Delegation &delegation);
    static bool approval(Store &store, const QString &type, const Approval &approval,
                         ApprovalRepository::Route route);
    static bool agent(Store &store, const AgentRecord &agent);
};

} // namespace mandate::server
