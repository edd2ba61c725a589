#include "client/NetworkReplies.h"

#include <QNetworkReply>

namespace mandate::client {

void abandonReply(QPointer<QNetworkReply> &reply, const QObject *owner)
{
    if (QNetworkReply *abandoned = reply) {
        reply = nullptr;
        abandoned->disconnect(owner);
        abandoned->abort();
        abandoned->deleteLater();
    }
}

void releaseFinishedReply(QNetworkReply *reply, const QObject *owner)
{
    reply->disconnect(owner);
    reply->deleteLater();
}

} // namespace mandate::client
