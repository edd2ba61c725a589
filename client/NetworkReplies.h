#pragma once

#include <QPointer>

class QNetworkReply;
class QObject;

namespace mandate::client {

// How whoever started a QNetworkReply lets it go. Qt 6.4 finishes an aborted reply at once and,
// when its failure was already queued, a second time from that error; both functions disconnect
// the owner first, so no finish reaches it after it let the reply go.

// Aborts `reply` unheard by `owner` and deletes it later; `reply` is null afterwards.
void abandonReply(QPointer<QNetworkReply> &reply, const QObject *owner);
// From the owner's handler of the reply's first finish: no other reaches it, the reply goes later.
void releaseFinishedReply(QNetworkReply *reply, const QObject *owner);

} // namespace mandate::client
