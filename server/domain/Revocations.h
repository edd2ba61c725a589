#pragma once

#include "core/Clock.h"
#include "server/http/Principal.h"
#include "server/store/DelegationRepository.h"

#include <QStringList>

#include <optional>

namespace mandate::server {

class Store;

// Revocation as every route does it: whole trees at once (a delegation and everything delegated
// onwards from it), one audit event per delegation that changed and the Shared Signals events
// announcing it (SignalOutbox), inside the caller's transaction.
class Revocations
{
public:
    // The ids revoked (already-inactive ones are left alone); nullopt on a store error.
    static std::optional<QStringList> revoke(Store &store, const Clock &clock,
                                             DelegationRepository::Roots roots, const QString &key,
                                             const Principal &actor, const QString &reason,
                                             const QString &cause);
};

} // namespace mandate::server
