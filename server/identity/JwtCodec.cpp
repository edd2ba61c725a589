#include "server/identity/JwtCodec.h"

#include "core/StrictJson.h"
#include "server/identity/Base64Url.h"
#include "server/identity/SigningKey.h"
#include "server/identity/VerificationKeys.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace mandate::server {

namespace {

// 9999-12-31T23:59:59Z: bounds every date so that adding a leeway can never overflow.
constexpr qint64 MaxNumericDate = 253402300799;
// Tokens are flat claim sets; nothing legitimate nests deeper than an RFC 8693 actor chain.
constexpr int MaxJsonDepth = 16;

QByteArray compactJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

bool isInteger(const QJsonValue &value)
{
    return value.isDouble() && value.toVariant().typeId() == QMetaType::LongLong;
}

// A NumericDate claim: absent, or an integer number of seconds since the epoch.
struct DateClaim
{
    bool valid = true;
    std::optional<qint64> seconds;
};

DateClaim dateClaim(const QJsonObject &claims, QStringView name)
{
    const QJsonValue value = claims.value(name);
    if (value.isUndefined())
        return {};
    if (!isInteger(value))
        return {false, std::nullopt};
    const qint64 seconds = value.toInteger();
    if (seconds < 0 || seconds > MaxNumericDate)
        return {false, std::nullopt};
    return {true, seconds};
}

bool isAbsentOrString(const QJsonObject &claims, QStringView name)
{
    const QJsonValue value = claims.value(name);
    return value.isUndefined() || value.isString();
}

// Whether "aud" names `audience`; nothing when "aud" is neither a string nor an array of strings.
std::optional<bool> audienceContains(const QJsonValue &audienceClaim, const QString &audience)
{
    if (audienceClaim.isUndefined())
        return false;
    if (audienceClaim.isString())
        return !audience.isEmpty() && audienceClaim.toString() == audience;
    if (!audienceClaim.isArray())
        return std::nullopt;
    bool found = false;
    for (const QJsonValue &entry : audienceClaim.toArray()) {
        if (!entry.isString())
            return std::nullopt;
        found = found || (!audience.isEmpty() && entry.toString() == audience);
    }
    return found;
}

std::optional<JwtError> checkClaims(const QJsonObject &claims, const JwtExpectations &expect, qint64 now)
{
    const DateClaim expiry = dateClaim(claims, u"exp");
    const DateClaim notBefore = dateClaim(claims, u"nbf");
    const DateClaim issuedAt = dateClaim(claims, u"iat");
    if (!expiry.valid || !notBefore.valid || !issuedAt.valid || !isAbsentOrString(claims, u"iss") ||
        !isAbsentOrString(claims, u"sub") || !isAbsentOrString(claims, u"jti"))
        return JwtError::MalformedClaims;
    const auto audienceMatches = audienceContains(claims.value(u"aud"), expect.audience);
    if (!audienceMatches)
        return JwtError::MalformedClaims;
    if (!expiry.seconds && (expect.requireExpiry || expect.maxLifetimeSeconds))
        return JwtError::MissingExpiry;
    if (expiry.seconds && now >= *expiry.seconds + expect.leewaySeconds)
        return JwtError::Expired;
    if (notBefore.seconds && now + expect.leewaySeconds < *notBefore.seconds)
        return JwtError::NotYetValid;
    if (issuedAt.seconds && *issuedAt.seconds > now + expect.leewaySeconds)
        return JwtError::IssuedInFuture;
    if (expect.maxLifetimeSeconds &&
        *expiry.seconds - issuedAt.seconds.value_or(now) > *expect.maxLifetimeSeconds)
        return JwtError::LifetimeTooLong;
    if (!*audienceMatches)
        return JwtError::WrongAudience;
    return std::nullopt;
}

std::optional<JwtError> checkHeader(const QJsonObject &header)
{
    const QJsonValue algorithm = header.value(u"alg");
    if (!algorithm.isString())
        return JwtError::Malformed;
    if (algorithm.toString() != VerificationKeys::EdDsa && algorithm.toString() != VerificationKeys::Es256)
        return JwtError::UnsupportedAlgorithm;
    // RFC 7515 §4.1.11: extensions listed in "crit" must be understood, and this codec has none.
    if (header.contains(u"crit"))
        return JwtError::UnsupportedHeader;
    const QJsonValue type = header.value(u"typ");
    if (!type.isUndefined() &&
        (!type.isString() || (type.toString().compare(u"JWT", Qt::CaseInsensitive) != 0 &&
                              type.toString().compare(u"JOSE", Qt::CaseInsensitive) != 0)))
        return JwtError::UnsupportedHeader;
    return std::nullopt;
}

} // namespace

QString JwtCodec::sign(const QJsonObject &claims, const SigningKey &key)
{
    const QJsonObject header{{QStringLiteral("alg"), SigningKey::Algorithm.toString()},
                             {QStringLiteral("kid"), key.keyId()},
                             {QStringLiteral("typ"), QStringLiteral("JWT")}};
    const QByteArray signingInput =
        Base64Url::encode(compactJson(header)) + '.' + Base64Url::encode(compactJson(claims));
    const QByteArray signature = key.sign(signingInput);
    if (signature.isEmpty())
        return QString();
    return QString::fromLatin1(signingInput + '.' + Base64Url::encode(signature));
}

Expected<QJsonObject, JwtError> JwtCodec::verify(QStringView token, const VerificationKeys &keys,
                                                 const JwtExpectations &expect, const QDateTime &now)
{
    if (token.size() > MaxTokenSize)
        return unexpected(JwtError::TooLarge);
    // Any character outside Latin-1 becomes '?', which base64url decoding refuses below.
    const QByteArray compact = token.toLatin1();
    const QList<QByteArray> parts = compact.split('.');
    if (parts.size() != 3)
        return unexpected(JwtError::Malformed);

    const auto headerBytes = Base64Url::decode(parts[0]);
    if (!headerBytes)
        return unexpected(JwtError::Malformed);
    const auto header = StrictJson::parseObject(*headerBytes, MaxJsonDepth);
    if (!header)
        return unexpected(JwtError::Malformed);
    if (const auto problem = checkHeader(*header))
        return unexpected(*problem);
    const QString algorithm = header->value(u"alg").toString();
    const QJsonValue keyId = header->value(u"kid");
    const auto pinnedAlgorithm = keyId.isString() ? keys.algorithmOf(keyId.toString()) : std::nullopt;
    if (!pinnedAlgorithm)
        return unexpected(JwtError::UnknownKey);
    if (*pinnedAlgorithm != algorithm)
        return unexpected(JwtError::AlgorithmMismatch);

    const auto signature = Base64Url::decode(parts[2]);
    if (!signature)
        return unexpected(JwtError::Malformed);
    const qsizetype signingInputSize = parts[0].size() + 1 + parts[1].size();
    if (!keys.verify(keyId.toString(), algorithm, QByteArrayView(compact).first(signingInputSize),
                     *signature))
        return unexpected(JwtError::BadSignature);

    const auto claimBytes = Base64Url::decode(parts[1]);
    if (!claimBytes)
        return unexpected(JwtError::Malformed);
    auto claims = StrictJson::parseObject(*claimBytes, MaxJsonDepth);
    if (!claims)
        return unexpected(JwtError::Malformed);
    if (const auto problem = checkClaims(*claims, expect, now.toSecsSinceEpoch()))
        return unexpected(*problem);
    return std::move(claims).value();
}

} // namespace mandate::server
