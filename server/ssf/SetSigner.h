#pragma once

#include "server/identity/RsaSigningKey.h"
#include "server/identity/SigningKey.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace mandate::server {

// Signs Security Event Tokens as compact JWS with the explicit type "secevent+jwt" (SSF §4.1.1):
// RS256 with the transmitter's RSA key unless a stream asked for EdDSA, then with its own Ed25519
// key. Neither key signs anything else — not credentials, not SVIDs, not log checkpoints — so a
// SET can never pass for another kind of token, and jwks() publishes exactly these two keys.
class SetSigner
{
public:
    enum class Algorithm
    {
        RS256,
        EdDSA
    };

    SetSigner(RsaSigningKey rsa, SigningKey ed25519)
        : m_rsa(std::move(rsa))
        , m_ed25519(std::move(ed25519))
    {}

    static QString nameOf(Algorithm algorithm);
    static std::optional<Algorithm> algorithmNamed(QStringView name);

    // Empty only if OpenSSL fails.
    QString sign(const QJsonObject &claims, Algorithm algorithm) const;
    // A queued SET as it leaves for one stream: the claims with "iss" (the transmitter's issuer,
    // SSF §4.1.6) and "aud" (the stream's receiver) added, signed with the stream's algorithm.
    QString signFor(QJsonObject claims, const QString &issuer, const QString &audience,
                    Algorithm algorithm) const
    {
        claims.insert(QStringLiteral("iss"), issuer);
        claims.insert(QStringLiteral("aud"), audience);
        return sign(claims, algorithm);
    }
    // {"keys": [the RSA key, the Ed25519 key]}
    QJsonObject jwks() const;

private:
    RsaSigningKey m_rsa;
    SigningKey m_ed25519;
};

} // namespace mandate::server
