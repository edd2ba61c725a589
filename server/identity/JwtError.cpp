#include "server/identity/JwtError.h"

namespace mandate::server {

QString jwtErrorMessage(JwtError error)
{
    switch (error) {
    case JwtError::TooLarge:
        return QStringLiteral("The token is larger than 8 KiB.");
    case JwtError::Malformed:
        return QStringLiteral("The token is not a well-formed signed JWT.");
    case JwtError::UnsupportedHeader:
        return QStringLiteral("The token's header asks for processing this server does not support.");
    case JwtError::UnsupportedAlgorithm:
        return QStringLiteral("The token is not signed with EdDSA or ES256.");
    case JwtError::UnknownKey:
        return QStringLiteral("The token is not signed by a trusted key.");
    case JwtError::AlgorithmMismatch:
        return QStringLiteral("The token's algorithm does not match its signing key.");
    case JwtError::BadSignature:
        return QStringLiteral("The token's signature is not valid.");
    case JwtError::MalformedClaims:
        return QStringLiteral("The token's claims are malformed.");
    case JwtError::MissingExpiry:
        return QStringLiteral("The token has no expiry.");
    case JwtError::Expired:
        return QStringLiteral("The token has expired.");
    case JwtError::NotYetValid:
        return QStringLiteral("The token is not valid yet.");
    case JwtError::IssuedInFuture:
        return QStringLiteral("The token claims to be issued in the future.");
    case JwtError::LifetimeTooLong:
        return QStringLiteral("The token is valid for longer than allowed.");
    case JwtError::WrongAudience:
        return QStringLiteral("The token is not meant for this server.");
    case JwtError::WrongKind:
        return QStringLiteral("The token is not the kind of credential required here.");
    case JwtError::WrongIssuer:
        return QStringLiteral("The token was not issued by this server.");
    case JwtError::InvalidSubject:
        return QStringLiteral("The token's subject is not an agent of this trust domain.");
    }
    Q_UNREACHABLE();
}

} // namespace mandate::server
