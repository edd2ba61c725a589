#include "core/DelegationCanonical.h"

#include "core/CanonicalJsonWriter.h"
#include "core/DelegationCodec.h"
#include "core/Timestamp.h"

namespace mandate {

namespace {

// Members are written in canonical order, keys ascending: the writer checks it in debug builds.

// `value` as `write` writes it, or null when there is none.
template <typename T, typename Write>
void orNull(CanonicalJsonWriter &out, const std::optional<T> &value, Write write)
{
    if (value)
        write(*value);
    else
        out.null();
}

void writeMoney(CanonicalJsonWriter &out, const std::optional<Money> &money)
{
    orNull(out, money, [&out](const Money &amount) {
        out.beginObject();
        out.key(u"amount_minor");
        out.integer(amount.amountMinor());
        out.key(u"currency");
        out.string(amount.currency());
        out.endObject();
    });
}

void writeString(CanonicalJsonWriter &out, const std::optional<QString> &text)
{
    orNull(out, text, [&out](const QString &value) { out.string(value); });
}

void writeTimestamp(CanonicalJsonWriter &out, const std::optional<QDateTime> &at)
{
    orNull(out, at, [&out](const QDateTime &value) { out.string(formatTimestamp(value)); });
}

void writeSensitivity(CanonicalJsonWriter &out, const std::optional<Sensitivity> &level)
{
    orNull(out, level, [&out](Sensitivity value) { out.string(sensitivityToString(value)); });
}

void writeInteger(CanonicalJsonWriter &out, const std::optional<qint64> &number)
{
    orNull(out, number, [&out](qint64 value) { out.integer(value); });
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
    orNull(out, scope.destinations, [&out](const QList<ResourcePattern> &patterns) {
        out.beginArray();
        for (const ResourcePattern &pattern : patterns)
            out.string(pattern.text());
        out.endArray();
    });
    out.key(u"max_per_action");
    writeMoney(out, scope.maxPerAction);
    out.key(u"max_sensitivity");
    writeSensitivity(out, scope.maxSensitivity);
    out.key(u"max_total");
    writeMoney(out, scope.maxTotal);
    out.key(u"max_uses");
    writeInteger(out, scope.maxUses);
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

void writeStepUp(CanonicalJsonWriter &out, const StepUpPolicy &policy)
{
    out.beginObject();
    out.key(u"above");
    writeMoney(out, policy.above);
    out.key(u"approver");
    out.string(policy.approver == StepUpApprover::Approver ? u"approver" : u"customer");
    out.key(u"sensitivity_at_or_above");
    writeSensitivity(out, policy.sensitivityAtOrAbove);
    out.endObject();
}

void writeDualControl(CanonicalJsonWriter &out, const DualControlPolicy &policy)
{
    out.beginObject();
    out.key(u"above");
    writeMoney(out, policy.above);
    out.key(u"actions");
    writeStrings(out, policy.actions);
    out.endObject();
}

void writeRevokeOn(CanonicalJsonWriter &out, const RevokeOn &revokeOn)
{
    out.beginObject();
    out.key(u"context_change");
    out.boolean(revokeOn.contextChange);
    out.key(u"idle_seconds");
    writeInteger(out, revokeOn.idleSeconds);
    out.key(u"task_complete");
    out.boolean(revokeOn.taskComplete);
    out.endObject();
}

void writeUsage(CanonicalJsonWriter &out, const Usage &usage)
{
    out.beginObject();
    out.key(u"last_used_at");
    writeTimestamp(out, usage.lastUsedAt);
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
    orNull(out, delegation.dualControl,
           [&out](const DualControlPolicy &policy) { writeDualControl(out, policy); });
    out.key(u"expires_at");
    out.string(formatTimestamp(delegation.expiresAt));
    out.key(u"id");
    out.string(delegation.id);
    out.key(u"not_before");
    writeTimestamp(out, delegation.notBefore);
    out.key(u"parent_id");
    writeString(out, delegation.parentId);
    out.key(u"purpose");
    out.string(delegation.purpose);
    out.key(u"revoke_on");
    writeRevokeOn(out, delegation.revokeOn);
    out.key(u"revoke_reason");
    writeString(out, delegation.revokeReason);
    out.key(u"revoked_at");
    writeTimestamp(out, delegation.revokedAt);
    out.key(u"revoked_by");
    writeString(out, delegation.revokedBy);
    out.key(u"scopes");
    out.beginArray();
    for (qsizetype i = 0; i < delegation.scopes.size(); ++i)
        writeScope(out, delegation.scopes.at(i),
                   i < delegation.scopeUsage.size() ? delegation.scopeUsage.at(i) : ScopeUsage());
    out.endArray();
    out.key(u"status");
    out.string(delegationStatusToString(delegation.status));
    out.key(u"step_up");
    orNull(out, delegation.stepUp, [&out](const StepUpPolicy &policy) { writeStepUp(out, policy); });
    out.key(u"usage");
    writeUsage(out, delegation.usage);
    out.endObject();
    return out.take();
}

} // namespace mandate
