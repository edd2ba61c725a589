#pragma once

#include "core/Money.h"
#include "core/Sensitivity.h"

#include <QStringList>

#include <optional>

namespace mandate {

enum class StepUpApprover
{
    Customer,
    Approver
};

// Above which value or sensitivity a request needs one human confirmation.
struct StepUpPolicy
{
    std::optional<Money> above;
    std::optional<Sensitivity> sensitivityAtOrAbove;
    StepUpApprover approver = StepUpApprover::Customer;

    friend bool operator==(const StepUpPolicy &, const StepUpPolicy &) = default;
};

// Above which value, or for which actions, a request needs two distinct approvers.
struct DualControlPolicy
{
    std::optional<Money> above;
    QStringList actions;

    friend bool operator==(const DualControlPolicy &, const DualControlPolicy &) = default;
};

struct RevokeOn
{
    bool taskComplete = false;
    std::optional<qint64> idleSeconds;
    bool contextChange = false;

    friend bool operator==(const RevokeOn &, const RevokeOn &) = default;
};

} // namespace mandate
