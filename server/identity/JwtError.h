#pragma once

#include <QString>

namespace mandate::server {

// Why a token was refused. The messages never quote the token or any part of it: tokens are
// bearer credentials, and messages end up in logs and problem details.
enum class JwtError
{
    TooLarge,             // over JwtCodec::MaxTokenSize
    Malformed,            // not header.payload.signature of base64url JSON objects
    UnsupportedHeader,    // a "crit" header, or a "typ" that is not a JWT
    UnsupportedAlgorithm, // "none", HS*, RS*, … — anything but EdDSA and ES256
    UnknownKey,           // no "kid", or one that names no trusted key
    AlgorithmMismatch,    // "alg" is not the algorithm the key is pinned to
    BadSignature,
    MalformedClaims, // a registered claim of the wrong type or out of range
    MissingExpiry,
    Expired,
    NotYetValid,     // "nbf" is in the future
    IssuedInFuture,  // "iat" is in the future
    LifetimeTooLong, // "exp" lies further ahead than the verifier allows
    WrongAudience,
    // Raised by AgentCredentials, on tokens that are valid JWTs but not the credential asked for:
    WrongKind,     // a JIT credential where a JWT-SVID is due, or the reverse
    WrongIssuer,   // "iss" is not this server
    InvalidSubject // "sub" is not a SPIFFE ID of the expected trust domain
};

// One plain sentence for logs and problem details ("The token has expired.").
QString jwtErrorMessage(JwtError error);

} // namespace mandate::server
