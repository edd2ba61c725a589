#pragma once

#include "core/Approval.h"
#include "core/AuthorizeRequest.h"

#include <QDateTime>

namespace mandate {

// Does an approval authorize exactly this request now? Approved when it is approved, unexpired,
// unconsumed, of a kind that satisfies `required`, for the same delegation, and for the same
// ApprovalRequestDetails (action, resource, amount, destination, sensitivity); otherwise the
// reason it does not, in a sentence.
class ApprovalMatcher
{
public:
    struct Match
    {
        ReasonCode reason = ReasonCode::ApprovalMismatch;
        QString message;
    };

    static Match match(const Approval &approval, const QString &delegationId, const AuthorizeRequest &request,
                       ApprovalKind required, const QDateTime &now);
};

} // namespace mandate
