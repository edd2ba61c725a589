#pragma once

#include "core/Delegation.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <optional>

namespace mandate::models {

// The words and numbers people read about a delegation: who it is for, how much of its allowance
// is used, when it ends. Pure functions of the delegation and "now", so every view says the same.
class DelegationFormatter
{
    Q_DECLARE_TR_FUNCTIONS(mandate::models::DelegationFormatter)

public:
    static QString agentName(const Delegation &delegation);
    static QString agentSpiffeId(const Delegation &delegation);
    static QString customerName(const Delegation &delegation);
    static QString statusText(DelegationStatus status);

    // "EUR 420.00 of EUR 1,200.00", "3 of 10 uses", "EUR 90.00 spent, no total cap", "Not used yet".
    static QString usageText(const Delegation &delegation);
    // The most used cap of any scope, 0..1; nullopt when no scope has a cap to measure against.
    static std::optional<double> usageFraction(const Delegation &delegation);
    // Per scope: text and fraction of its own caps.
    static QString scopeUsageText(const Scope &scope, const ScopeUsage &usage);
    static std::optional<double> scopeUsageFraction(const Scope &scope, const ScopeUsage &usage);

    // "Payments", "Data export", …; unknown actions as they are named.
    static QString actionLabel(const QString &action);
    // Each limit of a scope as a short phrase: "up to EUR 500.00 per action", "to payee:lufthansa".
    static QStringList scopeLimits(const Scope &scope);
    // "only Mon, Tue, 08:00–18:00 (Europe/Berlin time)"
    static QString scheduleText(const Schedule &schedule);
    // Step-up and dual control in sentences; empty when the delegation needs no human approval.
    static QStringList approvalRules(const Delegation &delegation);
    // "Ends when the task is complete", "after 1 h without use", "when the agent's context changes".
    static QStringList revocationTriggers(const RevokeOn &revokeOn);

    // "in 3 days", "in 5 h", "in 12 min", "2 days ago".
    static QString relativeTime(const QDateTime &when, const QDateTime &now);
    // "Expires in 3 days", "Expired 2 days ago", "Revoked": for the status actually in force.
    static QString expiryText(const Delegation &delegation, const QDateTime &now);
};

} // namespace mandate::models
