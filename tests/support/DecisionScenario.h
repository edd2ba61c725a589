#pragma once

#include "core/DecisionEngine.h"
#include "tests/support/DelegationBuilder.h"
#include "tests/support/MockClock.h"
#include "tests/support/ScopeBuilder.h"
#include "tests/support/TestValues.h"

namespace mandate::test {

// One request under one delegation (and its ancestors), holding everything the engine reads.
// By default the travel booker asks to pay EUR 100.00 from acc_1 to Lufthansa, with internal
// sensitivity, under a single limitless scope: tests add exactly the limits they are about.
struct DecisionScenario
{
    Delegation delegation;
    QList<Delegation> ancestors; // nearest parent first
    AuthorizeRequest request;
    std::optional<Approval> approval;
    QString callerAgentId = QStringLiteral("agt_travel");
    bool agentSuspended = false;
    QDateTime now;
    bool orgPolicyRequired = false;
    std::optional<OrgPolicyVerdict> orgPolicy;

    explicit DecisionScenario(const QDateTime &at = MockClock().now())
        : delegation(DelegationBuilder(QStringLiteral("dlg_1"), at).scope(ScopeBuilder()).build())
        , now(at)
    {
        request.delegationId = delegation.id;
        request.action = QStringLiteral("payments.initiate");
        request.resource = QStringLiteral("account:acc_1");
        request.amount = money(10000);
        request.destination = QStringLiteral("payee:lufthansa");
        request.sensitivity = Sensitivity::Internal;
        request.context = QJsonObject{{QStringLiteral("agent_version"), QStringLiteral("1.4.2")}};
    }

    // An approval of `kind` for exactly the current request, created five minutes ago and valid
    // for ten more.
    Approval approvalFor(ApprovalKind kind, ApprovalStatus status) const
    {
        Approval result;
        result.id = QStringLiteral("apr_1");
        result.kind = kind;
        result.status = status;
        result.delegationId = delegation.id;
        result.request = ApprovalRequestDetails{request.action, request.resource, request.amount,
                                                request.destination, request.sensitivity};
        result.requiredApprovals = kind == ApprovalKind::DualControl ? 2 : 1;
        result.createdAt = now.addSecs(-300);
        result.expiresAt = now.addSecs(600);
        return result;
    }

    EngineResult decide() const
    {
        DecisionInput input;
        input.delegation = &delegation;
        for (const Delegation &ancestor : ancestors) {
            input.ancestors.append(&ancestor);
        }
        input.callerAgentId = callerAgentId;
        input.agentSuspended = agentSuspended;
        input.request = &request;
        input.approval = approval ? &*approval : nullptr;
        input.now = now;
        input.orgPolicyRequired = orgPolicyRequired;
        input.orgPolicy = orgPolicy;
        return DecisionEngine::decide(input);
    }
};

} // namespace mandate::test
