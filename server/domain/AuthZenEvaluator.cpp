#include "server/domain/AuthZenEvaluator.h"

#include "core/AuthorizeCodec.h"
#include "core/Timestamp.h"
#include "server/domain/AuthorizeTransaction.h"
#include "server/store/Store.h"

namespace mandate::server {

namespace {

// The facts an evaluation's context may carry, named as /v1/authorize names them.
const QStringList ContextFacts{QStringLiteral("amount"), QStringLiteral("destination"),
                               QStringLiteral("sensitivity"), QStringLiteral("approval_id"),
                               QStringLiteral("context")};

QJsonObject undecided(const QString &reason, const QString &message, const QJsonObject &extra = {})
{
    QJsonObject context = extra;
    context.insert(QStringLiteral("reason"), reason);
    context.insert(QStringLiteral("reason_user"), QJsonObject{{QStringLiteral("en"), message}});
    return {{QStringLiteral("decision"), false}, {QStringLiteral("context"), context}};
}

QString firstError(const FieldErrors &errors)
{
    if (errors.isEmpty())
        return QStringLiteral("the request is invalid");
    return QStringLiteral("context.%1 %2").arg(errors.first().field, errors.first().message);
}

} // namespace

std::optional<AgentRecord> AuthZenEvaluator::agentBySpiffeId(Store &store, const QString &spiffeId) const
{
    if (const auto kept = m_agents.constFind(spiffeId); kept != m_agents.cend())
        return *kept;
    std::optional<AgentRecord> agent = store.agents().findBySpiffeId(spiffeId);
    if (agent && m_agents.size() < 10'000)
        m_agents.insert(spiffeId, *agent);
    return agent;
}

AuthZenEvaluator::Resolved AuthZenEvaluator::malformed(const QString &error)
{
    Resolved resolved;
    resolved.refusal = {
        {QStringLiteral("decision"), false},
        {QStringLiteral("context"),
         QJsonObject{{QStringLiteral("error"),
                      QJsonObject{{QStringLiteral("status"), 400}, {QStringLiteral("message"), error}}}}}};
    return resolved;
}

QList<Delegation> AuthZenEvaluator::activeDelegations(Store &store, const QString &agentId,
                                                      const QDateTime &now)
{
    DelegationRepository::Query query;
    query.agentId = agentId;
    query.status = QStringLiteral("active");
    query.limit = 500;
    QList<Delegation> live;
    for (Delegation &delegation : store.delegations().list(query)) {
        if (delegation.isLiveAt(now))
            live.append(std::move(delegation));
    }
    return live;
}

Expected<AuthZenEvaluator::Resolved, AuthZenEvaluator::Failure>
AuthZenEvaluator::resolve(Store &store, const authzen::Evaluation &evaluation, const Principal &caller) const
{
    Resolved resolved;
    if (evaluation.subject.type != u"agent") {
        resolved.refusal =
            undecided(QStringLiteral("unknown_subject"),
                      QStringLiteral("Mandate decides for agents (subject type \"agent\") only."));
        return resolved;
    }
    const std::optional<AgentRecord> agent = agentBySpiffeId(store, evaluation.subject.id);
    if (caller.isAgent() && (!agent || agent->id != caller.id))
        return unexpected(Failure{403, QStringLiteral("an agent may only ask about itself")});
    if (!agent) {
        resolved.refusal = undecided(QStringLiteral("unknown_subject"),
                                     QStringLiteral("No agent with this SPIFFE ID is registered."));
        return resolved;
    }
    resolved.agent = caller.isAgent() ? caller : Principal{};
    if (!caller.isAgent()) {
        resolved.agent.kind = Principal::Kind::Agent;
        resolved.agent.id = agent->id;
        resolved.agent.name = agent->name;
        resolved.agent.spiffeId = agent->spiffeId;
    }

    const QString resource = evaluation.resource.type + u':' + evaluation.resource.id;
    QJsonObject facts{{QStringLiteral("action"), evaluation.action.name},
                      {QStringLiteral("resource"), resource}};
    for (const QString &fact : ContextFacts) {
        if (evaluation.context.contains(fact))
            facts.insert(fact, evaluation.context.value(fact));
    }
    const QJsonValue named = evaluation.context.value(QStringLiteral("delegation_id"));
    if (!named.isUndefined() && !named.isString())
        return unexpected(Failure{400, QStringLiteral("context.delegation_id must be a string")});
    if (named.isString()) {
        facts.insert(QStringLiteral("delegation_id"), named);
    } else {
        // No delegation named: the one live delegation whose scopes reach this action and resource.
        QStringList reaching;
        for (const Delegation &delegation : activeDelegations(store, agent->id, m_clock.now())) {
            for (const Scope &scope : delegation.scopes) {
                if (scope.action == evaluation.action.name && scope.resource.matches(resource)) {
                    reaching.append(delegation.id);
                    break;
                }
            }
        }
        if (reaching.size() != 1) {
            resolved.refusal =
                reaching.isEmpty()
                    ? undecided(QStringLiteral("no_delegation"),
                                QStringLiteral("No active delegation lets this agent do this."))
                    : undecided(QStringLiteral("delegation_ambiguous"),
                                QStringLiteral(
                                    "Several delegations reach this; name one in context.delegation_id."),
                                {{QStringLiteral("delegation_ids"), QJsonArray::fromStringList(reaching)}});
            return resolved;
        }
        facts.insert(QStringLiteral("delegation_id"), reaching.first());
    }
    auto request = AuthorizeCodec::requestFromJson(facts);
    if (!request)
        return unexpected(Failure{400, firstError(request.error())});
    if (caller.isAgent() && !caller.mayUseDelegation(request->delegationId))
        return unexpected(Failure{403, QStringLiteral("this credential is bound to another delegation")});
    resolved.request = *request;
    return resolved;
}

Expected<QJsonArray, AuthZenEvaluator::Unfinished>
AuthZenEvaluator::decide(Store &store, const QList<Resolved> &evaluations, authzen::Semantic semantic,
                         const Principal &caller, const QString &statusBaseUrl,
                         const ActionCatalog *actions) const
{
    QJsonArray answers;
    AuthorizeTransaction transaction(store, m_clock, m_approvalTtlSeconds);
    transaction.setActions(actions);
    if (caller.isEnforcementPoint()) {
        transaction.setAskedBy({{QStringLiteral("id"), caller.id}, {QStringLiteral("name"), caller.name}});
        if (!store.enforcementPoints().touch(caller.id, m_clock.now()))
            return unexpected(Unfinished::StoreFailed);
    }
    for (const Resolved &evaluation : evaluations) {
        QJsonObject answer = evaluation.refusal;
        if (evaluation.request) {
            m_orgPolicy.apply(transaction, evaluation.screening);
            const auto decided = transaction.run(*evaluation.request, evaluation.agent);
            if (!decided && decided.error() == AuthorizeTransaction::Refusal::Failed)
                return unexpected(Unfinished::StoreFailed);
            if (!decided && decided.error() == AuthorizeTransaction::Refusal::NeedsOrgPolicy)
                return unexpected(Unfinished::NeedsOrgPolicy);
            if (!decided) {
                if (!transaction.recordRefusal(*evaluation.request, evaluation.agent))
                    return unexpected(Unfinished::StoreFailed);
                answer = undecided(QStringLiteral("delegation_not_held"),
                                   QStringLiteral("This agent holds no delegation with that id."));
            } else {
                QJsonObject context{
                    {QStringLiteral("reason"), reasonCodeToString(decided->reason)},
                    {QStringLiteral("reason_user"), QJsonObject{{QStringLiteral("en"), decided->message}}},
                    {QStringLiteral("decision_id"), decided->decisionId}};
                if (decided->approvalId) {
                    context.insert(QStringLiteral("approval_id"), *decided->approvalId);
                    const auto approval = store.approvals().find(*decided->approvalId);
                    const bool waiting = decided->outcome == DecisionOutcome::StepUpRequired ||
                                         decided->outcome == DecisionOutcome::DualControlRequired;
                    if (approval && waiting)
                        context.insert(
                            QStringLiteral("access_request"),
                            QJsonObject{
                                {QStringLiteral("id"), approval->id},
                                {QStringLiteral("status"), QStringLiteral("pending")},
                                {QStringLiteral("expires_at"), formatTimestamp(approval->expiresAt)},
                                {QStringLiteral("status_url"),
                                 QString(statusBaseUrl + QStringLiteral("/v1/approvals/") + approval->id)}});
                }
                answer = {{QStringLiteral("decision"), decided->outcome == DecisionOutcome::Allow},
                          {QStringLiteral("context"), context}};
            }
        }
        answers.append(answer);
        const bool permitted = answer.value(QStringLiteral("decision")).toBool();
        if ((semantic == authzen::Semantic::DenyOnFirstDeny && !permitted) ||
            (semantic == authzen::Semantic::PermitOnFirstPermit && permitted))
            break;
    }
    return answers;
}

} // namespace mandate::server
