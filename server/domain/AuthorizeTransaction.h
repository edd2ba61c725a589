#pragma once

#include "core/AuthorizeRequest.h"
#include "core/Clock.h"
#include "core/Decision.h"
#include "core/DecisionEngine.h"
#include "core/Expected.h"
#include "server/domain/DelegationTree.h"
#include "server/http/Principal.h"

#include <QJsonObject>

namespace mandate::server {

class Store;

// One request-time decision inside the write transaction: the engine's verdict on the delegation
// and its ancestors, and every effect the verdict has — the reservation of amount and use on the
// whole chain, the approval it opens or consumes, context binding, revocation or expiry it finds,
// the audit event and the live event — all in the job's savepoint, so they commit together or not
// at all. Every door to a decision (POST /v1/authorize, the AuthZEN evaluation endpoints) runs
// this one class.
class AuthorizeTransaction
{
public:
    enum class Refusal
    {
        NotHeld, // the agent does not hold the delegation (or it does not exist): answer as unknown
        Failed,  // the store refused a write: roll the job back
        // The organisation's policy engine must be asked first; nothing was written.
        NeedsOrgPolicy,
    };

    AuthorizeTransaction(Store &store, const Clock &clock, qint64 approvalTtlSeconds)
        : m_store(store)
        , m_clock(clock)
        , m_approvalTtlSeconds(approvalTtlSeconds)
    {}

    Expected<Decision, Refusal> run(const AuthorizeRequest &request, const Principal &agent);
    // The next decision's id, when the caller already told someone (the org policy engine) it.
    void setDecisionId(QString decisionId) { m_decisionId = std::move(decisionId); }
    void setActions(const ActionCatalog *actions) { m_actions = actions; }
    // With an org policy engine configured, every decision that gets past the delegation's own
    // rules needs its answer; `consultation` is that answer with its audit record, when asked.
    void setOrgPolicy(bool required, std::optional<OrgPolicyVerdict> verdict, QJsonObject audit)
    {
        m_orgPolicyRequired = required;
        m_orgPolicy = std::move(verdict);
        m_orgPolicyAudit = std::move(audit);
    }
    // The enforcement point that asked on the agent's behalf ({"id", "name"}); named in the audit event.
    void setAskedBy(QJsonObject enforcementPoint) { m_askedBy = std::move(enforcementPoint); }
    // A request for a delegation the agent does not hold is the asking agent's story, never the
    // delegation owner's: it is recorded under the agent only.
    bool recordRefusal(const AuthorizeRequest &request, const Principal &agent);
    // The verdict run() would reach for `agent` on this tree now, with nothing written: the what-if
    // simulation asks the very code the decision runs, so the two cannot drift apart.
    EngineResult evaluate(const DelegationTree &tree, const AuthorizeRequest &request,
                          const Principal &agent);

private:
    EngineResult decide(const DelegationTree &tree, const AuthorizeRequest &request, const Principal &agent,
                        const std::optional<Approval> &approval, const QDateTime &now);
    // The side effects the engine asked for, before the decision is recorded.
    bool applyEffects(DelegationTree &tree, const AuthorizeRequest &request, const Principal &agent,
                      const EngineResult &result, std::optional<Approval> &approval, Decision &decision,
                      const QDateTime &now);
    bool expire(const QString &delegationId, DelegationStatus status);
    bool record(const DelegationTree &tree, const AuthorizeRequest &request, const Principal &agent,
                const Decision &decision);

    Store &m_store;
    const Clock &m_clock;
    qint64 m_approvalTtlSeconds;
    QJsonObject m_askedBy;
    QString m_decisionId;
    const ActionCatalog *m_actions = nullptr;
    bool m_orgPolicyRequired = false;
    std::optional<OrgPolicyVerdict> m_orgPolicy;
    QJsonObject m_orgPolicyAudit;
};

} // namespace mandate::server
