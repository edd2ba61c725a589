#include "core/DelegationCodec.h"

#include "core/GrantValidator.h"
#include "core/JsonNullable.h"
#include "core/Timestamp.h"

#include <QJsonArray>

#include <algorithm>
#include <limits>

namespace mandate {

namespace {

QJsonValue timestampOrNull(const std::optional<QDateTime> &at)
{
    return at ? QJsonValue(formatTimestamp(*at)) : QJsonValue(QJsonValue::Null);
}

QString approverToString(StepUpApprover approver)
{
    return approver == StepUpApprover::Approver ? QStringLiteral("approver") : QStringLiteral("customer");
}

std::optional<StepUpApprover> approverFromString(QStringView text)
{
    if (text == u"customer")
        return StepUpApprover::Customer;
    if (text == u"approver")
        return StepUpApprover::Approver;
    return std::nullopt;
}

QJsonArray patternsToJson(const QList<ResourcePattern> &patterns)
{
    QJsonArray array;
    for (const ResourcePattern &pattern : patterns)
        array.append(pattern.text());
    return array;
}

QJsonArray moneyListToJson(const QList<Money> &amounts)
{
    QJsonArray array;
    for (const Money &money : amounts)
        array.append(DelegationCodec::moneyToJson(money));
    return array;
}

QJsonValue stepUpToJson(const std::optional<StepUpPolicy> &policy)
{
    if (!policy)
        return QJsonValue::Null;
    return QJsonObject{
        {QStringLiteral("above"), DelegationCodec::moneyToJson(policy->above)},
        {QStringLiteral("sensitivity_at_or_above"),
         policy->sensitivityAtOrAbove ? QJsonValue(sensitivityToString(*policy->sensitivityAtOrAbove))
                                      : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("approver"), approverToString(policy->approver)},
    };
}

QJsonValue dualControlToJson(const std::optional<DualControlPolicy> &policy)
{
    if (!policy)
        return QJsonValue::Null;
    return QJsonObject{
        {QStringLiteral("above"), DelegationCodec::moneyToJson(policy->above)},
        {QStringLiteral("actions"), QJsonArray::fromStringList(policy->actions)},
    };
}

QJsonObject revokeOnToJson(const RevokeOn &revokeOn)
{
    return {
        {QStringLiteral("task_complete"), revokeOn.taskComplete},
        {QStringLiteral("idle_seconds"),
         revokeOn.idleSeconds ? QJsonValue(*revokeOn.idleSeconds) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("context_change"), revokeOn.contextChange},
    };
}

QJsonArray scopesToJson(const QList<Scope> &scopes)
{
    QJsonArray array;
    for (const Scope &scope : scopes)
        array.append(DelegationCodec::scopeToJson(scope));
    return array;
}

std::optional<ResourcePattern> readPattern(JsonReader &reader, QStringView key)
{
    const auto text = reader.requiredString(key);
    if (!text)
        return std::nullopt;
    auto pattern = ResourcePattern::parse(*text);
    if (!pattern) {
        reader.addError(key, pattern.error());
        return std::nullopt;
    }
    return pattern.value();
}

// Absent means "any destination"; every item must be a valid pattern.
std::optional<QList<ResourcePattern>> readDestinations(JsonReader &reader)
{
    const auto texts = reader.optionalStringArray(u"destinations", GrantValidator::MaxDestinations);
    if (!texts)
        return std::nullopt;
    QList<ResourcePattern> patterns;
    for (qsizetype i = 0; i < texts->size(); ++i) {
        auto pattern = ResourcePattern::parse(texts->at(i));
        if (pattern)
            patterns.append(pattern.value());
        else
            reader.errors()->append(FieldError{reader.arrayPath(u"destinations", i), pattern.error()});
    }
    return patterns;
}

QJsonObject scheduleToJson(const Schedule &schedule)
{
    QJsonArray days;
    for (const int day : schedule.days)
        days.append(Schedule::dayName(day));
    return {{QStringLiteral("time_zone"), schedule.timeZone},
            {QStringLiteral("days"), days},
            {QStringLiteral("from"), schedule.from.toString(QStringLiteral("HH:mm"))},
            {QStringLiteral("to"), schedule.to.toString(QStringLiteral("HH:mm"))}};
}

std::optional<QTime> readScheduleClock(JsonReader &reader, QStringView key)
{
    const auto text = reader.requiredString(key, 5);
    if (!text)
        return std::nullopt;
    const QTime clock = QTime::fromString(*text, QStringLiteral("HH:mm"));
    if (!clock.isValid() && *text != QLatin1String("24:00")) {
        reader.addError(key, QStringLiteral("must be a time of day as HH:MM"));
        return std::nullopt;
    }
    // 24:00 ends a window at midnight; QTime has no such value, so the last millisecond stands in.
    return clock.isValid() ? clock : QTime(23, 59, 59, 999);
}

// Shape only, like the rest of the scope: GrantValidator says whether the zone exists and the
// window makes sense.
std::optional<Schedule> readScopeSchedule(JsonReader &reader)
{
    auto scheduleReader = reader.optionalObject(u"schedule");
    if (!scheduleReader)
        return std::nullopt;
    Schedule schedule;
    schedule.timeZone = scheduleReader->requiredNonEmptyString(u"time_zone", 64).value_or(QString());
    if (const auto days = scheduleReader->requiredStringArray(u"days", 7, 3)) {
        for (const QString &name : *days) {
            const std::optional<int> day = Schedule::dayFromName(name);
            if (!day || schedule.days.contains(*day)) {
                scheduleReader->addError(u"days", QStringLiteral("must name distinct days: mon, tue, wed, "
                                                                 "thu, fri, sat, sun"));
                break;
            }
            schedule.days.append(*day);
        }
        std::sort(schedule.days.begin(), schedule.days.end());
    }
    schedule.from = readScheduleClock(*scheduleReader, u"from").value_or(QTime());
    schedule.to = readScheduleClock(*scheduleReader, u"to").value_or(QTime());
    scheduleReader->finish();
    return schedule;
}

// The fields of a scope, leaving the reader open for the "used" extension.
std::optional<Scope> readScopeFields(JsonReader &reader)
{
    const qsizetype errorsBefore = reader.errors()->size();
    Scope scope;
    scope.action = reader.requiredString(u"action").value_or(QString());
    scope.resource = readPattern(reader, u"resource").value_or(ResourcePattern());
    scope.maxPerAction = reader.optionalMoney(u"max_per_action");
    scope.maxTotal = reader.optionalMoney(u"max_total");
    // Shape only: GrantValidator explains what a sensible limit is.
    scope.maxUses = reader.optionalInteger(u"max_uses", JsonReader::IntegerMin, JsonReader::IntegerMax);
    scope.destinations = readDestinations(reader);
    scope.maxSensitivity = reader.optionalSensitivity(u"max_sensitivity");
    scope.schedule = readScopeSchedule(reader);
    if (reader.errors()->size() != errorsBefore)
        return std::nullopt;
    return scope;
}

ScopeUsage readScopeUsage(JsonReader &reader)
{
    ScopeUsage usage;
    usage.uses = reader.requiredInteger(u"uses", 0, JsonReader::IntegerMax).value_or(0);
    if (const auto spent = reader.optionalMoney(u"spent"))
        usage.spent.append(*spent);
    reader.finish();
    return usage;
}

StepUpPolicy readStepUp(JsonReader &reader)
{
    StepUpPolicy policy;
    policy.above = reader.optionalMoney(u"above");
    policy.sensitivityAtOrAbove = reader.optionalSensitivity(u"sensitivity_at_or_above");
    if (const auto approver = reader.optionalString(u"approver")) {
        if (const auto routing = approverFromString(*approver))
            policy.approver = *routing;
        else
            reader.addError(u"approver", QStringLiteral("must be one of customer, approver"));
    }
    reader.finish();
    return policy;
}

DualControlPolicy readDualControl(JsonReader &reader)
{
    DualControlPolicy policy;
    policy.above = reader.optionalMoney(u"above");
    policy.actions = reader.optionalStringArray(u"actions", DelegationCodec::MaxDualControlActions)
                         .value_or(QStringList());
    reader.finish();
    return policy;
}

RevokeOn readRevokeOn(JsonReader &reader)
{
    RevokeOn revokeOn;
    revokeOn.taskComplete = reader.optionalBool(u"task_complete").value_or(false);
    revokeOn.idleSeconds =
        reader.optionalInteger(u"idle_seconds", JsonReader::IntegerMin, JsonReader::IntegerMax);
    revokeOn.contextChange = reader.optionalBool(u"context_change").value_or(false);
    reader.finish();
    return revokeOn;
}

// scopes, step_up, dual_control and revoke_on: the policy a grant and a delegation share. Each
// scope's "used" extension is read into `scopeUsage` when it is given.
struct Policy
{
    QList<Scope> scopes;
    QList<ScopeUsage> scopeUsage;
    std::optional<StepUpPolicy> stepUp;
    std::optional<DualControlPolicy> dualControl;
    RevokeOn revokeOn;
};

Policy readPolicy(JsonReader &reader, bool withScopeUsage)
{
    Policy policy;
    if (const auto scopes = reader.requiredArray(u"scopes", GrantValidator::MaxScopes)) {
        for (qsizetype i = 0; i < scopes->size(); ++i) {
            auto scopeReader = reader.arrayObject(u"scopes", *scopes, i);
            if (!scopeReader)
                continue;
            if (const auto scope = readScopeFields(*scopeReader))
                policy.scopes.append(*scope);
            if (withScopeUsage) {
                auto usageReader = scopeReader->optionalObject(u"used");
                policy.scopeUsage.append(usageReader ? readScopeUsage(*usageReader) : ScopeUsage());
            }
            scopeReader->finish();
        }
    }
    if (auto stepUp = reader.optionalObject(u"step_up"))
        policy.stepUp = readStepUp(*stepUp);
    if (auto dualControl = reader.optionalObject(u"dual_control"))
        policy.dualControl = readDualControl(*dualControl);
    if (auto revokeOn = reader.optionalObject(u"revoke_on"))
        policy.revokeOn = readRevokeOn(*revokeOn);
    return policy;
}

Usage readUsage(JsonReader &reader)
{
    Usage usage;
    usage.uses = reader.requiredInteger(u"uses", 0, JsonReader::IntegerMax).value_or(0);
    usage.spent =
        reader.requiredMoneyArray(u"spent", DelegationCodec::MaxCurrencies).value_or(QList<Money>());
    usage.lastUsedAt = reader.optionalTimestamp(u"last_used_at");
    reader.finish();
    return usage;
}

} // namespace

QJsonObject DelegationCodec::moneyToJson(const Money &money)
{
    return {{QStringLiteral("amount_minor"), money.amountMinor()},
            {QStringLiteral("currency"), money.currency()}};
}

QJsonValue DelegationCodec::moneyToJson(const std::optional<Money> &money)
{
    return money ? QJsonValue(moneyToJson(*money)) : QJsonValue(QJsonValue::Null);
}

QJsonObject DelegationCodec::scopeToJson(const Scope &scope)
{
    QJsonObject json{
        {QStringLiteral("action"), scope.action},
        {QStringLiteral("resource"), scope.resource.text()},
        {QStringLiteral("max_per_action"), moneyToJson(scope.maxPerAction)},
        {QStringLiteral("max_total"), moneyToJson(scope.maxTotal)},
        {QStringLiteral("max_uses"),
         scope.maxUses ? QJsonValue(*scope.maxUses) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("destinations"),
         scope.destinations ? QJsonValue(patternsToJson(*scope.destinations)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("max_sensitivity"), scope.maxSensitivity
                                                ? QJsonValue(sensitivityToString(*scope.maxSensitivity))
                                                : QJsonValue(QJsonValue::Null)},
    };
    // Only when set, so scopes without a schedule read exactly as before.
    if (scope.schedule)
        json.insert(QStringLiteral("schedule"), scheduleToJson(*scope.schedule));
    return json;
}

QJsonObject DelegationCodec::scopeUsageToJson(const ScopeUsage &usage, const Scope &scope)
{
    return {{QStringLiteral("uses"), usage.uses},
            {QStringLiteral("spent"), moneyToJson(shownSpent(usage, scope))}};
}

std::optional<Money> DelegationCodec::shownSpent(const ScopeUsage &usage, const Scope &scope)
{
    std::optional<Money> shown;
    if (!usage.spent.isEmpty())
        shown = usage.spent.constFirst();
    if (scope.maxTotal) {
        const auto inCapCurrency =
            std::find_if(usage.spent.cbegin(), usage.spent.cend(),
                         [&](const Money &spent) { return spent.currency() == scope.maxTotal->currency(); });
        if (inCapCurrency != usage.spent.cend())
            shown = *inCapCurrency;
    }
    return shown;
}

QJsonObject DelegationCodec::chainLinkToJson(const ChainLink &link)
{
    QJsonObject json{
        {QStringLiteral("kind"),
         link.kind == ChainLink::Kind::Agent ? QStringLiteral("agent") : QStringLiteral("customer")},
        {QStringLiteral("id"), link.id},
        {QStringLiteral("name"), link.name},
    };
    if (link.kind == ChainLink::Kind::Agent)
        json.insert(QStringLiteral("spiffe_id"), link.spiffeId);
    return json;
}

std::optional<Scope> DelegationCodec::scopeFromJson(JsonReader &reader)
{
    const qsizetype errorsBefore = reader.errors()->size();
    auto scope = readScopeFields(reader);
    reader.finish();
    if (reader.errors()->size() != errorsBefore)
        return std::nullopt;
    return scope;
}

std::optional<ChainLink> DelegationCodec::chainLinkFromJson(JsonReader &reader)
{
    const qsizetype errorsBefore = reader.errors()->size();
    ChainLink link;
    if (const auto kind = reader.requiredString(u"kind")) {
        if (*kind == u"agent")
            link.kind = ChainLink::Kind::Agent;
        else if (*kind != u"customer")
            reader.addError(u"kind", QStringLiteral("must be one of customer, agent"));
    }
    link.id = reader.requiredString(u"id").value_or(QString());
    link.name = reader.requiredString(u"name").value_or(QString());
    if (link.kind == ChainLink::Kind::Agent) {
        link.spiffeId = reader.requiredString(u"spiffe_id").value_or(QString());
    } else if (reader.optionalString(u"spiffe_id")) {
        reader.addError(u"spiffe_id", QStringLiteral("only agent links have a SPIFFE ID"));
    }
    reader.finish();
    if (reader.errors()->size() != errorsBefore)
        return std::nullopt;
    return link;
}

QJsonObject DelegationCodec::toJson(const Delegation &delegation)
{
    QJsonArray scopes;
    for (qsizetype i = 0; i < delegation.scopes.size(); ++i) {
        const Scope &scope = delegation.scopes.at(i);
        QJsonObject json = scopeToJson(scope);
        json.insert(
            QStringLiteral("used"),
            scopeUsageToJson(i < delegation.scopeUsage.size() ? delegation.scopeUsage.at(i) : ScopeUsage(),
                             scope));
        scopes.append(json);
    }
    QJsonArray chain;
    for (const ChainLink &link : delegation.chain)
        chain.append(chainLinkToJson(link));

    return {
        {QStringLiteral("id"), delegation.id},
        {QStringLiteral("customer_id"), delegation.customerId},
        {QStringLiteral("agent_id"), delegation.agentId},
        {QStringLiteral("parent_id"), stringOrNull(delegation.parentId)},
        {QStringLiteral("purpose"), delegation.purpose},
        {QStringLiteral("status"), delegationStatusToString(delegation.status)},
        {QStringLiteral("created_at"), formatTimestamp(delegation.createdAt)},
        {QStringLiteral("expires_at"), formatTimestamp(delegation.expiresAt)},
        {QStringLiteral("not_before"), timestampOrNull(delegation.notBefore)},
        {QStringLiteral("revoked_at"), timestampOrNull(delegation.revokedAt)},
        {QStringLiteral("revoked_by"), stringOrNull(delegation.revokedBy)},
        {QStringLiteral("revoke_reason"), stringOrNull(delegation.revokeReason)},
        {QStringLiteral("scopes"), scopes},
        {QStringLiteral("step_up"), stepUpToJson(delegation.stepUp)},
        {QStringLiteral("dual_control"), dualControlToJson(delegation.dualControl)},
        {QStringLiteral("revoke_on"), revokeOnToJson(delegation.revokeOn)},
        {QStringLiteral("usage"),
         QJsonObject{{QStringLiteral("uses"), delegation.usage.uses},
                     {QStringLiteral("spent"), moneyListToJson(delegation.usage.spent)},
                     {QStringLiteral("last_used_at"), timestampOrNull(delegation.usage.lastUsedAt)}}},
        {QStringLiteral("chain"), chain},
        {QStringLiteral("children"), QJsonArray::fromStringList(delegation.children)},
    };
}

Expected<Delegation, FieldErrors> DelegationCodec::fromJson(const QJsonObject &json)
{
    FieldErrors errors;
    JsonReader reader(json, QString(), &errors);
    Delegation delegation;
    delegation.id = reader.requiredNonEmptyString(u"id").value_or(QString());
    delegation.customerId = reader.requiredNonEmptyString(u"customer_id").value_or(QString());
    delegation.agentId = reader.requiredNonEmptyString(u"agent_id").value_or(QString());
    delegation.parentId = reader.optionalString(u"parent_id");
    delegation.purpose = reader.requiredString(u"purpose").value_or(QString());
    if (const auto status = reader.requiredString(u"status")) {
        if (const auto parsed = delegationStatusFromString(*status))
            delegation.status = *parsed;
        else
            reader.addError(u"status", QStringLiteral("must be one of active, revoked, expired, completed"));
    }
    delegation.createdAt = reader.requiredTimestamp(u"created_at").value_or(QDateTime());
    delegation.expiresAt = reader.requiredTimestamp(u"expires_at").value_or(QDateTime());
    delegation.notBefore = reader.optionalTimestamp(u"not_before");
    delegation.revokedAt = reader.optionalTimestamp(u"revoked_at");
    delegation.revokedBy = reader.optionalString(u"revoked_by");
    delegation.revokeReason = reader.optionalString(u"revoke_reason");

    Policy policy = readPolicy(reader, true);
    delegation.scopes = std::move(policy.scopes);
    delegation.scopeUsage = std::move(policy.scopeUsage);
    delegation.stepUp = std::move(policy.stepUp);
    delegation.dualControl = std::move(policy.dualControl);
    delegation.revokeOn = policy.revokeOn;

    if (auto usage = reader.requiredObject(u"usage"))
        delegation.usage = readUsage(*usage);
    if (const auto chain = reader.requiredArray(u"chain", MaxChainLinks)) {
        for (qsizetype i = 0; i < chain->size(); ++i) {
            if (auto linkReader = reader.arrayObject(u"chain", *chain, i)) {
                if (const auto link = chainLinkFromJson(*linkReader))
                    delegation.chain.append(*link);
            }
        }
    }
    delegation.children = reader.optionalStringArray(u"children", MaxChildren).value_or(QStringList());
    reader.finish();

    if (!errors.isEmpty())
        return unexpected(std::move(errors));
    return delegation;
}

QJsonObject DelegationCodec::grantToJson(const DelegationGrant &grant, GrantKind kind)
{
    QJsonObject json{
        {QStringLiteral("purpose"), grant.purpose},
        {QStringLiteral("expires_at"), formatTimestamp(grant.expiresAt)},
        {QStringLiteral("scopes"), scopesToJson(grant.scopes)},
        {QStringLiteral("step_up"), stepUpToJson(grant.stepUp)},
        {QStringLiteral("dual_control"), dualControlToJson(grant.dualControl)},
        {QStringLiteral("revoke_on"), revokeOnToJson(grant.revokeOn)},
    };
    if (grant.notBefore)
        json.insert(QStringLiteral("not_before"), formatTimestamp(*grant.notBefore));
    if (kind == GrantKind::Customer)
        json.insert(QStringLiteral("agent_id"), grant.agentId);
    else
        json.insert(QStringLiteral("agent_spiffe_id"), grant.agentSpiffeId);
    return json;
}

Expected<DelegationGrant, FieldErrors> DelegationCodec::grantFromJson(const QJsonObject &json, GrantKind kind)
{
    FieldErrors errors;
    JsonReader reader(json, QString(), &errors);
    DelegationGrant grant;
    if (kind == GrantKind::Customer)
        grant.agentId = reader.requiredNonEmptyString(u"agent_id").value_or(QString());
    else
        grant.agentSpiffeId = reader.requiredNonEmptyString(u"agent_spiffe_id").value_or(QString());
    grant.purpose = reader.requiredString(u"purpose").value_or(QString());
    grant.expiresAt = reader.requiredTimestamp(u"expires_at").value_or(QDateTime());
    grant.notBefore = reader.optionalTimestamp(u"not_before");

    Policy policy = readPolicy(reader, false);
    grant.scopes = std::move(policy.scopes);
    grant.stepUp = std::move(policy.stepUp);
    grant.dualControl = std::move(policy.dualControl);
    grant.revokeOn = policy.revokeOn;
    reader.finish();

    if (!errors.isEmpty())
        return unexpected(std::move(errors));
    return grant;
}

} // namespace mandate
