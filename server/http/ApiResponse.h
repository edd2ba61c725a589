#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>

#include <functional>

class QTcpSocket;

namespace mandate::server {

struct ApiResponse
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    // Set for bodies too large to hold at once (exports): called for the next piece whenever the
    // client has taken the previous one; an empty piece ends the body. Sent chunked.
    std::function<QByteArray()> stream;
    // Set for responses that stay open (Server-Sent Events): after the head is written (chunked),
    // the socket is handed to this function, which keeps writing to it for as long as it likes.
    std::function<void(QTcpSocket *)> attach;

    static ApiResponse json(int status, const QJsonObject &object);
    static ApiResponse noContent();
    static ApiResponse text(int status, const QByteArray &contentType, const QByteArray &body);

    // The status line and header fields as sent, for every path that writes to a socket itself:
    // the HTTP server and the connection guard's own refusals alike.
    QByteArray head(bool close) const;
};

// Answers a request exactly once; safe to call after the client went away.
using Responder = std::function<void(ApiResponse)>;

} // namespace mandate::server
