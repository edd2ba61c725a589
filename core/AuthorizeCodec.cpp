#include "core/AuthorizeCodec.h"

#include "core/ActionCatalog.h"
#include "core/CanonicalJsonWriter.h"
#include "core/DelegationCodec.h"
#include "core/JsonNullable.h"
#include "core/JsonReader.h"
#include "core/ResourcePattern.h"

#include <QJsonDocument>

namespace mandate {

namespace {

constexpr qsizetype MaxContextKeys = 32;

// A resource or destination is named like a scope's pattern ("account:acc_1", "payee:*").
std::optional<QString> checkedPattern(JsonReader &reader, QStringView key, std::optional<QString> text)
{
    if (!text)
        return std::nullopt;
    const auto pattern = ResourcePattern::parse(*text);
    if (!pattern) {
        reader.addError(key, pattern.error());
        return std::nullopt;
    }
    return text;
}

// A flat object of strings, numbers and booleans: enough to pin an agent's environment for
// revoke_on.context_change, too little to smuggle documents through.
QJsonObject readContext(JsonReader &reader)
{
    const auto context = reader.optionalRawObject(u"context");
    if (!context)
        return {};
    const QString path = reader.pathOf(u"context");
    if (context->size() > MaxContextKeys) {
        reader.addError(u"context", QStringLiteral("must have at most %1 keys").arg(MaxContextKeys));
        return {};
    }
    for (auto it = context->constBegin(); it != context->constEnd(); ++it) {
        const QString field = path + QLatin1Char('.') + it.key();
        if (JsonReader::codePointCount(it.key()) > JsonReader::DefaultMaxStringLength) {
            reader.addError(
                u"context",
                QStringLiteral("keys must be at most %1 characters").arg(JsonReader::DefaultMaxStringLength));
        } else if (it->isString()) {
            if (JsonReader::codePointCount(it->toString()) > JsonReader::DefaultMaxStringLength) {
                reader.errors()->append(FieldError{
                    field,
                    QStringLiteral("must be at most %1 characters").arg(JsonReader::DefaultMaxStringLength)});
            }
        } else if (!it->isDouble() && !it->isBool()) {
            reader.errors()->append(FieldError{field, QStringLiteral("must be a string, number or boolean")});
        }
    }
    return *context;
}

} // namespace

QJsonObject AuthorizeCodec::requestToJson(const AuthorizeRequest &request)
{
    return {
        {QStringLiteral("delegation_id"), request.delegationId},
        {QStringLiteral("action"), request.action},
        {QStringLiteral("resource"), request.resource},
        {QStringLiteral("amount"), DelegationCodec::moneyToJson(request.amount)},
        {QStringLiteral("destination"), stringOrNull(request.destination)},
        {QStringLiteral("sensitivity"), request.sensitivity
                                            ? QJsonValue(sensitivityToString(*request.sensitivity))
                                            : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("context"), request.context},
        {QStringLiteral("approval_id"), stringOrNull(request.approvalId)},
    };
}

void AuthorizeCodec::writeAudited(CanonicalJsonWriter &out, const AuthorizeRequest &request)
{
    const auto stringOrNull = [&out](const std::optional<QString> &text) {
        if (text)
            out.string(*text);
        else
            out.null();
    };
    out.beginObject();
    out.key(u"action");
    out.string(request.action);
    out.key(u"amount");
    if (request.amount) {
        out.beginObject();
        out.key(u"amount_minor");
        out.integer(request.amount->amountMinor());
        out.key(u"currency");
        out.string(request.amount->currency());
        out.endObject();
    } else {
        out.null();
    }
    out.key(u"approval_id");
    stringOrNull(request.approvalId);
    out.key(u"context");
    out.value(request.context);
    out.key(u"destination");
    stringOrNull(request.destination);
    out.key(u"resource");
    out.string(request.resource);
    out.key(u"sensitivity");
    stringOrNull(request.sensitivity ? std::optional<QString>(sensitivityToString(*request.sensitivity))
                                     : std::nullopt);
    out.endObject();
}

Expected<AuthorizeRequest, FieldErrors> AuthorizeCodec::requestFromJson(const QJsonObject &json)
{
    FieldErrors errors;
    JsonReader reader(json, QString(), &errors);
    AuthorizeRequest request;
    request.delegationId = reader.requiredNonEmptyString(u"delegation_id").value_or(QString());
    if (const auto action = reader.requiredString(u"action")) {
        if (ActionCatalog::isWellFormed(*action))
            request.action = *action;
        else
            reader.addError(u"action", ActionCatalog::wellFormedRule());
    }
    request.resource =
        checkedPattern(reader, u"resource", reader.requiredString(u"resource")).value_or(QString());
    request.amount = reader.optionalMoney(u"amount");
    request.destination = checkedPattern(reader, u"destination", reader.optionalString(u"destination"));
    request.sensitivity = reader.optionalSensitivity(u"sensitivity");
    request.context = readContext(reader);
    request.approvalId = reader.optionalString(u"approval_id");
    reader.finish();

    if (!errors.isEmpty())
        return unexpected(std::move(errors));
    return request;
}

QByteArray AuthorizeCodec::decisionBytes(const Decision &decision)
{
    CanonicalJsonWriter out;
    out.beginObject();
    out.key(u"approval_id");
    if (decision.approvalId)
        out.string(*decision.approvalId);
    else
        out.null();
    out.key(u"decision");
    out.string(decisionOutcomeToString(decision.outcome));
    out.key(u"decision_id");
    out.string(decision.decisionId);
    out.key(u"message");
    out.string(decision.message);
    out.key(u"reason");
    out.string(reasonCodeToString(decision.reason));
    out.endObject();
    return out.take();
}

QJsonObject AuthorizeCodec::decisionToJson(const Decision &decision)
{
    return QJsonDocument::fromJson(decisionBytes(decision)).object();
}

Expected<Decision, FieldErrors> AuthorizeCodec::decisionFromJson(const QJsonObject &json)
{
    FieldErrors errors;
    JsonReader reader(json, QString(), &errors);
    Decision decision;
    if (const auto outcome = reader.requiredString(u"decision")) {
        if (const auto parsed = decisionOutcomeFromString(*outcome))
            decision.outcome = *parsed;
        else
            reader.addError(
                u"decision",
                QStringLiteral("must be one of allow, deny, step_up_required, dual_control_required"));
    }
    if (const auto reason = reader.requiredString(u"reason")) {
        if (const auto code = reasonCodeFromString(*reason))
            decision.reason = *code;
        else
            reader.addError(u"reason", QStringLiteral("is not a known reason code"));
    }
    decision.message = reader.requiredString(u"message").value_or(QString());
    decision.approvalId = reader.optionalString(u"approval_id");
    decision.decisionId = reader.requiredNonEmptyString(u"decision_id").value_or(QString());
    reader.finish();

    if (!errors.isEmpty())
        return unexpected(std::move(errors));
    return decision;
}

} // namespace mandate
