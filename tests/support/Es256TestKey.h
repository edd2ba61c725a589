#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QString>

#include <memory>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>

namespace mandate::test {

// A P-256 key made with OpenSSL directly, standing in for an external issuer such as a SPIFFE
// server that signs its JWT-SVIDs with ES256. Tests that include this link OpenSSL::Crypto.
class Es256TestKey
{
public:
    Es256TestKey()
        : m_key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"), EVP_PKEY_free)
    {
        if (!m_key)
            qFatal("OpenSSL cannot generate a P-256 key");
    }

    QJsonObject publicJwk(const QString &keyId) const
    {
        return {{QStringLiteral("kty"), QStringLiteral("EC")},
                {QStringLiteral("crv"), QStringLiteral("P-256")},
                {QStringLiteral("x"), base64Url(coordinate(OSSL_PKEY_PARAM_EC_PUB_X))},
                {QStringLiteral("y"), base64Url(coordinate(OSSL_PKEY_PARAM_EC_PUB_Y))},
                {QStringLiteral("kid"), keyId}};
    }

    // The DER-encoded ECDSA signature OpenSSL produces, which JOSE does not use.
    QByteArray signDer(QByteArrayView message) const
    {
        std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
        size_t size = 0;
        const auto *data = reinterpret_cast<const unsigned char *>(message.data());
        const auto length = static_cast<size_t>(message.size());
        if (EVP_DigestSignInit(context.get(), nullptr, EVP_sha256(), nullptr, m_key.get()) != 1 ||
            EVP_DigestSign(context.get(), nullptr, &size, data, length) != 1)
            qFatal("OpenSSL cannot sign with P-256");
        QByteArray der(static_cast<qsizetype>(size), Qt::Uninitialized);
        if (EVP_DigestSign(context.get(), reinterpret_cast<unsigned char *>(der.data()), &size, data,
                           length) != 1)
            qFatal("OpenSSL cannot sign with P-256");
        der.truncate(static_cast<qsizetype>(size));
        return der;
    }

    // The JWS form of an ES256 signature (RFC 7518 §3.4): r and s, 32 bytes each, concatenated.
    QByteArray signRaw(QByteArrayView message) const
    {
        const QByteArray der = signDer(message);
        const auto *cursor = reinterpret_cast<const unsigned char *>(der.constData());
        std::unique_ptr<ECDSA_SIG, decltype(&ECDSA_SIG_free)> signature(
            d2i_ECDSA_SIG(nullptr, &cursor, static_cast<long>(der.size())), ECDSA_SIG_free);
        const BIGNUM *r = nullptr;
        const BIGNUM *s = nullptr;
        ECDSA_SIG_get0(signature.get(), &r, &s);
        QByteArray raw(64, Qt::Uninitialized);
        BN_bn2binpad(r, reinterpret_cast<unsigned char *>(raw.data()), 32);
        BN_bn2binpad(s, reinterpret_cast<unsigned char *>(raw.data() + 32), 32);
        return raw;
    }

private:
    QByteArray coordinate(const char *name) const
    {
        BIGNUM *value = nullptr;
        if (EVP_PKEY_get_bn_param(m_key.get(), name, &value) != 1)
            qFatal("OpenSSL cannot export a P-256 coordinate");
        QByteArray bytes(32, Qt::Uninitialized);
        BN_bn2binpad(value, reinterpret_cast<unsigned char *>(bytes.data()), 32);
        BN_free(value);
        return bytes;
    }

    static QString base64Url(const QByteArray &bytes)
    {
        return QString::fromLatin1(
            bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    }

    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> m_key;
};

} // namespace mandate::test
