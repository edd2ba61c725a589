#pragma once

#include "client/UserInfo.h"
#include "core/Approval.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace mandate::models {

// The words people read about an approval request: what kind, why it was raised, who decided so
// far and what is still needed, how long it stays open, and whether the signed-in person may
// decide it. Pure functions of the approval, the person and "now", so the table and the detail
// pane always agree.
class ApprovalFormatter
{
    Q_DECLARE_TR_FUNCTIONS(mandate::models::ApprovalFormatter)

public:
    static QString kindText(ApprovalKind kind);
    static QString statusText(ApprovalStatus status);
    // The rule that raised the request, in words: "Above the step-up amount threshold".
    static QString reasonText(ReasonCode reason);
    static QString amountText(const Approval &approval);
    // "14:05 left" while pending, "Expired", or how it was resolved.
    static QString expiresText(const Approval &approval, const QDateTime &now);
    // One line per decision: "Approved by Carol 2 min ago: Known landlord", "… just now".
    static QStringList decisionLines(const Approval &approval, const QDateTime &now);
    // "1 more approval needed", or the status once resolved.
    static QString progressText(const Approval &approval);
    // The same for a table column: "1 of 2 approvals", or the status once resolved.
    static QString shortProgressText(const Approval &approval);

    // Why PERSON may not decide APPROVAL now, or nullopt when they may. The console cannot see the
    // delegation's step-up routing, but what the server lets a person list tells it: a step-up a
    // customer sees is their own, one an approver sees was routed to approvers.
    static std::optional<QString> ineligibility(const Approval &approval, const client::UserInfo &person,
                                                const QDateTime &now);
};

} // namespace mandate::models
