#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace mandate::server {

// The base64url encoding of JOSE (RFC 7515 §2): URL-safe alphabet, no padding. Decoding is strict
// so that one token has exactly one spelling: padding, whitespace, characters outside the
// alphabet, an impossible length (4n + 1) and non-zero bits left over in the last character are
// all refused.
class Base64Url
{
public:
    static QByteArray encode(QByteArrayView data);
    static std::optional<QByteArray> decode(QByteArrayView text);
};

} // namespace mandate::server
