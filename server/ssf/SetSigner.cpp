#include "server/ssf/SetSigner.h"

#include "server/identity/Base64Url.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace mandate::server {

QString SetSigner::nameOf(Algorithm algorithm)
{
    return algorithm == Algorithm::EdDSA ? SigningKey::Algorithm.toString()
                                         : RsaSigningKey::Algorithm.toString();
}

std::optional<SetSigner::Algorithm> SetSigner::algorithmNamed(QStringView name)
{
    if (name == RsaSigningKey::Algorithm)
        return Algorithm::RS256;
    if (name == SigningKey::Algorithm)
        return Algorithm::EdDSA;
    return std::nullopt;
}

QString SetSigner::sign(const QJsonObject &claims, Algorithm algorithm) const
{
    const bool eddsa = algorithm == Algorithm::EdDSA;
    const QJsonObject header{{QStringLiteral("alg"), nameOf(algorithm)},
                             {QStringLiteral("kid"), eddsa ? m_ed25519.keyId() : m_rsa.keyId()},
                             {QStringLiteral("typ"), QStringLiteral("secevent+jwt")}};
    const QByteArray signingInput = Base64Url::encode(QJsonDocument(header).toJson(QJsonDocument::Compact)) +
                                    '.' +
                                    Base64Url::encode(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    const QByteArray signature = eddsa ? m_ed25519.sign(signingInput) : m_rsa.sign(signingInput);
    if (signature.isEmpty())
        return QString();
    return QString::fromLatin1(signingInput + '.' + Base64Url::encode(signature));
}

QJsonObject SetSigner::jwks() const
{
    return {{QStringLiteral("keys"), QJsonArray{m_rsa.publicJwk(), m_ed25519.publicJwk()}}};
}

} // namespace mandate::server
