#include "agent/SetVerifier.h"

#include "core/StrictJson.h"

#include <QJsonArray>

#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

namespace mandate::agent {

namespace {

constexpr qsizetype MaxTokenSize = 64 * 1024;

std::optional<QByteArray> base64Url(QByteArrayView text)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        text.toByteArray(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return *decoded;
}

std::shared_ptr<evp_pkey_st> share(EVP_PKEY *key)
{
    return key ? std::shared_ptr<evp_pkey_st>(key, EVP_PKEY_free) : nullptr;
}

std::shared_ptr<evp_pkey_st> rsaKey(const QByteArray &modulus, const QByteArray &exponent)
{
    const auto toNumber = [](const QByteArray &bytes) {
        return BN_bin2bn(reinterpret_cast<const unsigned char *>(bytes.constData()),
                         static_cast<int>(bytes.size()), nullptr);
    };
    BIGNUM *n = toNumber(modulus);
    BIGNUM *e = toNumber(exponent);
    OSSL_PARAM_BLD *builder = OSSL_PARAM_BLD_new();
    OSSL_PARAM *params = nullptr;
    EVP_PKEY *key = nullptr;
    EVP_PKEY_CTX *context = EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr);
    if (n && e && builder && context && OSSL_PARAM_BLD_push_BN(builder, OSSL_PKEY_PARAM_RSA_N, n) == 1 &&
        OSSL_PARAM_BLD_push_BN(builder, OSSL_PKEY_PARAM_RSA_E, e) == 1 &&
        (params = OSSL_PARAM_BLD_to_param(builder)) != nullptr && EVP_PKEY_fromdata_init(context) == 1 &&
        EVP_PKEY_fromdata(context, &key, EVP_PKEY_PUBLIC_KEY, params) != 1)
        key = nullptr;
    ERR_clear_error();
    EVP_PKEY_CTX_free(context);
    OSSL_PARAM_free(params);
    OSSL_PARAM_BLD_free(builder);
    BN_free(n);
    BN_free(e);
    // The CAEP interoperability profile: RSA keys of at least 2048 bits.
    if (key && EVP_PKEY_get_bits(key) < 2048) {
        EVP_PKEY_free(key);
        key = nullptr;
    }
    return share(key);
}

bool verifySignature(EVP_PKEY *key, const QString &algorithm, QByteArrayView input,
                     const QByteArray &signature)
{
    EVP_MD_CTX *context = EVP_MD_CTX_new();
    const bool ok = context &&
                    EVP_DigestVerifyInit(context, nullptr, algorithm == u"RS256" ? EVP_sha256() : nullptr,
                                         nullptr, key) == 1 &&
                    EVP_DigestVerify(context, reinterpret_cast<const unsigned char *>(signature.constData()),
                                     static_cast<size_t>(signature.size()),
                                     reinterpret_cast<const unsigned char *>(input.data()),
                                     static_cast<size_t>(input.size())) == 1;
    ERR_clear_error();
    EVP_MD_CTX_free(context);
    return ok;
}

} // namespace

Expected<SetVerifier, QString> SetVerifier::fromJwks(const QJsonObject &jwks)
{
    SetVerifier verifier;
    for (const QJsonValue &value : jwks.value(u"keys").toArray()) {
        const QJsonObject jwk = value.toObject();
        const QString algorithm = jwk.value(u"alg").toString();
        std::shared_ptr<evp_pkey_st> key;
        if (algorithm == u"RS256" && jwk.value(u"kty").toString() == u"RSA") {
            const auto n = base64Url(jwk.value(u"n").toString().toLatin1());
            const auto e = base64Url(jwk.value(u"e").toString().toLatin1());
            if (n && e)
                key = rsaKey(*n, *e);
        } else if (algorithm == u"EdDSA" && jwk.value(u"crv").toString() == u"Ed25519") {
            const auto x = base64Url(jwk.value(u"x").toString().toLatin1());
            if (x && x->size() == 32)
                key = share(EVP_PKEY_new_raw_public_key(
                    EVP_PKEY_ED25519, nullptr, reinterpret_cast<const unsigned char *>(x->constData()), 32));
        }
        if (key && !jwk.value(u"kid").toString().isEmpty())
            verifier.m_keys.insert(jwk.value(u"kid").toString(), {algorithm, key});
    }
    if (verifier.m_keys.isEmpty())
        return unexpected(QStringLiteral("the JWKS holds no RS256 or EdDSA key"));
    return verifier;
}

Expected<QJsonObject, QString> SetVerifier::verify(const QByteArray &token, const QString &issuer,
                                                   const QString &audience) const
{
    if (token.size() > MaxTokenSize)
        return unexpected(QStringLiteral("the SET is too large"));
    const QList<QByteArray> parts = token.trimmed().split('.');
    if (parts.size() != 3)
        return unexpected(QStringLiteral("not a compact JWS"));
    const auto headerBytes = base64Url(parts[0]);
    const auto payload = base64Url(parts[1]);
    const auto signature = base64Url(parts[2]);
    std::optional<QJsonObject> header;
    if (headerBytes) {
        if (auto parsed = StrictJson::parseObject(*headerBytes))
            header = *parsed;
    }
    if (!payload || !signature || !header)
        return unexpected(QStringLiteral("not a compact JWS"));
    if (header->value(u"typ").toString() != u"secevent+jwt")
        return unexpected(QStringLiteral("typ is not secevent+jwt"));
    const auto key = m_keys.constFind(header->value(u"kid").toString());
    if (key == m_keys.constEnd())
        return unexpected(
            QStringLiteral("kid %1 is not in the transmitter's JWKS").arg(header->value(u"kid").toString()));
    if (header->value(u"alg").toString() != key->algorithm || header->contains(u"crit"))
        return unexpected(QStringLiteral("alg %1 is not the key's").arg(header->value(u"alg").toString()));
    const qsizetype signedLength = parts[0].size() + 1 + parts[1].size();
    if (!verifySignature(key->key.get(), key->algorithm, QByteArrayView(token.trimmed()).first(signedLength),
                         *signature))
        return unexpected(QStringLiteral("the signature does not verify"));
    const auto claims = StrictJson::parseObject(*payload);
    if (!claims)
        return unexpected(QStringLiteral("the claims are not a JSON object"));
    if (claims->value(u"iss").toString() != issuer)
        return unexpected(QStringLiteral("iss is %1, not %2").arg(claims->value(u"iss").toString(), issuer));
    const QJsonValue aud = claims->value(u"aud");
    if (!(aud.toString() == audience || aud.toArray().contains(audience)))
        return unexpected(QStringLiteral("aud does not name this receiver"));
    if (claims->contains(u"sub") || claims->contains(u"exp"))
        return unexpected(QStringLiteral("a SET carries neither sub nor exp"));
    if (claims->value(u"events").toObject().size() != 1 || claims->value(u"jti").toString().isEmpty())
        return unexpected(QStringLiteral("a SET carries a jti and exactly one event"));
    return *claims;
}

} // namespace mandate::agent
