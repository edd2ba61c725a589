#include "server/http/Authenticator.h"

#include <QByteArrayView>

namespace mandate::server {

QByteArray Authenticator::bearerToken(const QByteArray &authorizationHeader)
{
    // Views until the end: this runs on every authenticated request.
    const QByteArrayView header = QByteArrayView(authorizationHeader).trimmed();
    if (header.size() < 7 || header.first(7).compare("bearer ", Qt::CaseInsensitive) != 0)
        return QByteArray();
    return header.sliced(7).trimmed().toByteArray();
}

} // namespace mandate::server
