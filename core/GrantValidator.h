#pragma once

#include "core/ActionCatalog.h"
#include "core/Delegation.h"
#include "core/FieldError.h"

#include <QDateTime>

namespace mandate {

// The limits every grant must satisfy beyond its shape: at least one scope, every limit positive,
// expiry in the future and at most 90 days ahead, purpose ≤ 500 characters, well-formed actions that are in
// the catalog.
class GrantValidator
{
public:
    static constexpr qint64 MaxLifetimeDays = 90;
    static constexpr qsizetype MaxPurposeLength = 500;
    static constexpr qsizetype MaxScopes = 64;
    static constexpr qsizetype MaxDestinations = 256;

    static FieldErrors validate(const DelegationGrant &grant, const QDateTime &now);
    // Well-formed actions the organisation's catalog does not have, each with the nearest name
    // (422 on the wire, where validate()'s errors are 400).
    static FieldErrors actionsNotInCatalog(const DelegationGrant &grant, const ActionCatalog &actions);
};

} // namespace mandate
