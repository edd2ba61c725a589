#include "core/Decision.h"

#include <array>

namespace mandate {

namespace {

constexpr std::array kOutcomes{DecisionOutcome::Allow, DecisionOutcome::Deny, DecisionOutcome::StepUpRequired,
                               DecisionOutcome::DualControlRequired};

constexpr QStringView wireName(DecisionOutcome outcome)
{
    switch (outcome) {
    case DecisionOutcome::Allow:
        return u"allow";
    case DecisionOutcome::Deny:
        return u"deny";
    case DecisionOutcome::StepUpRequired:
        return u"step_up_required";
    case DecisionOutcome::DualControlRequired:
        return u"dual_control_required";
    }
    Q_UNREACHABLE();
    return {};
}

} // namespace

QString decisionOutcomeToString(DecisionOutcome outcome)
{
    // The names are string literals: shared, not copied, on every decision.
    const QStringView name = wireName(outcome);
    return QString::fromRawData(name.data(), name.size());
}

std::optional<DecisionOutcome> decisionOutcomeFromString(QStringView text)
{
    for (const DecisionOutcome outcome : kOutcomes) {
        if (wireName(outcome) == text)
            return outcome;
    }
    return std::nullopt;
}

} // namespace mandate
