#pragma once

#include <QString>

#include <optional>

namespace mandate {

// Why a decision came out as it did; the wire names are API.md's reason codes.
enum class ReasonCode
{
    WithinScope,
    Approved,
    DelegationNotActive,
    DelegationExpired,
    AgentMismatch,
    AgentSuspended,
    ActionNotInScope,
    ResourceNotInScope,
    DestinationNotAllowed,
    SensitivityExceeded,
    PerActionLimitExceeded,
    TotalLimitExceeded,
    UsesExhausted,
    CurrencyMismatch,
    ContextChanged,
    StepUpThreshold,
    SensitivityStepUp,
    DualControlThreshold,
    DualControlAction,
    ApprovalPending,
    ApprovalDenied,
    ApprovalExpired,
    ApprovalMismatch,
    OrgPolicyStepUp,
    OrgPolicyDenied,
    OrgPolicyUnavailable,
    OutsideSchedule,
};

QString reasonCodeToString(ReasonCode code);
std::optional<ReasonCode> reasonCodeFromString(QStringView text);
// Every code, in declaration order, so tests can prove each one is reachable.
QList<ReasonCode> allReasonCodes();

} // namespace mandate
