#include "core/ReasonCode.h"

#include <QList>

#include <array>

namespace mandate {

namespace {

constexpr std::array kCodes{
    ReasonCode::WithinScope,
    ReasonCode::Approved,
    ReasonCode::DelegationNotActive,
    ReasonCode::DelegationExpired,
    ReasonCode::AgentMismatch,
    ReasonCode::AgentSuspended,
    ReasonCode::ActionNotInScope,
    ReasonCode::ResourceNotInScope,
    ReasonCode::DestinationNotAllowed,
    ReasonCode::SensitivityExceeded,
    ReasonCode::PerActionLimitExceeded,
    ReasonCode::TotalLimitExceeded,
    ReasonCode::UsesExhausted,
    ReasonCode::CurrencyMismatch,
    ReasonCode::ContextChanged,
    ReasonCode::StepUpThreshold,
    ReasonCode::SensitivityStepUp,
    ReasonCode::DualControlThreshold,
    ReasonCode::DualControlAction,
    ReasonCode::ApprovalPending,
    ReasonCode::ApprovalDenied,
    ReasonCode::ApprovalExpired,
    ReasonCode::ApprovalMismatch,
    ReasonCode::OrgPolicyStepUp,
    ReasonCode::OrgPolicyDenied,
    ReasonCode::OrgPolicyUnavailable,
    ReasonCode::OutsideSchedule,
};

constexpr QStringView wireName(ReasonCode code)
{
    switch (code) {
    case ReasonCode::WithinScope:
        return u"within_scope";
    case ReasonCode::Approved:
        return u"approved";
    case ReasonCode::DelegationNotActive:
        return u"delegation_not_active";
    case ReasonCode::DelegationExpired:
        return u"delegation_expired";
    case ReasonCode::AgentMismatch:
        return u"agent_mismatch";
    case ReasonCode::AgentSuspended:
        return u"agent_suspended";
    case ReasonCode::ActionNotInScope:
        return u"action_not_in_scope";
    case ReasonCode::ResourceNotInScope:
        return u"resource_not_in_scope";
    case ReasonCode::DestinationNotAllowed:
        return u"destination_not_allowed";
    case ReasonCode::SensitivityExceeded:
        return u"sensitivity_exceeded";
    case ReasonCode::PerActionLimitExceeded:
        return u"per_action_limit_exceeded";
    case ReasonCode::TotalLimitExceeded:
        return u"total_limit_exceeded";
    case ReasonCode::UsesExhausted:
        return u"uses_exhausted";
    case ReasonCode::CurrencyMismatch:
        return u"currency_mismatch";
    case ReasonCode::ContextChanged:
        return u"context_changed";
    case ReasonCode::StepUpThreshold:
        return u"step_up_threshold";
    case ReasonCode::SensitivityStepUp:
        return u"sensitivity_step_up";
    case ReasonCode::DualControlThreshold:
        return u"dual_control_threshold";
    case ReasonCode::DualControlAction:
        return u"dual_control_action";
    case ReasonCode::ApprovalPending:
        return u"approval_pending";
    case ReasonCode::ApprovalDenied:
        return u"approval_denied";
    case ReasonCode::ApprovalExpired:
        return u"approval_expired";
    case ReasonCode::OrgPolicyStepUp:
        return u"org_policy_step_up";
    case ReasonCode::OrgPolicyDenied:
        return u"org_policy_denied";
    case ReasonCode::OrgPolicyUnavailable:
        return u"org_policy_unavailable";
    case ReasonCode::ApprovalMismatch:
        return u"approval_mismatch";
    case ReasonCode::OutsideSchedule:
        return u"outside_schedule";
    }
    Q_UNREACHABLE();
    return {};
}

} // namespace

QString reasonCodeToString(ReasonCode code)
{
    // The names are string literals: shared, not copied, on every decision.
    const QStringView name = wireName(code);
    return QString::fromRawData(name.data(), name.size());
}

std::optional<ReasonCode> reasonCodeFromString(QStringView text)
{
    for (const ReasonCode code : kCodes) {
        if (wireName(code) == text)
            return code;
    }
    return std::nullopt;
}

QList<ReasonCode> allReasonCodes()
{
    return QList<ReasonCode>(kCodes.begin(), kCodes.end());
}

} // namespace mandate
