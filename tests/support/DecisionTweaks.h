#pragma once

#include "tests/support/DecisionScenario.h"

#include <functional>

namespace mandate::test {

// A small vocabulary for decision tables: each row is the default DecisionScenario plus a few
// tweaks, composed left to right with "+", so a row reads as what makes it different.
using Tweak = std::function<void(DecisionScenario &)>;

// The default scenario with `tweak` applied.
inline DecisionScenario scenario(const Tweak &tweak = {})
{
    DecisionScenario s;
    if (tweak) {
        tweak(s);
    }
    return s;
}

inline Tweak operator+(const Tweak &first, const Tweak &second)
{
    return [first, second](DecisionScenario &s) {
        first(s);
        second(s);
    };
}

inline Tweak status(DelegationStatus value)
{
    return [value](DecisionScenario &s) {
        s.delegation.status = value;
    };
}
inline Tweak expiresAt(const QDateTime &at)
{
    return [at](DecisionScenario &s) {
        s.delegation.expiresAt = at;
    };
}
inline Tweak idle(qint64 seconds)
{
    return [seconds](DecisionScenario &s) {
        s.delegation.revokeOn.idleSeconds = seconds;
    };
}
inline Tweak lastUsed(const QDateTime &at)
{
    return [at](DecisionScenario &s) {
        s.delegation.usage.lastUsedAt = at;
    };
}
inline Tweak caller(QStringView agentId)
{
    return [id = agentId.toString()](DecisionScenario &s) {
        s.callerAgentId = id;
    };
}
inline Tweak suspended()
{
    return [](DecisionScenario &s) {
        s.agentSuspended = true;
    };
}
inline Tweak watchContext()
{
    return [](DecisionScenario &s) {
        s.delegation.revokeOn.contextChange = true;
    };
}
inline Tweak boundContext(const QJsonObject &context)
{
    return [context](DecisionScenario &s) {
        s.delegation.boundContext = context;
    };
}
inline Tweak boundToRequest()
{
    return [](DecisionScenario &s) {
        s.delegation.boundContext = s.request.context;
    };
}
inline Tweak requestContext(QStringView key, const QJsonValue &value)
{
    return [key = key.toString(), value](DecisionScenario &s) {
        s.request.context.insert(key, value);
    };
}
inline Tweak action(QStringView name)
{
    return [name = name.toString()](DecisionScenario &s) {
        s.request.action = name;
    };
}
inline Tweak resource(QStringView name)
{
    return [name = name.toString()](DecisionScenario &s) {
        s.request.resource = name;
    };
}
inline Tweak destination(QStringView name)
{
    return [name = name.toString()](DecisionScenario &s) {
        s.request.destination = name;
    };
}
inline Tweak noDestination()
{
    return [](DecisionScenario &s) {
        s.request.destination.reset();
    };
}
inline Tweak sensitivity(std::optional<Sensitivity> level)
{
    return [level](DecisionScenario &s) {
        s.request.sensitivity = level;
    };
}
inline Tweak amount(std::optional<Money> value)
{
    return [value](DecisionScenario &s) {
        s.request.amount = value;
    };
}
// Replaces the delegation's only scope, and points the request at its action and resource.
inline Tweak retarget(QStringView actionName, QStringView resourceName)
{
    return [a = actionName.toString(), r = resourceName.toString()](DecisionScenario &s) {
        s.delegation.scopes[0] = ScopeBuilder(a, r);
        s.request.action = a;
        s.request.resource = r;
    };
}
inline Tweak scope(const Scope &value)
{
    return [value](DecisionScenario &s) {
        s.delegation.scopes[0] = value;
    };
}
inline Tweak alsoScope(const Scope &value)
{
    return [value](DecisionScenario &s) {
        s.delegation.scopes.append(value);
        s.delegation.scopeUsage.append(ScopeUsage());
    };
}
inline Tweak used(qint64 uses, const QList<Money> &spent = {})
{
    return [uses, spent](DecisionScenario &s) {
        s.delegation.scopeUsage[0] = ScopeUsage{uses, spent};
    };
}
inline Tweak ancestor(const Delegation &delegation)
{
    return [delegation](DecisionScenario &s) {
        s.ancestors.append(delegation);
    };
}
inline ScopeBuilder paymentsFrom(QStringView account)
{
    return ScopeBuilder(QStringLiteral("payments.initiate"), account.toString());
}
inline DelegationBuilder parentBuilder(const Scope &scope = ScopeBuilder())
{
    return DelegationBuilder(QStringLiteral("dlg_parent"), MockClock().now()).scope(scope);
}
inline Tweak underParent(const Scope &scope, qint64 uses = 0, const QList<Money> &spent = {})
{
    return ancestor(parentBuilder(scope).used(0, uses, spent).build());
}
inline Tweak stepUpAbove(const Money &above, StepUpApprover approver = StepUpApprover::Customer)
{
    return [above, approver](DecisionScenario &s) {
        s.delegation.stepUp = StepUpPolicy{above, std::nullopt, approver};
    };
}
inline Tweak stepUpAt(Sensitivity level)
{
    return [level](DecisionScenario &s) {
        s.delegation.stepUp = StepUpPolicy{std::nullopt, level, StepUpApprover::Customer};
    };
}
inline Tweak dualAbove(const Money &above)
{
    return [above](DecisionScenario &s) {
        s.delegation.dualControl = DualControlPolicy{above, {}};
    };
}
inline Tweak dualFor(QStringView actionName)
{
    return [a = actionName.toString()](DecisionScenario &s) {
        s.delegation.dualControl = DualControlPolicy{std::nullopt, {a}};
    };
}
// Retries with an approval for the request as it stands when this tweak runs.
inline Tweak approval(ApprovalKind kind, ApprovalStatus state,
                      const std::function<void(Approval &)> &adjust = {})
{
    return [kind, state, adjust](DecisionScenario &s) {
        s.request.approvalId = QStringLiteral("apr_1");
        s.approval = s.approvalFor(kind, state);
        if (adjust) {
            adjust(*s.approval);
        }
    };
}
// The organisation's policy engine must be asked; `answer` is what it said, if it was asked.
inline Tweak orgPolicy(std::optional<OrgPolicyVerdict::Answer> answer, QString message = {})
{
    return [answer, message](DecisionScenario &s) {
        s.orgPolicyRequired = true;
        if (answer)
            s.orgPolicy = OrgPolicyVerdict{*answer, message};
    };
}
inline Tweak unknownApproval()
{
    return [](DecisionScenario &s) {
        s.request.approvalId = QStringLiteral("apr_missing");
    };
}

} // namespace mandate::test
