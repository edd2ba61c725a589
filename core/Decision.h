#pragma once

#include "core/ReasonCode.h"

#include <QString>

#include <optional>

namespace mandate {

enum class DecisionOutcome
{
    Allow,
    Deny,
    StepUpRequired,
    DualControlRequired
};

QString decisionOutcomeToString(DecisionOutcome outcome);
std::optional<DecisionOutcome> decisionOutcomeFromString(QStringView text);

// The answer of POST /v1/authorize.
struct Decision
{
    DecisionOutcome outcome = DecisionOutcome::Deny;
    ReasonCode reason = ReasonCode::DelegationNotActive;
    QString message; // one plain sentence
    std::optional<QString> approvalId;
    QString decisionId;

    friend bool operator==(const Decision &, const Decision &) = default;
};

} // namespace mandate
