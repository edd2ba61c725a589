#pragma once

#include "core/AuthorizeRequest.h"
#include "core/Delegation.h"
#include "core/Denial.h"
#include "core/Expected.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace mandate {

// What one delegation's scopes say about one request. `label` names the delegation in messages
// (DecisionWording::labelOf).
class ScopeLimits
{
public:
    // Narrows the delegation's scopes to those admitting the request (action, resource,
    // destination, sensitivity ceiling), step by step, so a denial names the first property no
    // scope admits. The lowest remaining index governs the request.
    static Expected<qsizetype, Denial> governingScope(const Delegation &delegation, const QString &label,
                                                      const AuthorizeRequest &request);
    static std::optional<Denial> perActionDenial(const Scope &scope, const QString &label,
                                                 const AuthorizeRequest &request);
    // The scope's schedule at `now` (the request's moment, read in the schedule's own time zone).
    static std::optional<Denial> scheduleDenial(const Scope &scope, const QString &label,
                                                const QDateTime &now);
    // The governing scope's total and uses, and whether the amount can be recorded at all.
    static std::optional<Denial> cumulativeDenial(const Delegation &delegation, qsizetype scopeIndex,
                                                  const QString &label, const AuthorizeRequest &request);
};

} // namespace mandate
