#include "models/DelegationFormatter.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>

namespace mandate::models {

namespace {

std::optional<Money> spentIn(const ScopeUsage &usage, const QString &currency)
{
    for (const Money &money : usage.spent) {
        if (money.currency() == currency)
            return money;
    }
    return std::nullopt;
}

double ratio(qint64 used, qint64 cap)
{
    return cap <= 0 ? 1.0 : qBound(0.0, static_cast<double>(used) / static_cast<double>(cap), 1.0);
}

} // namespace

QString DelegationFormatter::agentName(const Delegation &delegation)
{
    if (!delegation.chain.isEmpty() && delegation.chain.constLast().kind == ChainLink::Kind::Agent)
        return delegation.chain.constLast().name;
    return delegation.agentId;
}

QString DelegationFormatter::agentSpiffeId(const Delegation &delegation)
{
    if (!delegation.chain.isEmpty() && delegation.chain.constLast().kind == ChainLink::Kind::Agent)
        return delegation.chain.constLast().spiffeId;
    return {};
}

QString DelegationFormatter::customerName(const Delegation &delegation)
{
    if (!delegation.chain.isEmpty() && delegation.chain.constFirst().kind == ChainLink::Kind::Customer)
        return delegation.chain.constFirst().name;
    return delegation.customerId;
}

QString DelegationFormatter::statusText(DelegationStatus status)
{
    switch (status) {
    case DelegationStatus::Active:
        return tr("Active");
    case DelegationStatus::Revoked:
        return tr("Revoked");
    case DelegationStatus::Expired:
        return tr("Expired");
    case DelegationStatus::Completed:
        return tr("Completed");
    }
    return {};
}

QString DelegationFormatter::scopeUsageText(const Scope &scope, const ScopeUsage &usage)
{
    if (scope.maxTotal) {
        const Money spent = spentIn(usage, scope.maxTotal->currency())
                                .value_or(Money::of(0, scope.maxTotal->currency()).value());
        return tr("%1 of %2").arg(spent.toLocaleString(), scope.maxTotal->toLocaleString());
    }
    if (scope.maxUses)
        return tr("%1 of %2 uses").arg(usage.uses).arg(*scope.maxUses);
    if (!usage.spent.isEmpty())
        return tr("%1 spent, no total cap").arg(usage.spent.constFirst().toLocaleString());
    if (usage.uses > 0)
        return usage.uses == 1 ? tr("Used once, no cap") : tr("Used %1 times, no cap").arg(usage.uses);
    return tr("Not used yet");
}

std::optional<double> DelegationFormatter::scopeUsageFraction(const Scope &scope, const ScopeUsage &usage)
{
    std::optional<double> fraction;
    if (scope.maxTotal) {
        const auto spent = spentIn(usage, scope.maxTotal->currency());
        fraction = ratio(spent ? spent->amountMinor() : 0, scope.maxTotal->amountMinor());
    }
    if (scope.maxUses)
        fraction = qMax(fraction.value_or(0.0), ratio(usage.uses, *scope.maxUses));
    return fraction;
}

QString DelegationFormatter::usageText(const Delegation &delegation)
{
    // The scope closest to its cap is the one a person needs to know about.
    qsizetype governing = -1;
    double highest = -1.0;
    for (qsizetype i = 0; i < delegation.scopes.size() && i < delegation.scopeUsage.size(); ++i) {
        const auto fraction = scopeUsageFraction(delegation.scopes[i], delegation.scopeUsage[i]);
        if (fraction && *fraction > highest) {
            highest = *fraction;
            governing = i;
        }
    }
    if (governing >= 0)
        return scopeUsageText(delegation.scopes[governing], delegation.scopeUsage[governing]);
    if (!delegation.usage.spent.isEmpty())
        return tr("%1 spent, no total cap").arg(delegation.usage.spent.constFirst().toLocaleString());
    if (delegation.usage.uses > 0)
        return delegation.usage.uses == 1 ? tr("Used once, no cap")
                                          : tr("Used %1 times, no cap").arg(delegation.usage.uses);
    return tr("Not used yet");
}

std::optional<double> DelegationFormatter::usageFraction(const Delegation &delegation)
{
    std::optional<double> highest;
    for (qsizetype i = 0; i < delegation.scopes.size() && i < delegation.scopeUsage.size(); ++i) {
        if (const auto fraction = scopeUsageFraction(delegation.scopes[i], delegation.scopeUsage[i]))
            highest = qMax(highest.value_or(0.0), *fraction);
    }
    return highest;
}

QString DelegationFormatter::actionLabel(const QString &action)
{
    static const QHash<QString, const char *> Labels = {
        {QStringLiteral("payments.initiate"),
         QT_TRANSLATE_NOOP("mandate::models::DelegationFormatter", "Payments")},
        {QStringLiteral("data.read"), QT_TRANSLATE_NOOP("mandate::models::DelegationFormatter", "Read data")},
        {QStringLiteral("data.export"),
         QT_TRANSLATE_NOOP("mandate::models::DelegationFormatter", "Data export")},
        {QStringLiteral("records.update"),
         QT_TRANSLATE_NOOP("mandate::models::DelegationFormatter", "Update records")},
        {QStringLiteral("records.delete"),
         QT_TRANSLATE_NOOP("mandate::models::DelegationFormatter", "Delete records")},
        {QStringLiteral("data.share_external"),
         QT_TRANSLATE_NOOP("mandate::models::DelegationFormatter", "External sharing")}};
    const auto it = Labels.constFind(action);
    return it == Labels.cend() ? action : tr(*it);
}

QStringList DelegationFormatter::scopeLimits(const Scope &scope)
{
    QStringList limits;
    if (scope.maxPerAction)
        limits.append(tr("up to %1 per action").arg(scope.maxPerAction->toLocaleString()));
    if (scope.maxTotal)
        limits.append(tr("%1 in total").arg(scope.maxTotal->toLocaleString()));
    if (scope.maxUses)
        limits.append(*scope.maxUses == 1 ? tr("once") : tr("at most %1 times").arg(*scope.maxUses));
    if (scope.destinations) {
        QStringList names;
        for (const ResourcePattern &destination : *scope.destinations)
            names.append(destination.text());
        limits.append(tr("only to %1").arg(names.join(QStringLiteral(", "))));
    }
    if (scope.maxSensitivity)
        limits.append(tr("data up to %1").arg(sensitivityToString(*scope.maxSensitivity)));
    if (scope.schedule)
        limits.append(scheduleText(*scope.schedule));
    if (limits.isEmpty())
        limits.append(tr("no limits"));
    return limits;
}

QString DelegationFormatter::scheduleText(const Schedule &schedule)
{
    QStringList days;
    for (const int day : schedule.days)
        days.append(QLocale().dayName(day, QLocale::ShortFormat));
    return tr("only %1, %2–%3 (%4 time)")
        .arg(days.join(QStringLiteral(", ")), QLocale().toString(schedule.from, QLocale::ShortFormat),
             schedule.to == QTime(23, 59, 59, 999) ? QStringLiteral("24:00")
                                                   : QLocale().toString(schedule.to, QLocale::ShortFormat),
             schedule.timeZone);
}

QStringList DelegationFormatter::approvalRules(const Delegation &delegation)
{
    QStringList rules;
    if (const auto &stepUp = delegation.stepUp) {
        const QString who =
            stepUp->approver == StepUpApprover::Customer ? tr("the customer") : tr("an approver");
        if (stepUp->above)
            rules.append(tr("Above %1, %2 must confirm.").arg(stepUp->above->toLocaleString(), who));
        if (stepUp->sensitivityAtOrAbove)
            rules.append(tr("For %1 data or more, %2 must confirm.")
                             .arg(sensitivityToString(*stepUp->sensitivityAtOrAbove), who));
    }
    if (const auto &dual = delegation.dualControl) {
        if (dual->above)
            rules.append(tr("Above %1, two approvers must approve.").arg(dual->above->toLocaleString()));
        QStringList actions;
        for (const QString &action : dual->actions)
            actions.append(actionLabel(action));
        if (!actions.isEmpty())
            rules.append((actions.size() == 1 ? tr("%1 always needs two approvers.")
                                              : tr("%1 always need two approvers."))
                             .arg(actions.join(QStringLiteral(", "))));
    }
    return rules;
}

QStringList DelegationFormatter::revocationTriggers(const RevokeOn &revokeOn)
{
    QStringList triggers;
    if (revokeOn.taskComplete)
        triggers.append(tr("when the agent reports the task complete"));
    if (revokeOn.idleSeconds) {
        const qint64 minutes = *revokeOn.idleSeconds / 60;
        QString span;
        if (minutes >= 24 * 60 && minutes % (24 * 60) == 0)
            span = minutes == 24 * 60 ? tr("1 day") : tr("%1 days").arg(minutes / (24 * 60));
        else if (minutes >= 60 && minutes % 60 == 0)
            span = tr("%1 h").arg(minutes / 60);
        else
            span = tr("%1 min").arg(qMax<qint64>(1, minutes));
        triggers.append(tr("after %1 without use").arg(span));
    }
    if (revokeOn.contextChange)
        triggers.append(tr("when the agent's context changes (e.g. a new agent version)"));
    return triggers;
}

QString DelegationFormatter::relativeTime(const QDateTime &when, const QDateTime &now)
{
    const qint64 seconds = now.secsTo(when);
    const qint64 magnitude = qAbs(seconds);
    // Whole phrases, not "in %1" around an amount: German declines the amount ("in 6 Tagen").
    const bool future = seconds >= 0;
    if (magnitude < 60)
        return future ? tr("in less than a minute") : tr("less than a minute ago");
    if (magnitude < 3600)
        return (future ? tr("in %1 min") : tr("%1 min ago")).arg(magnitude / 60);
    if (magnitude < 48 * 3600)
        return (future ? tr("in %1 h") : tr("%1 h ago")).arg(magnitude / 3600);
    return (future ? tr("in %1 days") : tr("%1 days ago")).arg(magnitude / 86400);
}

QString DelegationFormatter::expiryText(const Delegation &delegation, const QDateTime &now)
{
    switch (delegation.status) {
    case DelegationStatus::Revoked:
        return tr("Revoked");
    case DelegationStatus::Completed:
        return tr("Completed");
    case DelegationStatus::Expired:
        return tr("Expired %1").arg(relativeTime(delegation.expiresAt, now));
    case DelegationStatus::Active:
        break;
    }
    if (delegation.expiresAt <= now)
        return tr("Expired %1").arg(relativeTime(delegation.expiresAt, now));
    return relativeTime(delegation.expiresAt, now);
}

} // namespace mandate::models
