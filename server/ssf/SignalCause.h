#pragma once

#include "server/http/Principal.h"

#include <QDateTime>
#include <QString>

namespace mandate::server {

// Why sessions ended, in the words CAEP events carry (CAEP 1.0 §2): who set it off
// (initiating_entity), what an administrator should read (reason_admin) and what an end user
// may be shown (reason_user), when it happened (event_timestamp), and the one transaction id
// (SSF "txn") every SET about this one change shares.
struct SignalCause
{
    QString txn;
    QDateTime at;
    QString initiatingEntity; // admin | user | policy | system
    QString reasonAdmin;
    QString reasonUser;

    // The cause of a delegation ending: `cause` is the audit trail's word for it ("revoked",
    // "customer_revoke_all", "agent_suspended", "context_changed", "parent_completed", "completed",
    // "expired"), `reason` what the person who did it wrote (empty when nobody did).
    static SignalCause delegationEnded(const Principal &actor, const QString &cause, const QString &reason,
                                       const QDateTime &at);
};

} // namespace mandate::server
