#pragma once

#include "core/ApprovalPolicy.h"
#include "core/Scope.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace mandate {

enum class DelegationStatus
{
    Active,
    Revoked,
    Expired,
    Completed
};

std::optional<DelegationStatus> delegationStatusFromString(QStringView text);
QString delegationStatusToString(DelegationStatus status);

struct Usage
{
    qint64 uses = 0;
    QList<Money> spent;
    std::optional<QDateTime> lastUsedAt;

    friend bool operator==(const Usage &, const Usage &) = default;
};

struct ChainLink
{
    enum class Kind
    {
        Customer,
        Agent
    };
    Kind kind = Kind::Customer;
    QString id;
    QString name;
    QString spiffeId; // agents only

    friend bool operator==(const ChainLink &, const ChainLink &) = default;
};

// A customer's grant of authority to one agent (or an agent's attenuated sub-grant to another).
struct Delegation
{
    QString id;
    QString customerId;
    QString agentId;
    std::optional<QString> parentId;
    QString purpose;
    DelegationStatus status = DelegationStatus::Active;
    QDateTime createdAt;
    QDateTime expiresAt;
    std::optional<QDateTime> notBefore; // usable only from then on; absent means from the grant
    std::optional<QDateTime> revokedAt;
    std::optional<QString> revokedBy;
    std::optional<QString> revokeReason;
    QList<Scope> scopes;
    std::optional<StepUpPolicy> stepUp;
    std::optional<DualControlPolicy> dualControl;
    RevokeOn revokeOn;
    Usage usage;                             // totals over all scopes
    QList<ScopeUsage> scopeUsage;            // aligned with scopes
    QList<ChainLink> chain;                  // customer first, then each agent down to this one
    QStringList children;                    // ids of sub-delegations
    std::optional<QJsonObject> boundContext; // set by the first request when revoke_on.context_change

    // With revoke_on.idle_seconds: when the delegation lapses unless used again — its last use (or
    // its grant) plus the idle allowance. The engine, the credential checks and the sweeper's
    // index all use this one rule.
    std::optional<QDateTime> idleDeadline() const;
    // Active, within its lifetime and not idle for too long at `now` (its own state only).
    bool isLiveAt(const QDateTime &now) const;

    friend bool operator==(const Delegation &, const Delegation &) = default;
};

// What a customer (or a parent agent) submits; the server fills in everything else.
struct DelegationGrant
{
    QString agentId;       // POST /v1/delegations
    QString agentSpiffeId; // POST /v1/delegations/{id}/subdelegations
    QString purpose;
    QDateTime expiresAt;
    std::optional<QDateTime> notBefore;
    QList<Scope> scopes;
    std::optional<StepUpPolicy> stepUp;
    std::optional<DualControlPolicy> dualControl;
    RevokeOn revokeOn;

    friend bool operator==(const DelegationGrant &, const DelegationGrant &) = default;
};

} // namespace mandate
