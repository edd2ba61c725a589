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

} // namespace mandate::server
