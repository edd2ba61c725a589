#pragma once

#include "core/AuthZen.h"
#include "core/AuthorizeRequest.h"
#include "core/Clock.h"
#include "core/Delegation.h"
#include "server/http/Principal.h"
#include "server/policy/OrgPolicyGate.h"
#include "server/store/AgentRepository.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace mandate::server {

class Store;

// Mandate as an AuthZEN PDP: turns an evaluation into the request /v1/authorize would get, and
// runs it through AuthorizeTransaction — the same decision, reservation, approvals and audit
// event. Resolving reads (which agent, which delegation) happen before the write; deciding happens
// in the write job.
class AuthZenEvaluator
{
public:
    // An evaluation ready to decide, or the answer it gets without a decision (an unknown agent,
    // no delegation that reaches the action): `refusal` is then a complete AuthZEN decision.
    struct Resolved
    {
        Principal agent;
        std::optional<AuthorizeRequest> request;
        QJsonObject refusal;
        OrgPolicyGate::Screening screening; // the organisation's policy engine's answer, once asked
    };
    // Why a request as a whole is refused: 400 for malformed facts, 403 for asking about another agent.
    struct Failure
    {
        int status = 400;
        QString message;
    };

    enum class Unfinished
    {
        StoreFailed,    // the job rolls back
        NeedsOrgPolicy, // a delegation changed since it was read: ask the engine about all, then again
    };

    AuthZenEvaluator(const Clock &clock, qint64 approvalTtlSeconds, const OrgPolicyGate &orgPolicy)
        : m_clock(clock)
        , m_approvalTtlSeconds(approvalTtlSeconds)
        , m_orgPolicy(orgPolicy)
    {}

    Expected<Resolved, Failure> resolve(Store &store, const authzen::Evaluation &evaluation,
                                        const Principal &caller) const;
    // A batch item that is not an evaluation: denied, with the error in its context.
    static Resolved malformed(const QString &error);
    // Decides in order, stopping as the semantic says; one AuthZEN decision per evaluation made.
    Expected<QJsonArray, Unfinished> decide(Store &store, const QList<Resolved> &evaluations,
                                            authzen::Semantic semantic, const Principal &caller,
                                            const QString &statusBaseUrl, const ActionCatalog *actions) const;

    // The agent's active delegations (its own and those sub-delegated to it) at `now`.
    static QList<Delegation> activeDelegations(Store &store, const QString &agentId, const QDateTime &now);

private:
    // An agent's SPIFFE ID never changes hands, so its id is looked up once; whether the agent may
    // act is the transaction's question, asked afresh every time.
    std::optional<AgentRecord> agentBySpiffeId(Store &store, const QString &spiffeId) const;

    const Clock &m_clock;
    qint64 m_approvalTtlSeconds;
    const OrgPolicyGate &m_orgPolicy;
    mutable QHash<QString, AgentRecord> m_agents; // event loop only
};

} // namespace mandate::server
