#pragma once

#include "core/Approval.h"
#include "core/ApprovalPolicy.h"
#include "core/Expected.h"

#include <QDateTime>
#include <QStringList>

#include <optional>

namespace mandate {

// The person deciding, as the server knows them from their session.
struct Decider
{
    QString userId;
    QString name;
    QStringList roles; // "customer", "approver", "support", "admin"
};

// Pending → approved | denied | expired. Step-up: one approval by the delegation's customer (or
// by an approver when the delegation routes step-up to approvers). Dual control: two approvals by
// two distinct approvers, neither the delegation's customer. A deny resolves at once and needs a
// reason of at least ten non-space characters.
class ApprovalStateMachine
{
public:
    enum class Error
    {
        NotPending,               // already approved, denied or expired (409)
        Expired,                  // pending but past expires_at (409)
        ReasonRequired,           // deny without a reason of ≥ 10 non-space characters (400)
        SupportCannotDecide,      // support staff never decide (403)
        NotTheCustomer,           // step-up routed to the customer, caller is someone else (403)
        NotAnApprover,            // routed to approvers, caller lacks the role (403)
        CustomerCannotApproveOwn, // dual control on the caller's own delegation (403)
        AlreadyDecided,           // the same approver a second time (403)
    };

    static constexpr int MinDenyReasonLength = 10;

    // Who may decide, without deciding: the console disables its buttons with this.
    static std::optional<Error> eligibility(const Approval &approval, StepUpApprover routing,
                                            const Decider &decider, const QDateTime &now);

    static Expected<Approval, Error> decide(Approval approval, StepUpApprover routing, const Decider &decider,
                                            ApprovalVerdict verdict, const QString &reason,
                                            const QDateTime &now);

    // Why `narrowed` cannot narrow this approval (nothing when it can): only an amount below the
    // one asked for, in its currency, on a request that names an amount.
    static std::optional<QString> narrowingError(const Approval &approval, const Money &narrowed);

    // Moves a pending approval past its expiry to Expired; false when nothing changed.
    static bool expireIfDue(Approval &approval, const QDateTime &now);

    static QString errorMessage(Error error);
};

} // namespace mandate
