#include "server/http/ApiResponse.h"

#include <QJsonDocument>

namespace mandate::server {

ApiResponse ApiResponse::json(int status, const QJsonObject &object)
{
    return text(status, "application/json", QJsonDocument(object).toJson(QJsonDocument::Compact));
}

ApiResponse ApiResponse::noContent()
{
    return text(204, QByteArray(), QByteArray());
}

ApiResponse ApiResponse::text(int status, const QByteArray &contentType, const QByteArray &body)
{
    ApiResponse response;
    response.status = status;
    response.contentType = contentType;
    response.body = body;
    return response;
}

} // namespace mandate::server
