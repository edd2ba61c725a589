#pragma once

#include "core/Expected.h"
#include "server/identity/JwtError.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace mandate::server {

class SigningKey;
class VerificationKeys;

// What a verifier insists on beyond a valid signature.
struct JwtExpectations
{
    // Must be "aud" or one of its elements. An empty audience matches no token.
    QString audience;
    // Clock skew tolerated on "exp", "nbf" and "iat".
    qint64 leewaySeconds = 30;
    bool requireExpiry = true;
    // The longest a token may live: "exp" − "iat", or "exp" − now when there is no "iat". A set
    // maximum also makes "exp" required.
    std::optional<qint64> maxLifetimeSeconds;
};

// Compact JWS tokens (RFC 7515/7519) signed with EdDSA and verified with EdDSA or ES256.
//
// verify() checks in this order, answering with the first failure: size; shape (three base64url
// parts, a JSON object header); the header ("alg" EdDSA or ES256 — never "none", HMAC or RSA —
// no "crit", "typ" JWT or absent); the key ("kid" names a trusted key, pinned to the header's
// "alg"); the signature; only then the claims, parsed strictly (a duplicated claim is refused,
// so no two parsers can disagree about which value counts): "exp", "nbf", "iat" integer
// NumericDates, "iss", "sub", "jti" strings, "aud" a string or an array of strings containing
// the expected audience. Header members that point at keys ("jwk", "jku", "x5u", "x5c") are
// never followed: keys come from the trusted set only.
class JwtCodec
{
public:
    static constexpr qsizetype MaxTokenSize = 8 * 1024;

    // A token with the header {"alg":"EdDSA","kid":<key id>,"typ":"JWT"}; empty only if OpenSSL
    // fails to sign.
    static QString sign(const QJsonObject &claims, const SigningKey &key);
    // The claims of a token that passes every check above at time `now`.
    static Expected<QJsonObject, JwtError> verify(QStringView token, const VerificationKeys &keys,
                                                  const JwtExpectations &expect, const QDateTime &now);
};

} // namespace mandate::server
