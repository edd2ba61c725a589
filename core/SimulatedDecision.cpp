#include "core/SimulatedDecision.h"

#include "core/DelegationCodec.h"
#include "core/JsonReader.h"

namespace mandate {

SimulatedDecision SimulatedDecision::of(const EngineResult &result, const DecisionForecast &forecast)
{
    return {result.outcome, result.reason, result.message, result.approvalId, forecast};
}

QJsonObject SimulatedDecision::toJson() const
{
    QJsonValue binding(QJsonValue::Null);
    if (forecast.binding)
        binding = QJsonObject{{QStringLiteral("delegation_id"), forecast.binding->delegationId},
                              {QStringLiteral("scope_index"), forecast.binding->scopeIndex},
                              {QStringLiteral("limit"), forecast.binding->limit}};
    return {
        {QStringLiteral("decision"), decisionOutcomeToString(outcome)},
        {QStringLiteral("reason"), reasonCodeToString(reason)},
        {QStringLiteral("message"), message},
        {QStringLiteral("approval_id"), approvalId ? QJsonValue(*approvalId) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("binding_limit"), binding},
        {QStringLiteral("remaining"),
         QJsonObject{{QStringLiteral("total"), DelegationCodec::moneyToJson(forecast.remainingTotal)},
                     {QStringLiteral("uses"), forecast.remainingUses ? QJsonValue(*forecast.remainingUses)
                                                                     : QJsonValue(QJsonValue::Null)}}},
    };
}

std::optional<SimulatedDecision> SimulatedDecision::fromJson(const QJsonObject &json)
{
    FieldErrors errors;
    JsonReader reader(json, QString(), &errors);
    SimulatedDecision simulated;
    const auto outcome = decisionOutcomeFromString(reader.requiredString(u"decision").value_or(QString()));
    const auto reason = reasonCodeFromString(reader.requiredString(u"reason").value_or(QString()));
    simulated.message = reader.requiredString(u"message").value_or(QString());
    simulated.approvalId = reader.optionalString(u"approval_id");
    if (auto binding = reader.optionalObject(u"binding_limit")) {
        DecisionForecast::Binding read;
        read.delegationId = binding->requiredString(u"delegation_id").value_or(QString());
        read.scopeIndex = int(binding->requiredInteger(u"scope_index", 0, 1024).value_or(0));
        read.limit = binding->requiredString(u"limit").value_or(QString());
        binding->finish();
        simulated.forecast.binding = read;
    }
    if (auto remaining = reader.requiredObject(u"remaining")) {
        simulated.forecast.remainingTotal = remaining->optionalMoney(u"total");
        simulated.forecast.remainingUses = remaining->optionalInteger(u"uses", 0, JsonReader::IntegerMax);
        remaining->finish();
    }
    reader.finish();
    if (!outcome || !reason || !errors.isEmpty())
        return std::nullopt;
    simulated.outcome = *outcome;
    simulated.reason = *reason;
    return simulated;
}

} // namespace mandate
