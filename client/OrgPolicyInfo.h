#pragma once

#include <QString>

namespace mandate::client {

// The organisation's policy engine as GET /v1/policy describes it.
struct OrgPolicyInfo
{
    QString pdp; // empty: no engine; the delegations' own rules decide alone
    bool failsOpen = false;
    bool healthy = true;
};

} // namespace mandate::client
