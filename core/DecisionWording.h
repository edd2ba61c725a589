#pragma once

#include "core/AuthorizeRequest.h"
#include "core/Delegation.h"
#include "core/Denial.h"
#include "core/Money.h"

#include <QString>

namespace mandate {

// The phrases the engine's messages are built from, so every check words a delegation, a limit and
// an amount the same way.
class DecisionWording
{
public:
    static QString capitalized(QString text);
    // How messages name a delegation: "this delegation" (the one the agent asked under) or
    // "ancestor delegation dlg_…" (one it derives from).
    static QString labelOf(const Delegation &delegation, const Delegation &requested);
    static QString possessive(const QString &label);
    static QString statedAmount(const AuthorizeRequest &request);
    static Denial currencyMismatch(const Money &amount, const QString &label, QStringView limitName,
                                   const Money &limit);
};

} // namespace mandate
