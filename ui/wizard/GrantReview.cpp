#include "ui/wizard/GrantReview.h"

#include "core/ActionCatalog.h"

namespace mandate::ui {

namespace {

constexpr qint64 SecondsPerMinute = 60;
constexpr qint64 SecondsPerHour = 60 * SecondsPerMinute;
constexpr qint64 SecondsPerDay = 24 * SecondsPerHour;

bool sharesExternally(const QString &action)
{
    return action == u"data.share_external";
}

bool handlesData(const QString &action)
{
    return action == u"data.read" || action == u"data.export" || sharesExternally(action);
}

// "a, b or c": the last pair joined by `lastPair` ("%1 or %2"), translatable unlike a bare separator.
QString joined(const QStringList &items, const QString &lastPair)
{
    if (items.size() < 2)
        return items.value(0);
    return lastPair.arg(items.first(items.size() - 1).join(GrantReview::tr(", ")), items.back());
}

QString capitalized(QString text)
{
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

QStringList patternTexts(const QList<ResourcePattern> &patterns)
{
    QStringList texts;
    for (const ResourcePattern &pattern : patterns)
        texts.append(pattern.text());
    return texts;
}

qsizetype valueMovingScopes(const DelegationGrant &grant)
{
    return std::count_if(grant.scopes.cbegin(), grant.scopes.cend(), [](const Scope &scope) {
        return ActionCatalog::builtIn().movesValue(scope.action);
    });
}

// The most a scope can spend without a total cap: each payment's cap times the number of uses.
std::optional<Money> impliedTotal(const Scope &scope)
{
    if (!scope.maxPerAction || !scope.maxUses)
        return std::nullopt;
    qint64 product = 0;
    if (__builtin_mul_overflow(scope.maxPerAction->amountMinor(), *scope.maxUses, &product))
        return std::nullopt;
    const auto total = Money::of(product, scope.maxPerAction->currency());
    return total ? std::optional<Money>(total.value()) : std::nullopt;
}

} // namespace

QStringList GrantSummary::sentences() const
{
    return QStringList{opening} + scopes + approvals + QStringList{lifetime};
}

QString GrantReview::actionPhrase(const QString &action, const QString &resource)
{
    if (action == u"payments.initiate")
        return tr("make payments from %1").arg(resource);
    if (action == u"data.read")
        return tr("read data in %1").arg(resource);
    if (action == u"data.export")
        return tr("export data from %1").arg(resource);
    if (action == u"records.update")
        return tr("update records in %1").arg(resource);
    if (action == u"records.delete")
        return tr("delete records in %1").arg(resource);
    if (sharesExternally(action))
        return tr("share data from %1 with people outside your organisation").arg(resource);
    return tr("perform \u201c%1\u201d on %2").arg(action, resource);
}

QString GrantReview::actionNoun(const QString &action)
{
    if (action == u"payments.initiate")
        return tr("payment");
    if (action == u"data.read")
        return tr("data read");
    if (action == u"data.export")
        return tr("data export");
    if (action == u"records.update")
        return tr("record update");
    if (action == u"records.delete")
        return tr("record deletion");
    if (sharesExternally(action))
        return tr("external share");
    return tr("\u201c%1\u201d request").arg(action);
}

QString GrantReview::sensitivityName(Sensitivity level)
{
    switch (level) {
    case Sensitivity::Public:
        return tr("public");
    case Sensitivity::Internal:
        return tr("internal");
    case Sensitivity::Confidential:
        return tr("confidential");
    case Sensitivity::Restricted:
        return tr("restricted");
    }
    Q_UNREACHABLE();
    return {};
}

QString GrantReview::shortDate(const QDateTime &at, const QDateTime &now, const QLocale &locale)
{
    const QDate date = at.toLocalTime().date();
    const bool sameYear = date.year() == now.toLocalTime().date().year();
    return locale.toString(date, sameYear ? QStringLiteral("d MMM") : QStringLiteral("d MMM yyyy"));
}

QString GrantReview::dateTime(const QDateTime &at, const QDateTime &now, const QLocale &locale)
{
    const QDateTime local = at.toLocalTime();
    return tr("%1 %2, %3")
        .arg(locale.toString(local.date(), QStringLiteral("ddd")), shortDate(at, now, locale),
             locale.toString(local.time(), locale.timeFormat(QLocale::ShortFormat)));
}

QString GrantReview::days(qint64 count)
{
    return count == 1 ? tr("1 day") : tr("%1 days").arg(count);
}

QString GrantReview::duration(qint64 seconds)
{
    if (seconds >= 2 * SecondsPerDay || (seconds >= SecondsPerDay && seconds % SecondsPerDay == 0))
        return days(seconds / SecondsPerDay);
    if (seconds >= SecondsPerHour && (seconds >= 2 * SecondsPerHour || seconds % SecondsPerHour == 0)) {
        const qint64 hours = seconds / SecondsPerHour;
        return hours == 1 ? tr("1 hour") : tr("%1 hours").arg(hours);
    }
    const qint64 minutes = qMax<qint64>(1, seconds / SecondsPerMinute);
    return minutes == 1 ? tr("1 minute") : tr("%1 minutes").arg(minutes);
}

namespace {

QString scopeSentence(const Scope &scope)
{
    QStringList limits;
    if (scope.maxPerAction)
        limits.append(GrantReview::tr("up to %1 each time").arg(scope.maxPerAction->toLocaleString()));
    if (scope.maxTotal)
        limits.append(GrantReview::tr("up to %1 in total").arg(scope.maxTotal->toLocaleString()));
    if (scope.maxUses)
        limits.append(*scope.maxUses == 1 ? GrantReview::tr("only once")
                                          : GrantReview::tr("at most %1 times").arg(*scope.maxUses));
    if (scope.destinations) {
        const QString list = joined(patternTexts(*scope.destinations), GrantReview::tr("%1 or %2"));
        limits.append(sharesExternally(scope.action) ? GrantReview::tr("only with %1").arg(list)
                                                     : GrantReview::tr("only to %1").arg(list));
    }
    if (scope.maxSensitivity) {
        limits.append(GrantReview::tr("only data up to %1 sensitivity")
                          .arg(GrantReview::sensitivityName(*scope.maxSensitivity)));
    }
    if (scope.schedule) {
        QStringList days;
        for (const int day : scope.schedule->days)
            days.append(QLocale().dayName(day, QLocale::ShortFormat));
        limits.append(GrantReview::tr("only %1 from %2 to %3 (%4 time)")
                          .arg(days.join(GrantReview::tr(", ")),
                               QLocale().toString(scope.schedule->from, QLocale::ShortFormat),
                               QLocale().toString(scope.schedule->to, QLocale::ShortFormat),
                               scope.schedule->timeZone));
    }
    const QString phrase = capitalized(GrantReview::actionPhrase(scope.action, scope.resource.text()));
    if (limits.isEmpty())
        return GrantReview::tr("%1, with no further limits.").arg(phrase);
    return GrantReview::tr("%1: %2.").arg(phrase, limits.join(GrantReview::tr(", ")));
}

QString stepUpSentence(const std::optional<StepUpPolicy> &stepUp)
{
    if (!stepUp)
        return GrantReview::tr("Nobody is asked to confirm a request before the agent acts.");
    QStringList conditions;
    if (stepUp->above)
        conditions.append(GrantReview::tr("any request above %1").arg(stepUp->above->toLocaleString()));
    if (stepUp->sensitivityAtOrAbove) {
        conditions.append(GrantReview::tr("any request touching %1 data or anything more sensitive")
                              .arg(GrantReview::sensitivityName(*stepUp->sensitivityAtOrAbove)));
    }
    const QString joined = conditions.join(GrantReview::tr(" and "));
    return stepUp->approver == StepUpApprover::Customer
               ? GrantReview::tr("You will be asked to confirm %1.").arg(joined)
               : GrantReview::tr("An approver will be asked to confirm %1.").arg(joined);
}

QString dualControlSentence(const DualControlPolicy &dual)
{
    QStringList conditions;
    if (dual.above)
        conditions.append(GrantReview::tr("any request above %1").arg(dual.above->toLocaleString()));
    for (const QString &action : dual.actions)
        conditions.append(GrantReview::tr("every %1").arg(GrantReview::actionNoun(action)));
    return GrantReview::tr("Two approvers other than you must both agree to %1.")
        .arg(joined(conditions, GrantReview::tr("%1 and %2")));
}

QString lifetimeSentence(const DelegationGrant &grant, const QDateTime &now, const QLocale &locale)
{
    QString text = GrantReview::tr("The grant ends on %1, %2 from now.")
                       .arg(GrantReview::dateTime(grant.expiresAt, now, locale),
                            GrantReview::duration(now.secsTo(grant.expiresAt)));
    if (grant.notBefore)
        text = GrantReview::tr("The agent may use it from %1.")
                   .arg(GrantReview::dateTime(*grant.notBefore, now, locale)) +
               u' ' + text;
    QStringList triggers;
    if (grant.revokeOn.taskComplete)
        triggers.append(GrantReview::tr("the agent reports the task complete"));
    if (grant.revokeOn.idleSeconds) {
        triggers.append(GrantReview::tr("the agent does nothing for %1")
                            .arg(GrantReview::duration(*grant.revokeOn.idleSeconds)));
    }
    if (grant.revokeOn.contextChange)
        triggers.append(GrantReview::tr("the agent's context changes, for example its software version"));
    if (!triggers.isEmpty()) {
        text +=
            u' ' +
            GrantReview::tr("It ends earlier as soon as %1.").arg(triggers.join(GrantReview::tr(", or ")));
    }
    return text + u' ' + GrantReview::tr("You can revoke it at any time.");
}

void scopeCallOuts(QList<ReviewCallOut> &out, const DelegationGrant &grant, qsizetype index,
                   const QDateTime &now, const QLocale &locale)
{
    using Kind = ReviewCallOut::Kind;
    const Scope &scope = grant.scopes.at(index);
    const QString resource = scope.resource.text();
    const auto add = [&](Kind kind, const QString &text) {
        out.append(ReviewCallOut{kind, index, text});
    };
    const QString until = GrantReview::shortDate(grant.expiresAt, now, locale);

    if (ActionCatalog::builtIn().movesValue(scope.action)) {
        if (!scope.maxTotal) {
            const QString what = valueMovingScopes(grant) > 1
                                     ? GrantReview::tr("No total cap on %1").arg(resource)
                                     : GrantReview::tr("No total cap");
            const auto implied = impliedTotal(scope);
            add(Kind::NoTotalCap,
                implied
                    ? GrantReview::tr("%1: the agent may spend up to %2 until %3.")
                          .arg(what, implied->toLocaleString(), until)
                    : GrantReview::tr("%1: the agent may spend without limit until %2.").arg(what, until));
        }
        if (!scope.maxPerAction) {
            add(Kind::NoPerActionCap,
                scope.maxTotal ? GrantReview::tr("No per-payment cap: a single payment from %1 may use the "
                                                 "whole total of %2.")
                                     .arg(resource, scope.maxTotal->toLocaleString())
                               : GrantReview::tr("No per-payment cap: a single payment from %1 may be of any "
                                                 "size.")
                                     .arg(resource));
        }
        if (!scope.destinations) {
            add(Kind::NoDestinationAllowlist,
                GrantReview::tr("No payee allowlist: the agent may pay anyone from %1.").arg(resource));
        }
    }
    if (sharesExternally(scope.action) && !scope.destinations) {
        add(Kind::NoDestinationAllowlist,
            GrantReview::tr("No recipient allowlist: the agent may share data from %1 with anyone.")
                .arg(resource));
    }
    if (scope.maxSensitivity == Sensitivity::Restricted) {
        add(Kind::BroadSensitivity, GrantReview::tr("Restricted data allowed: the agent may handle your most "
                                                    "sensitive data in %1.")
                                        .arg(resource));
    } else if (!scope.maxSensitivity && handlesData(scope.action)) {
        add(Kind::BroadSensitivity,
            GrantReview::tr("No sensitivity ceiling: the agent may handle data of any "
                            "sensitivity in %1, restricted data included.")
                .arg(resource));
    }
    if (scope.resource.isWildcard()) {
        add(Kind::WildcardResource,
            GrantReview::tr("Wildcard: %1 covers everything whose name starts with %2.")
                .arg(resource, resource.chopped(1)));
    }
    const bool deletesNeedTwo = grant.dualControl && grant.dualControl->actions.contains(scope.action);
    if (scope.action == u"records.delete" && !deletesNeedTwo) {
        add(Kind::DeleteWithoutDualControl,
            GrantReview::tr("Deletes without a second approver: the agent may delete records in %1 without "
                            "anyone else agreeing.")
                .arg(resource));
    }
}

} // namespace

GrantSummary GrantReview::describe(const DelegationGrant &grant, const QString &agentName,
                                   const QDateTime &now, const QLocale &locale)
{
    GrantSummary summary;
    summary.opening = tr("%1 may act on your behalf for this purpose: \u201c%2\u201d.")
                          .arg(agentName, grant.purpose.trimmed());
    for (const Scope &scope : grant.scopes)
        summary.scopes.append(scopeSentence(scope));
    summary.approvals.append(stepUpSentence(grant.stepUp));
    if (grant.dualControl)
        summary.approvals.append(dualControlSentence(*grant.dualControl));
    summary.lifetime = lifetimeSentence(grant, now, locale);

    for (qsizetype i = 0; i < grant.scopes.size(); ++i)
        scopeCallOuts(summary.callOuts, grant, i, now, locale);

    const bool paymentsAskFirst = grant.stepUp && grant.stepUp->above;
    if (valueMovingScopes(grant) > 0 && !paymentsAskFirst) {
        summary.callOuts.append(ReviewCallOut{
            ReviewCallOut::Kind::NoStepUpOnPayments, -1,
            tr("No confirmation on payments: nobody is asked before the agent pays, whatever the amount.")});
    }
    const qint64 lifetimeDays = now.secsTo(grant.expiresAt) / SecondsPerDay;
    if (lifetimeDays > LongLifetimeDays) {
        summary.callOuts.append(ReviewCallOut{
            ReviewCallOut::Kind::LongLifetime, -1,
            tr("Long lifetime: this grant lasts %1, until %2. A shorter grant is safer; you can always "
               "grant again.")
                .arg(days(lifetimeDays), shortDate(grant.expiresAt, now, locale))});
    }
    return summary;
}

} // namespace mandate::ui
