#pragma once

#include "core/ReasonCode.h"

#include <QString>

namespace mandate {

// Why the engine refuses a request: a reason code and one plain sentence for the agent's logs and
// the audit trail.
struct Denial
{
    ReasonCode reason = ReasonCode::DelegationNotActive;
    QString message;
    QString expiredDelegationId; // set when the denial is this delegation's expiry
};

} // namespace mandate
