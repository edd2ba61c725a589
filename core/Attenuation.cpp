#include "core/Attenuation.h"

#include "core/Timestamp.h"

#include <QStringList>

#include <algorithm>

namespace mandate {

namespace {

// A money limit the parent sets must be set by the child too, in the same currency, and no higher.
void checkMoneyCap(const std::optional<Money> &parent, const std::optional<Money> &child, const QString &path,
                   QStringView label, FieldErrors &errors)
{
    if (!parent) {
        return;
    }
    if (!child) {
        errors.append(
            {path,
             QStringLiteral("Must be set: the parent's %1 is %2.").arg(label, parent->toDisplayString())});
        return;
    }
    const Expected<int, Money::Error> order = child->compare(*parent);
    if (!order) {
        errors.append(
            {path + QStringLiteral(".currency"),
             QStringLiteral("Must be %1, the currency of the parent's %2.").arg(parent->currency(), label)});
        return;
    }
    if (*order > 0) {
        errors.append({path + QStringLiteral(".amount_minor"),
                       QStringLiteral("%1 is above the parent's %2 of %3.")
                           .arg(child->toDisplayString(), label, parent->toDisplayString())});
    }
}

void checkSensitivityCeiling(const std::optional<Sensitivity> &parent,
                             const std::optional<Sensitivity> &child, const QString &path, QStringView label,
                             FieldErrors &errors)
{
    if (!parent) {
        return;
    }
    if (!child) {
        errors.append(
            {path,
             QStringLiteral("Must be set: the parent's %1 is %2.").arg(label, sensitivityToString(*parent))});
    } else if (*child > *parent) {
        errors.append({path, QStringLiteral("%1 is above the parent's %2 of %3.")
                                 .arg(sensitivityToString(*child), label, sensitivityToString(*parent))});
    }
}

void checkDestinations(const std::optional<QList<ResourcePattern>> &parent,
                       const std::optional<QList<ResourcePattern>> &child, const QString &path,
                       FieldErrors &errors)
{
    if (!parent) {
        return;
    }
    if (!child) {
        errors.append({path, QStringLiteral("Must be set: the parent only allows listed destinations.")});
        return;
    }
    for (qsizetype j = 0; j < child->size(); ++j) {
        const ResourcePattern &destination = child->at(j);
        const bool covered =
            std::any_of(parent->cbegin(), parent->cend(),
                        [&destination](const ResourcePattern &p) { return p.covers(destination); });
        if (!covered) {
            errors.append({QStringLiteral("%1[%2]").arg(path).arg(j),
                           QStringLiteral("%1 is not among the parent's allowed destinations.")
                               .arg(destination.text())});
        }
    }
}

FieldErrors scopeWidenings(const Scope &parent, const Scope &child, const QString &path)
{
    FieldErrors errors;
    checkMoneyCap(parent.maxPerAction, child.maxPerAction, path + QStringLiteral(".max_per_action"),
                  u"per-action limit", errors);
    checkMoneyCap(parent.maxTotal, child.maxTotal, path + QStringLiteral(".max_total"), u"total limit",
                  errors);
    if (parent.maxUses) {
        const QString usesPath = path + QStringLiteral(".max_uses");
        if (!child.maxUses) {
            errors.append(
                {usesPath, QStringLiteral("Must be set: the parent allows %1 uses.").arg(*parent.maxUses)});
        } else if (*child.maxUses > *parent.maxUses) {
            errors.append({usesPath, QStringLiteral("%1 uses is more than the parent's %2.")
                                         .arg(*child.maxUses)
                                         .arg(*parent.maxUses)});
        }
    }
    checkDestinations(parent.destinations, child.destinations, path + QStringLiteral(".destinations"),
                      errors);
    checkSensitivityCeiling(parent.maxSensitivity, child.maxSensitivity,
                            path + QStringLiteral(".max_sensitivity"), u"sensitivity ceiling", errors);
    if (parent.schedule) {
        const QString schedulePath = path + QStringLiteral(".schedule");
        if (!child.schedule)
            errors.append({schedulePath, QStringLiteral("Must be set: the parent may only be used %1.")
                                             .arg(parent.schedule->describe())});
        else if (!child.schedule->liesWithin(*parent.schedule))
            errors.append({schedulePath, QStringLiteral("Must lie within the parent's schedule, %1.")
                                             .arg(parent.schedule->describe())});
    }
    return errors;
}

// Appends the widenings not already reported for the same field, so a child compared with
// several parent scopes hears of each field once.
void appendNew(FieldErrors &into, const FieldErrors &widenings)
{
    for (const FieldError &widening : widenings) {
        const bool known = std::any_of(into.cbegin(), into.cend(), [&widening](const FieldError &e) {
            return e.field == widening.field;
        });
        if (!known) {
            into.append(widening);
        }
    }
}

// The engine decides a request under the parent's lowest-index scope that admits it, which may be
// any parent scope for the action that reaches one of the child's resources. So the child must stay
// within every one of them, not merely within one that covers it. A child scope whose resource no
// parent scope covers is still compared with the parent's scopes for the action, so one answer
// names every widening.
void checkScope(const Delegation &parent, const Scope &child, qsizetype index, FieldErrors &errors)
{
    const QString path = QStringLiteral("scopes[%1]").arg(index);
    QList<const Scope *> sameAction;
    QList<const Scope *> reaching;
    bool covered = false;
    for (const Scope &candidate : parent.scopes) {
        if (candidate.action != child.action) {
            continue;
        }
        sameAction.append(&candidate);
        if (candidate.resource.overlaps(child.resource)) {
            reaching.append(&candidate);
        }
        covered = covered || candidate.resource.covers(child.resource);
    }
    if (sameAction.isEmpty()) {
        errors.append({path + QStringLiteral(".action"),
                       QStringLiteral("The parent delegation does not allow %1.").arg(child.action)});
        return;
    }
    FieldErrors widenings;
    if (!covered) {
        widenings.append({path + QStringLiteral(".resource"),
                          QStringLiteral("%1 is outside the resources the parent allows for %2.")
                              .arg(child.resource.text(), child.action)});
    }
    for (const Scope *scope : std::as_const(reaching.isEmpty() ? sameAction : reaching)) {
        appendNew(widenings, scopeWidenings(*scope, child, path));
    }
    errors.append(widenings);
}

void checkStepUp(const std::optional<StepUpPolicy> &parent, const std::optional<StepUpPolicy> &child,
                 FieldErrors &errors)
{
    if (!parent) {
        return;
    }
    if (!child) {
        errors.append({QStringLiteral("step_up"),
                       QStringLiteral("Must be set: the parent requires step-up approval.")});
        return;
    }
    checkMoneyCap(parent->above, child->above, QStringLiteral("step_up.above"), u"step-up threshold", errors);
    checkSensitivityCeiling(parent->sensitivityAtOrAbove, child->sensitivityAtOrAbove,
                            QStringLiteral("step_up.sensitivity_at_or_above"), u"step-up sensitivity",
                            errors);
    // Who confirms is part of what the customer granted: routing the customer's confirmations to
    // approvers would take the customer out of the loop, and the reverse bypasses the approvers.
    if (child->approver != parent->approver) {
        errors.append({QStringLiteral("step_up.approver"),
                       parent->approver == StepUpApprover::Customer
                           ? QStringLiteral("Must be customer: the customer confirms the parent's step-ups.")
                           : QStringLiteral("Must be approver: the parent routes step-up to approvers.")});
    }
}

void checkDualControl(const std::optional<DualControlPolicy> &parent,
                      const std::optional<DualControlPolicy> &child, FieldErrors &errors)
{
    if (!parent) {
        return;
    }
    if (!child) {
        errors.append({QStringLiteral("dual_control"),
                       QStringLiteral("Must be set: the parent requires dual control.")});
        return;
    }
    checkMoneyCap(parent->above, child->above, QStringLiteral("dual_control.above"),
                  u"dual-control threshold", errors);
    QStringList missing;
    for (const QString &action : parent->actions) {
        if (!child->actions.contains(action)) {
            missing.append(action);
        }
    }
    if (!missing.isEmpty()) {
        errors.append({QStringLiteral("dual_control.actions"),
                       QStringLiteral("Must include %1: the parent requires dual control for it.")
                           .arg(missing.join(QStringLiteral(", ")))});
    }
}

void checkRevokeOn(const RevokeOn &parent, const RevokeOn &child, FieldErrors &errors)
{
    if (parent.taskComplete && !child.taskComplete) {
        errors.append({QStringLiteral("revoke_on.task_complete"),
                       QStringLiteral("Must be true: the parent ends when its task completes.")});
    }
    if (parent.contextChange && !child.contextChange) {
        errors.append({QStringLiteral("revoke_on.context_change"),
                       QStringLiteral("Must be true: the parent is revoked when its context changes.")});
    }
    if (parent.idleSeconds) {
        const QString path = QStringLiteral("revoke_on.idle_seconds");
        if (!child.idleSeconds) {
            errors.append({path, QStringLiteral("Must be set: the parent expires after %1 idle seconds.")
                                     .arg(*parent.idleSeconds)});
        } else if (*child.idleSeconds > *parent.idleSeconds) {
            errors.append({path, QStringLiteral("%1 idle seconds is longer than the parent's %2.")
                                     .arg(*child.idleSeconds)
                                     .arg(*parent.idleSeconds)});
        }
    }
}

} // namespace

FieldErrors Attenuation::check(const Delegation &parent, int parentDepth, const DelegationGrant &child)
{
    FieldErrors errors;
    if (parentDepth + 1 > MaxDepth) {
        errors.append(
            {QStringLiteral("parent_id"),
             QStringLiteral("Sub-delegations may be at most %1 levels deep; this one would be level %2.")
                 .arg(MaxDepth)
                 .arg(parentDepth + 1)});
    }
    if (child.expiresAt > parent.expiresAt) {
        errors.append(
            {QStringLiteral("expires_at"), QStringLiteral("Must not be later than the parent's expiry, %1.")
                                               .arg(formatTimestamp(parent.expiresAt))});
    }
    if (parent.notBefore && (!child.notBefore || *child.notBefore < *parent.notBefore)) {
        errors.append(
            {QStringLiteral("not_before"), QStringLiteral("Must not be earlier than the parent's start, %1.")
                                               .arg(formatTimestamp(*parent.notBefore))});
    }
    for (qsizetype i = 0; i < child.scopes.size(); ++i) {
        checkScope(parent, child.scopes.at(i), i, errors);
    }
    checkStepUp(parent.stepUp, child.stepUp, errors);
    checkDualControl(parent.dualControl, child.dualControl, errors);
    checkRevokeOn(parent.revokeOn, child.revokeOn, errors);
    return errors;
}

} // namespace mandate
