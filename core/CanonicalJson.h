#pragma once

#include <QByteArray>
#include <QJsonValue>

namespace mandate {

// The one byte form of a JSON value that audit hashes are computed over: object keys sorted by
// UTF-16 code units, no insignificant whitespace, UTF-8, minimal string escapes, integers in
// plain decimal (RFC 8785 style). Two equal values always serialize to the same bytes.
class CanonicalJson
{
public:
    static QByteArray serialize(const QJsonValue &value);
};

} // namespace mandate
