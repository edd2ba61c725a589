#include "server/domain/AccessPolicy.h"

namespace mandate::server {

bool AccessPolicy::canSeeDelegation(const Principal &principal, const Delegation &delegation)
{
    if (principal.isStaff())
        return true;
    return principal.hasRole(u"customer") && delegation.customerId == principal.id;
}

bool AccessPolicy::canRevokeDelegation(const Principal &principal, const Delegation &delegation)
{
    if (principal.isStaff())
        return true;
    return principal.hasRole(u"customer") && delegation.customerId == principal.id;
}

AccessPolicy::Visibility AccessPolicy::delegationList(const Principal &principal)
{
    if (principal.isStaff())
        return Visibility::All;
    if (principal.hasRole(u"customer"))
        return Visibility::OwnAsCustomer;
    return Visibility::None;
}

AccessPolicy::Visibility AccessPolicy::auditTrail(const Principal &principal)
{
    if (principal.isStaff())
        return Visibility::All;
    if (principal.hasRole(u"customer"))
        return Visibility::OwnAsCustomer;
    return Visibility::None;
}

bool AccessPolicy::sees(const Principal &principal, LiveEvent::Audience audience, const QString &customerId)
{
    if (!principal.isUser())
        return false;
    if (principal.isStaff())
        return true;
    switch (audience) {
    case LiveEvent::Audience::Everyone:
        return true;
    case LiveEvent::Audience::Approvers:
        return principal.hasRole(u"approver");
    case LiveEvent::Audience::Customer:
        return principal.hasRole(u"customer") && principal.id == customerId;
    }
    return false;
}

bool AccessPolicy::canSeeApproval(const Principal &principal, const Approval &approval,
                                  ApprovalRepository::Route route)
{
    return sees(principal,
                route == ApprovalRepository::Route::Approvers ? LiveEvent::Audience::Approvers
                                                              : LiveEvent::Audience::Customer,
                approval.customer.id);
}

void AccessPolicy::restrictApprovals(const Principal &principal, ApprovalRepository::Query &query)
{
    if (principal.isStaff())
        return;
    query.restricted = true;
    query.routedToApprovers = sees(principal, LiveEvent::Audience::Approvers, QString());
    if (principal.hasRole(u"customer"))
        query.routedToCustomer = principal.id;
}

} // namespace mandate::server
