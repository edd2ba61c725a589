#include "core/DelegationCanonical.h"

#include "core/CanonicalJsonWriter.h"
#include "core/DelegationCodec.h"
#include "core/Timestamp.h"

namespace mandate {

namespace {

// Members are written in canonical order, keys ascending: the writer checks it in debug builds.

void writeMoney(CanonicalJsonWriter &out, const std::optional<Money> &money)
{
    if (!money) {
        out.null();
        return;
    }
    out.beginObject();
    out.key(u"amount_minor");
    out.integer(money->amountMinor());
    out.key(u"currency");
    out.string(money->currency());
    out.endObject();
}

void writeStringOrNull(CanonicalJsonWriter &out, const std::optional<QString> &text)
{
    if (text)
        out.string(*text);
    else
        out.null();
}

void writeTimestampOrNull(CanonicalJsonWriter &out, const std::optional<QDateTime> &at)
{
    if (at)
        out.string(formatTimestamp(*at));
    else
        out.null();
}

void writeStrings(CanonicalJsonWriter &out, const QStringList &strings)
{
    out.beginArray();
    for (const QString &text : strings)
        out.string(text);
    out.endArray();
}

void writeSchedule(CanonicalJsonWriter &out, const Schedule &schedule)
{
    out.beginObject();
    out.key(u"days");
    out.beginArray();
    for (const int day : schedule.days)
        out.string(Schedule::dayName(day));
    out.endArray();
    out.key(u"from");
    out.string(schedule.from.toString(QStringLiteral("HH:mm")));
    out.key(u"time_zone");
    out.string(schedule.timeZone);
    out.key(u"to");
    out.string(schedule.to.toString(QStringLiteral("HH:mm")));
    out.endObject();
}

void writeScope(CanonicalJsonWriter &out, const Scope &scope, const ScopeUsage &usage)
{
    out.beginObject();
    out.key(u"action");
    out.string(scope.action);
    out.key(u"destinations");
    if (scope.destinations) {
        out.beginArray();
        for (const ResourcePattern &pattern : *scope.destinations)
            out.string(pattern.text());
        out.endArray();
    } else {
        out.null();
    }
    out.key(u"max_per_action");
    writeMoney(out, scope.maxPerAction);
    out.key(u"max_sensitivity");
    writeStringOrNull(out, scope.maxSensitivity
                               ? std::optional<QString>(sensitivityToString(*scope.maxSensitivity))
                               : std::nullopt);
    out.key(u"max_total");
    writeMoney(out, scope.maxTotal);
    out.key(u"max_uses");
    if (scope.maxUses)
        out.integer(*scope.maxUses);
    else
        out.null();
    out.key(u"resource");
    out.string(scope.resource.text());
    if (scope.schedule) {
        out.key(u"schedule");
        writeSchedule(out, *scope.schedule);
    }
    out.key(u"used");
    out.beginObject();
    out.key(u"spent");
    writeMoney(out, DelegationCodec::shownSpent(usage, scope));
    out.key(u"uses");
    out.integer(usage.uses);
    out.endObject();
    out.endObject();
}

void writeStepUp(CanonicalJsonWriter &out, const std::optional<StepUpPolicy> &policy)
{
    if (!policy) {
        out.null();
        return;
    }
    out.beginObject();
    out.key(u"above");
    writeMoney(out, policy->above);
    out.key(u"approver");
    out.string(policy->approver == StepUpApprover::Approver ? u"approver" : u"customer");
    out.key(u"sensitivity_at_or_above");
    writeStringOrNull(out, policy->sensitivityAtOrAbove
                               ? std::optional<QString>(sensitivityToString(*policy->sensitivityAtOrAbove))
                               : std::nullopt);
    out.endObject();
}

void writeDualControl(CanonicalJsonWriter &out, const std::optional<DualControlPolicy> &policy)
{
    if (!policy) {
        out.null();
        return;
    }
    out.beginObject();
    out.key(u"above");
    writeMoney(out, policy->above);
    out.key(u"actions");
    writeStrings(out, policy->actions);
    out.endObject();
}

void writeRevokeOn(CanonicalJsonWriter &out, const RevokeOn &revokeOn)
{
    out.beginObject();
    out.key(u"context_change");
    out.boolean(revokeOn.contextChange);
    out.key(u"idle_seconds");
    if (revokeOn.idleSeconds)
        out.integer(*revokeOn.idleSeconds);
    else
        out.null();
    out.key(u"task_complete");
    out.boolean(revokeOn.taskComplete);
    out.endObject();
}

void writeUsage(CanonicalJsonWriter &out, const Usage &usage)
{
    out.beginObject();
    out.key(u"last_used_at");
    writeTimestampOrNull(out, usage.lastUsedAt);
    out.key(u"spent");
    out.beginArray();
    for (const Money &money : usage.spent)
        writeMoney(out, money);
    out.endArray();
    out.key(u"uses");
    out.integer(usage.uses);
    out.endObject();
}

} // namespace

void DelegationCanonical::writeChainLink(CanonicalJsonWriter &out, const ChainLink &link)
{
    out.beginObject();
    out.key(u"id");
    out.string(link.id);
    out.key(u"kind");
    out.string(link.kind == ChainLink::Kind::Agent ? u"agent" : u"customer");
    out.key(u"name");
    out.string(link.name);
    if (link.kind == ChainLink::Kind::Agent) {
        out.key(u"spiffe_id");
        out.string(link.spiffeId);
    }
    out.endObject();
}

QByteArray DelegationCanonical::bytes(const Delegation &delegation)
{
    CanonicalJsonWriter out;
    out.beginObject();
    out.key(u"agent_id");
    out.string(delegation.agentId);
    out.key(u"chain");
    out.beginArray();
    for (const ChainLink &link : delegation.chain)
        writeChainLink(out, link);
    out.endArray();
    out.key(u"children");
    writeStrings(out, delegation.children);
    out.key(u"created_at");
    out.string(formatTimestamp(delegation.createdAt));
    out.key(u"customer_id");
    out.string(delegation.customerId);
    out.key(u"dual_control");
    writeDualControl(out, delegation.dualControl);
    out.key(u"expires_at");
    out.string(formatTimestamp(delegation.expiresAt));
    out.key(u"id");
    out.string(delegation.id);
    out.key(u"not_before");
    writeTimestampOrNull(out, delegation.notBefore);
    out.key(u"parent_id");
    writeStringOrNull(out, delegation.parentId);
    out.key(u"purpose");
    out.string(delegation.purpose);
    out.key(u"revoke_on");
    writeRevokeOn(out, delegation.revokeOn);
    out.key(u"revoke_reason");
    writeStringOrNull(out, delegation.revokeReason);
    out.key(u"revoked_at");
    writeTimestampOrNull(out, delegation.revokedAt);
    out.key(u"revoked_by");
    writeStringOrNull(out, delegation.revokedBy);
    out.key(u"scopes");
    out.beginArray();
    for (qsizetype i = 0; i < delegation.scopes.size(); ++i)
        writeScope(out, delegation.scopes.at(i),
                   i < delegation.scopeUsage.size() ? delegation.scopeUsage.at(i) : ScopeUsage());
    out.endArray();
    out.key(u"status");
    out.string(delegationStatusToString(delegation.status));
    out.key(u"step_up");
    writeStepUp(out, delegation.stepUp);
    out.key(u"usage");
    writeUsage(out, delegation.usage);
    out.endObject();
    return out.take();
}

} // namespace mandate
