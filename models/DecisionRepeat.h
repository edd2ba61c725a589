#pragma once

#include "core/AuditEvent.h"
#include "core/Money.h"

#include <QString>

#include <optional>

namespace mandate::models {

// An agent polling while a step-up waits is answered the same way again and again: the same decision,
// for the same reason, on the same request under the same delegation. Each answer stays in the audit
// trail; the lists show such a run as one row with a count and its span. This is the one rule of what
// counts as "the same decision again", for every list that folds repeats.
class DecisionRepeat
{
public:
    // The decision a decision.made event records; nullopt for every other event.
    static std::optional<DecisionRepeat> of(const AuditEvent &event);

    friend bool operator==(const DecisionRepeat &, const DecisionRepeat &) = default;

private:
    QString m_delegationId;
    QString m_action;
    QString m_resource;
    std::optional<Money> m_amount;
    std::optional<QString> m_destination;
    QString m_decision;
    QString m_reason;
};

} // namespace mandate::models
