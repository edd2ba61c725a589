#pragma once

#include <QByteArray>
#include <QList>

#include <utility>

namespace mandate::server {

// One complete HTTP/1.x request as it came off the wire, framed by HttpRequestFramer: the body is
// de-chunked, field names are lowercased and values stripped of surrounding whitespace.
struct RawHttpRequest
{
    QByteArray method;
    QByteArray target; // as sent: origin-form "/path?query", or absolute-form
    bool http10 = false;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
};

} // namespace mandate::server
