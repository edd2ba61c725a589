#include "server/http/ApiRequest.h"

namespace mandate::server {

std::optional<QString> ApiRequest::queryValue(const QString &name) const
{
    if (!query.hasQueryItem(name))
        return std::nullopt;
    return query.queryItemValue(name, QUrl::FullyDecoded);
}

} // namespace mandate::server
