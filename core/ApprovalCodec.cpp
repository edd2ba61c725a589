#include "core/ApprovalCodec.h"

#include "core/DelegationCodec.h"
#include "core/JsonNullable.h"
#include "core/JsonReader.h"
#include "core/Timestamp.h"

#include <QJsonArray>

namespace mandate {

namespace {

QJsonObject partyToJson(const PartyRef &party, bool withSpiffeId)
{
    QJsonObject json{{QStringLiteral("id"), party.id}, {QStringLiteral("name"), party.name}};
    if (withSpiffeId)
        json.insert(QStringLiteral("spiffe_id"), party.spiffeId);
    return json;
}

// The agent carries its SPIFFE ID; customers and deciding users are people and have none.
PartyRef readParty(JsonReader &reader, bool withSpiffeId)
{
    PartyRef party;
    party.id = reader.requiredNonEmptyString(u"id").value_or(QString());
    party.name = reader.requiredString(u"name").value_or(QString());
    if (withSpiffeId)
        party.spiffeId = reader.requiredString(u"spiffe_id").value_or(QString());
    reader.finish();
    return party;
}

ApprovalRequestDetails readRequestDetails(JsonReader &reader)
{
    ApprovalRequestDetails details;
    details.action = reader.requiredString(u"action").value_or(QString());
    details.resource = reader.requiredString(u"resource").value_or(QString());
    details.amount = reader.optionalMoney(u"amount");
    details.destination = reader.optionalString(u"destination");
    details.sensitivity = reader.optionalSensitivity(u"sensitivity");
    reader.finish();
    return details;
}

std::optional<ApprovalVerdict> readVerdict(JsonReader &reader)
{
    const auto text = reader.requiredString(u"decision");
    if (!text)
        return std::nullopt;
    const auto verdict = approvalVerdictFromString(*text);
    if (!verdict)
        reader.addError(u"decision", QStringLiteral("must be one of approve, deny"));
    return verdict;
}

std::optional<Money> readNarrowedAmount(JsonReader &reader)
{
    auto narrowed = reader.optionalObject(u"narrowed");
    if (!narrowed)
        return std::nullopt;
    std::optional<Money> amount = narrowed->requiredMoney(u"amount");
    narrowed->finish();
    return amount;
}

ApprovalDecisionRecord readDecisionRecord(JsonReader &reader)
{
    ApprovalDecisionRecord record;
    if (auto user = reader.requiredObject(u"user"))
        record.user = readParty(*user, false);
    record.verdict = readVerdict(reader).value_or(ApprovalVerdict::Approve);
    record.reason = reader.optionalString(u"reason", ApprovalCodec::MaxReasonLength).value_or(QString());
    record.at = reader.requiredTimestamp(u"at").value_or(QDateTime());
    record.narrowed = readNarrowedAmount(reader);
    reader.finish();
    return record;
}

} // namespace

QJsonObject ApprovalCodec::toJson(const Approval &approval)
{
    QJsonArray decisions;
    for (const ApprovalDecisionRecord &record : approval.decisions) {
        QJsonObject json{
            {QStringLiteral("user"), partyToJson(record.user, false)},
            {QStringLiteral("decision"), approvalVerdictToString(record.verdict)},
            {QStringLiteral("reason"),
             record.reason.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(record.reason)},
            {QStringLiteral("at"), formatTimestamp(record.at)},
        };
        if (record.narrowed)
            json.insert(
                QStringLiteral("narrowed"),
                QJsonObject{{QStringLiteral("amount"), DelegationCodec::moneyToJson(*record.narrowed)}});
        decisions.append(json);
    }
    const ApprovalRequestDetails &request = approval.request;
    return {
        {QStringLiteral("id"), approval.id},
        {QStringLiteral("kind"), approvalKindToString(approval.kind)},
        {QStringLiteral("status"), approvalStatusToString(approval.status)},
        {QStringLiteral("delegation_id"), approval.delegationId},
        {QStringLiteral("agent"), partyToJson(approval.agent, true)},
        {QStringLiteral("customer"), partyToJson(approval.customer, false)},
        {QStringLiteral("request"),
         QJsonObject{
             {QStringLiteral("action"), request.action},
             {QStringLiteral("resource"), request.resource},
             {QStringLiteral("amount"), DelegationCodec::moneyToJson(request.amount)},
             {QStringLiteral("destination"), stringOrNull(request.destination)},
             {QStringLiteral("sensitivity"), request.sensitivity
                                                 ? QJsonValue(sensitivityToString(*request.sensitivity))
                                                 : QJsonValue(QJsonValue::Null)},
         }},
        {QStringLiteral("reason"), reasonCodeToString(approval.reason)},
        {QStringLiteral("summary"), approval.summary},
        {QStringLiteral("purpose"), approval.purpose},
        {QStringLiteral("required_approvals"), approval.requiredApprovals},
        {QStringLiteral("decisions"), decisions},
        {QStringLiteral("created_at"), formatTimestamp(approval.createdAt)},
        {QStringLiteral("expires_at"), formatTimestamp(approval.expiresAt)},
        {QStringLiteral("resolved_at"), approval.resolvedAt
                                            ? QJsonValue(formatTimestamp(*approval.resolvedAt))
                                            : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("consumed"), approval.consumed},
    };
}

Expected<Approval, FieldErrors> ApprovalCodec::fromJson(const QJsonObject &json)
{
    FieldErrors errors;
    JsonReader reader(json, QString(), &errors);
    Approval approval;
    approval.id = reader.requiredNonEmptyString(u"id").value_or(QString());
    if (const auto kind = reader.requiredString(u"kind")) {
        if (const auto parsed = approvalKindFromString(*kind))
            approval.kind = *parsed;
        else
            reader.addError(u"kind", QStringLiteral("must be one of step_up, dual_control"));
    }
    if (const auto status = reader.requiredString(u"status")) {
        if (const auto parsed = approvalStatusFromString(*status))
            approval.status = *parsed;
        else
            reader.addError(u"status",
                            QStringLiteral("must be one of pending, approved, denied, expired, cancelled"));
    }
    approval.delegationId = reader.requiredNonEmptyString(u"delegation_id").value_or(QString());
    if (auto agent = reader.requiredObject(u"agent"))
        approval.agent = readParty(*agent, true);
    if (auto customer = reader.requiredObject(u"customer"))
        approval.customer = readParty(*customer, false);
    if (auto request = reader.requiredObject(u"request"))
        approval.request = readRequestDetails(*request);
    if (const auto reason = reader.requiredString(u"reason")) {
        if (const auto code = reasonCodeFromString(*reason))
            approval.reason = *code;
        else
            reader.addError(u"reason", QStringLiteral("is not a known reason code"));
    }
    approval.summary = reader.requiredString(u"summary").value_or(QString());
    // Approvals stored before purpose was carried have none.
    approval.purpose = reader.optionalString(u"purpose").value_or(QString());
    approval.requiredApprovals = int(reader.requiredInteger(u"required_approvals", 1, 2).value_or(1));
    if (const auto decisions = reader.requiredArray(u"decisions", MaxDecisions)) {
        for (qsizetype i = 0; i < decisions->size(); ++i) {
            if (auto record = reader.arrayObject(u"decisions", *decisions, i))
                approval.decisions.append(readDecisionRecord(*record));
        }
    }
    approval.createdAt = reader.requiredTimestamp(u"created_at").value_or(QDateTime());
    approval.expiresAt = reader.requiredTimestamp(u"expires_at").value_or(QDateTime());
    approval.resolvedAt = reader.optionalTimestamp(u"resolved_at");
    approval.consumed = reader.requiredBool(u"consumed").value_or(false);
    reader.finish();

    if (!errors.isEmpty())
        return unexpected(std::move(errors));
    return approval;
}

Expected<ApprovalCodec::DecisionBody, FieldErrors>
ApprovalCodec::decisionBodyFromJson(const QJsonObject &json)
{
    FieldErrors errors;
    JsonReader reader(json, QString(), &errors);
    DecisionBody body;
    body.verdict = readVerdict(reader).value_or(ApprovalVerdict::Approve);
    body.reason = reader.optionalString(u"reason", MaxReasonLength).value_or(QString());
    body.narrowed = readNarrowedAmount(reader);
    if (body.narrowed && body.verdict != ApprovalVerdict::Approve)
        reader.addError(u"narrowed", QStringLiteral("is only for approve"));
    reader.finish();

    if (!errors.isEmpty())
        return unexpected(std::move(errors));
    return body;
}

QJsonObject ApprovalCodec::decisionBodyToJson(const DecisionBody &body)
{
    QJsonObject json{{QStringLiteral("decision"), approvalVerdictToString(body.verdict)},
                     {QStringLiteral("reason"), body.reason}};
    if (body.narrowed)
        json.insert(QStringLiteral("narrowed"),
                    QJsonObject{{QStringLiteral("amount"), DelegationCodec::moneyToJson(*body.narrowed)}});
    return json;
}

} // namespace mandate
