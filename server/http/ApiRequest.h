#pragma once

#include "server/http/Principal.h"

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

namespace mandate::server {

// One HTTP request as the route handlers see it: parsed, size-limited, authenticated.
struct ApiRequest
{
    QByteArray method;
    QString path;
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // names lowercased
    QByteArray body;
    QHostAddress remoteAddress;
    QString route;      // the matched pattern, e.g. "/v1/delegations/{id}" (metrics, logs)
    QStringList params; // values of the pattern's {placeholders}, in order
    Principal principal;

    QByteArray header(const QByteArray &lowercaseName) const { return headers.value(lowercaseName); }
    QString param(qsizetype index) const { return params.value(index); }
    // The value of a query parameter, nullopt when absent.
    std::optional<QString> queryValue(const QString &name) const;
};

} // namespace mandate::server
