#pragma once

#include "core/ActionCatalog.h"
#include "core/DelegationCodec.h"
#include "core/Expected.h"
#include "server/http/ApiRequest.h"
#include "server/http/ApiResponse.h"
#include "server/http/IdempotentWrites.h"
#include "server/store/PageCursor.h"

#include <QJsonObject>

#include <optional>

namespace mandate::server {

// What every route does with a request before its own logic: strict JSON bodies, paging and
// enum-valued query parameters, each failure already shaped as the problem the client gets.
class RequestParsing
{
public:
    static constexpr int DefaultPageSize = 50;
    static constexpr int MaxPageSize = 500;

    struct Page
    {
        int limit = DefaultPageSize;
        std::optional<PageCursor> after;
    };

    static Expected<QJsonObject, ApiResponse> jsonObject(const ApiRequest &request);
    static Expected<Page, ApiResponse> page(const ApiRequest &request);
    // A bounded free-text query parameter; an error when longer than maxLength.
    static Expected<std::optional<QString>, ApiResponse> text(const ApiRequest &request, const QString &name,
                                                              qsizetype maxLength = 256);
    // {"reason": "..."}: required, trimmed non-empty, at most 1000 characters.
    static Expected<QString, ApiResponse> reason(const ApiRequest &request);
    // A grant body: shape (DelegationCodec), then the limits every grant must satisfy (GrantValidator).
    static Expected<DelegationGrant, ApiResponse> grant(const ApiRequest &request,
                                                        DelegationCodec::GrantKind kind, const QDateTime &now,
                                                        const ActionCatalog &actions);
    // The Idempotency-Key context of a POST for the group committer.
    static IdempotentWrites::Idempotency idempotency(const ApiRequest &request);
};

} // namespace mandate::server
