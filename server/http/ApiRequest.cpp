#include "server/http/ApiRequest.h"

namespace mandate::server {

QByteArray ApiRequest::header(QByteArrayView lowercaseName) const
{
    for (auto it = headers.crbegin(); it != headers.crend(); ++it) {
        if (it->first == lowercaseName)
            return it->second;
    }
    return QByteArray();
}

std::optional<QString> ApiRequest::queryValue(const QString &name) const
{
    if (!query.hasQueryItem(name))
        return std::nullopt;
    return query.queryItemValue(name, QUrl::FullyDecoded);
}

} // namespace mandate::server
