#include "server/routes/RequestParsing.h"

#include "core/GrantValidator.h"
#include "core/JsonReader.h"
#include "core/StrictJson.h"
#include "server/http/Problem.h"

namespace mandate::server {

Expected<QJsonObject, ApiResponse> RequestParsing::jsonObject(const ApiRequest &request)
{
    if (request.body.isEmpty())
        return unexpected(
            Problem::badRequest(QStringLiteral("The request needs a JSON object as its body.")));
    auto parsed = StrictJson::parseObject(request.body);
    if (!parsed) {
        return unexpected(Problem::badRequest(
            QStringLiteral("The body is not valid JSON: %1").arg(parsed.error().message)));
    }
    return parsed.value();
}

Expected<RequestParsing::Page, ApiResponse> RequestParsing::page(const ApiRequest &request)
{
    Page page;
    if (const auto limit = request.queryValue(QStringLiteral("limit"))) {
        bool ok = false;
        const int value = limit->toInt(&ok);
        if (!ok || value < 1 || value > MaxPageSize) {
            return unexpected(Problem::validation(
                {{QStringLiteral("limit"),
                  QStringLiteral("must be a whole number from 1 to %1").arg(MaxPageSize)}}));
        }
        page.limit = value;
    }
    if (const auto cursor = request.queryValue(QStringLiteral("cursor")); cursor && !cursor->isEmpty()) {
        page.after = PageCursor::decode(*cursor);
        if (!page.after) {
            return unexpected(Problem::validation(
                {{QStringLiteral("cursor"), QStringLiteral("is not a cursor this server handed out")}}));
        }
    }
    return page;
}

Expected<std::optional<QString>, ApiResponse> RequestParsing::text(const ApiRequest &request,
                                                                   const QString &name, qsizetype maxLength)
{
    const std::optional<QString> value = request.queryValue(name);
    if (!value || value->isEmpty())
        return std::optional<QString>();
    if (value->size() > maxLength) {
        return unexpected(
            Problem::validation({{name, QStringLiteral("must be at most %1 characters").arg(maxLength)}}));
    }
    return value;
}

Expected<QString, ApiResponse> RequestParsing::reason(const ApiRequest &request)
{
    auto body = jsonObject(request);
    if (!body)
        return unexpected(body.error());
    FieldErrors errors;
    JsonReader reader(*body, QString(), &errors);
    const std::optional<QString> reason = reader.requiredString(u"reason", 1000);
    reader.finish();
    if (reason && reason->trimmed().isEmpty())
        errors.append({QStringLiteral("reason"), QStringLiteral("must not be empty")});
    if (!errors.isEmpty())
        return unexpected(Problem::validation(errors));
    return reason->trimmed();
}

Expected<DelegationGrant, ApiResponse> RequestParsing::grant(const ApiRequest &request,
                                                             DelegationCodec::GrantKind kind,
                                                             const QDateTime &now,
                                                             const ActionCatalog &actions)
{
    auto body = jsonObject(request);
    if (!body)
        return unexpected(body.error());
    auto grant = DelegationCodec::grantFromJson(*body, kind);
    if (!grant)
        return unexpected(Problem::validation(grant.error()));
    if (const FieldErrors errors = GrantValidator::validate(*grant, now); !errors.isEmpty())
        return unexpected(Problem::validation(errors));
    if (const FieldErrors unknown = GrantValidator::actionsNotInCatalog(*grant, actions); !unknown.isEmpty())
        return unexpected(Problem::notInCatalog(unknown));
    return std::move(grant).value();
}

IdempotentWrites::Idempotency RequestParsing::idempotency(const ApiRequest &request)
{
    return IdempotentWrites::of(request.header("idempotency-key"), request);
}

} // namespace mandate::server
