#pragma once

#include "core/Money.h"
#include "core/ResourcePattern.h"
#include "core/Schedule.h"
#include "core/Sensitivity.h"

#include <QList>
#include <QString>
#include <QtGlobal>

#include <optional>

namespace mandate {

// What one delegation lets its agent do: one action on resources matching one pattern, within
// optional value, use, destination and sensitivity limits.
struct Scope
{
    QString action;
    ResourcePattern resource;
    std::optional<Money> maxPerAction;
    std::optional<Money> maxTotal; // cumulative over the delegation and its sub-delegations
    std::optional<qint64> maxUses;
    std::optional<QList<ResourcePattern>> destinations; // allowlist; absent means any destination
    std::optional<Sensitivity> maxSensitivity;
    std::optional<Schedule> schedule; // absent means at any time

    friend bool operator==(const Scope &, const Scope &) = default;
};

// What a scope has used so far, including what its sub-delegations used through it.
struct ScopeUsage
{
    qint64 uses = 0;
    QList<Money> spent; // one entry per currency, in the order first spent

    friend bool operator==(const ScopeUsage &, const ScopeUsage &) = default;
};

} // namespace mandate
