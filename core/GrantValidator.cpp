#include "core/GrantValidator.h"

#include "core/ActionCatalog.h"
#include "core/JsonReader.h"
#include "core/ResourcePattern.h"
#include "core/SpiffeId.h"

#include <QTimeZone>

namespace mandate {

namespace {

constexpr qint64 MinIdleSeconds = 60;
constexpr qint64 SecondsPerDay = 24 * 60 * 60;

void add(FieldErrors &errors, const QString &field, const QString &message)
{
    errors.append(FieldError{field, message});
}

QString indexed(const QString &path, qsizetype index)
{
    return path + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

void checkAction(FieldErrors &errors, const QString &path, const QString &action)
{
    if (!ActionCatalog::isWellFormed(action))
        add(errors, path, ActionCatalog::wellFormedRule());
}

void checkCatalog(FieldErrors &errors, const QString &path, const QString &action,
                  const ActionCatalog &actions)
{
    if (ActionCatalog::isWellFormed(action) && !actions.contains(action))
        add(errors, path, actions.unknownMessage(action));
}

void checkPositive(FieldErrors &errors, const QString &path, const std::optional<Money> &money)
{
    if (money && money->amountMinor() <= 0)
        add(errors, path + QStringLiteral(".amount_minor"), QStringLiteral("must be greater than 0"));
}

void checkPattern(FieldErrors &errors, const QString &path, const ResourcePattern &pattern)
{
    const auto parsed = ResourcePattern::parse(pattern.text());
    if (!parsed)
        add(errors, path, parsed.error());
}

void checkScope(FieldErrors &errors, const QString &path, const Scope &scope)
{
    checkAction(errors, path + QStringLiteral(".action"), scope.action);
    checkPattern(errors, path + QStringLiteral(".resource"), scope.resource);
    checkPositive(errors, path + QStringLiteral(".max_per_action"), scope.maxPerAction);
    checkPositive(errors, path + QStringLiteral(".max_total"), scope.maxTotal);
    if (scope.maxPerAction && scope.maxTotal &&
        scope.maxPerAction->currency() == scope.maxTotal->currency() &&
        scope.maxPerAction->amountMinor() > scope.maxTotal->amountMinor()) {
        add(errors, path + QStringLiteral(".max_per_action.amount_minor"),
            QStringLiteral("must not be greater than max_total"));
    }
    if (scope.maxUses && *scope.maxUses < 1)
        add(errors, path + QStringLiteral(".max_uses"), QStringLiteral("must be at least 1"));
    if (scope.destinations) {
        const QString destinationsPath = path + QStringLiteral(".destinations");
        if (scope.destinations->isEmpty()) {
            add(errors, destinationsPath,
                QStringLiteral("must not be empty (leave it out to allow any destination)"));
        } else if (scope.destinations->size() > GrantValidator::MaxDestinations) {
            add(errors, destinationsPath,
                QStringLiteral("must have at most %1 items").arg(GrantValidator::MaxDestinations));
        } else {
            for (qsizetype i = 0; i < scope.destinations->size(); ++i)
                checkPattern(errors, indexed(destinationsPath, i), scope.destinations->at(i));
        }
    }
    if (scope.schedule) {
        const QString schedulePath = path + QStringLiteral(".schedule");
        if (!QTimeZone(scope.schedule->timeZone.toUtf8()).isValid())
            add(errors, schedulePath + QStringLiteral(".time_zone"),
                QStringLiteral("is not a known time zone"));
        if (scope.schedule->days.isEmpty())
            add(errors, schedulePath + QStringLiteral(".days"), QStringLiteral("must name at least one day"));
        if (scope.schedule->from.isValid() && scope.schedule->to.isValid() &&
            scope.schedule->from >= scope.schedule->to)
            add(errors, schedulePath + QStringLiteral(".to"), QStringLiteral("must be later than from"));
    }
}

void checkExpiry(FieldErrors &errors, const QDateTime &expiresAt, const QDateTime &now)
{
    const QString field = QStringLiteral("expires_at");
    if (!expiresAt.isValid())
        add(errors, field, QStringLiteral("is required"));
    else if (expiresAt <= now)
        add(errors, field, QStringLiteral("must be in the future"));
    else if (expiresAt > now.addSecs(GrantValidator::MaxLifetimeDays * SecondsPerDay))
        add(errors, field,
            QStringLiteral("must be at most %1 days ahead").arg(GrantValidator::MaxLifetimeDays));
}

void checkStepUp(FieldErrors &errors, const StepUpPolicy &policy)
{
    if (!policy.above && !policy.sensitivityAtOrAbove)
        add(errors, QStringLiteral("step_up"), QStringLiteral("must set above or sensitivity_at_or_above"));
    checkPositive(errors, QStringLiteral("step_up.above"), policy.above);
}

void checkDualControl(FieldErrors &errors, const DualControlPolicy &policy)
{
    if (!policy.above && policy.actions.isEmpty())
        add(errors, QStringLiteral("dual_control"), QStringLiteral("must set above or at least one action"));
    checkPositive(errors, QStringLiteral("dual_control.above"), policy.above);
    for (qsizetype i = 0; i < policy.actions.size(); ++i) {
        checkAction(errors, indexed(QStringLiteral("dual_control.actions"), i), policy.actions.at(i));
    }
}

} // namespace

FieldErrors GrantValidator::validate(const DelegationGrant &grant, const QDateTime &now)
{
    FieldErrors errors;

    if (!grant.agentSpiffeId.isEmpty()) {
        const auto spiffeId = SpiffeId::parse(grant.agentSpiffeId);
        if (!spiffeId)
            add(errors, QStringLiteral("agent_spiffe_id"), spiffeId.error());
    }

    if (grant.purpose.trimmed().isEmpty())
        add(errors, QStringLiteral("purpose"), QStringLiteral("must not be empty"));
    else if (JsonReader::codePointCount(grant.purpose) > MaxPurposeLength)
        add(errors, QStringLiteral("purpose"),
            QStringLiteral("must be at most %1 characters").arg(MaxPurposeLength));

    checkExpiry(errors, grant.expiresAt, now);
    if (grant.notBefore && grant.expiresAt.isValid() && *grant.notBefore >= grant.expiresAt)
        add(errors, QStringLiteral("not_before"), QStringLiteral("must be earlier than expires_at"));

    const QString scopesPath = QStringLiteral("scopes");
    if (grant.scopes.isEmpty()) {
        add(errors, scopesPath, QStringLiteral("must have at least one scope"));
    } else if (grant.scopes.size() > MaxScopes) {
        add(errors, scopesPath, QStringLiteral("must have at most %1 items").arg(MaxScopes));
    } else {
        for (qsizetype i = 0; i < grant.scopes.size(); ++i)
            checkScope(errors, indexed(scopesPath, i), grant.scopes.at(i));
    }

    if (grant.stepUp)
        checkStepUp(errors, *grant.stepUp);
    if (grant.dualControl)
        checkDualControl(errors, *grant.dualControl);

    if (grant.revokeOn.idleSeconds) {
        const qint64 maxIdleSeconds = MaxLifetimeDays * SecondsPerDay;
        if (*grant.revokeOn.idleSeconds < MinIdleSeconds || *grant.revokeOn.idleSeconds > maxIdleSeconds) {
            add(errors, QStringLiteral("revoke_on.idle_seconds"),
                QStringLiteral("must be between %1 and %2").arg(MinIdleSeconds).arg(maxIdleSeconds));
        }
    }
    return errors;
}

FieldErrors GrantValidator::actionsNotInCatalog(const DelegationGrant &grant, const ActionCatalog &actions)
{
    FieldErrors errors;
    for (qsizetype i = 0; i < grant.scopes.size(); ++i)
        checkCatalog(errors, indexed(QStringLiteral("scopes"), i) + QStringLiteral(".action"),
                     grant.scopes.at(i).action, actions);
    if (grant.dualControl) {
        for (qsizetype i = 0; i < grant.dualControl->actions.size(); ++i)
            checkCatalog(errors, indexed(QStringLiteral("dual_control.actions"), i),
                         grant.dualControl->actions.at(i), actions);
    }
    return errors;
}

} // namespace mandate
