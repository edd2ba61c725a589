#pragma once

#include "core/Delegation.h"
#include "core/FieldError.h"

namespace mandate {

// Is a proposed sub-delegation no broader than its parent in any respect? Every widening is one
// FieldError addressed at the child's field ("scopes[1].max_total.amount_minor"), so an agent sees
// all of them at once. Depth counts delegations from the customer's grant (depth 1) down.
class Attenuation
{
public:
    static constexpr int MaxDepth = 3;

    static FieldErrors check(const Delegation &parent, int parentDepth, const DelegationGrant &child);
};

} // namespace mandate
