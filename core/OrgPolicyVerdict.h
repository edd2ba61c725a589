#pragma once

#include <QString>

namespace mandate {

// What the organisation's own policy engine said about one request (API.md, "Org policy"): asked
// first whether the agent may act with nobody confirming, then, if not, whether a person may
// confirm it.
struct OrgPolicyVerdict
{
    enum class Answer
    {
        Allow,          // with nobody confirming
        PersonRequired, // only if a person confirms
        Denied,         // not even then
        Unavailable,    // no usable answer (unreachable, slow, not 200, not JSON)
    };

    Answer answer = Answer::Allow;
    QString message; // the engine's own words (context.reason_user.en), when it gave any

    friend bool operator==(const OrgPolicyVerdict &, const OrgPolicyVerdict &) = default;
};

} // namespace mandate
