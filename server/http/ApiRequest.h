#pragma once

#include "server/http/Principal.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
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
    // Names lowercased, in arrival order. A request has a handful (at most HttpLimits::maxHeaderCount):
    // a scan is cheaper than hashing each name.
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QHostAddress remoteAddress;
    QString route;      // the matched pattern, e.g. "/v1/delegations/{id}" (metrics, logs)
    QStringList params; // values of the pattern's {placeholders}, in order
    Principal principal;

    // A repeated header answers with its last value.
    QByteArray header(QByteArrayView lowercaseName) const;
    QString param(qsizetype index) const { return params.value(index); }
    // The value of a query parameter, nullopt when absent.
    std::optional<QString> queryValue(const QString &name) const;
};

} // namespace mandate::server
