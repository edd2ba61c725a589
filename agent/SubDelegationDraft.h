#pragma once

#include "core/Delegation.h"
#include "core/Expected.h"

#include <QJsonObject>

namespace mandate::agent {

// The body of a sub-delegation the agent proposes, from a file of scopes or copied from the
// parent, checked with the server's own reader before it is sent.
class SubDelegationDraft
{
public:
    // FILE holds a JSON array of scopes, or an object with scopes and step_up, dual_control and
    // revoke_on (a parent with thresholds requires its children to repeat them).
    static Expected<DelegationGrant, QString> fromFile(const QString &path, const QString &toSpiffeId,
                                                       const QString &purpose, const QDateTime &expiresAt);
    // The parent's scopes and thresholds as they are: the widest child the parent allows, no
    // longer-lived than the parent.
    static Expected<DelegationGrant, QString> fromParent(const Delegation &parent, const QString &toSpiffeId,
                                                         const QString &purpose, const QDateTime &expiresAt);
};

} // namespace mandate::agent
