#pragma once

#include "core/ActionCatalog.h"
#include "core/Approval.h"
#include "core/AuthorizeRequest.h"
#include "core/Delegation.h"
#include "core/Denial.h"
#include "core/Expected.h"

#include <optional>

namespace mandate {

// The delegation's dual-control and step-up policies applied to one request: which people, if
// any, must approve it before it may proceed.
class ApprovalThresholds
{
public:
    // A value or sensitivity threshold the request crossed.
    struct Threshold
    {
        ApprovalKind kind = ApprovalKind::StepUp;
        ReasonCode reason = ReasonCode::StepUpThreshold;
        QString message;
        QString summaryReason; // the part of the approval summary after the dash
    };

    // The threshold the request crosses (dual control before step-up), none, or a denial when an
    // amount cannot be compared with a threshold (another currency). The catalog says which
    // actions move value: one of those without an amount counts as above every value threshold.
    static Expected<std::optional<Threshold>, Denial>
    crossed(const Delegation &delegation, const AuthorizeRequest &request, const ActionCatalog &actions);
    // "Travel booker wants to pay EUR 1,250.00 to payee:lufthansa — above your EUR 200.00 step-up threshold"
    static QString summary(const Delegation &delegation, const AuthorizeRequest &request,
                           const Threshold &threshold);
};

} // namespace mandate
