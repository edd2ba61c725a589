#include "server/identity/RsaSigningKey.h"

#include "core/Sha256.h"
#include "server/identity/Base64Url.h"
#include "server/identity/KeyFile.h"
#include "server/identity/OpenSslHandles.h"
#include "server/identity/ReportError.h"

#include <openssl/core_names.h>
#include <openssl/err.h>

namespace mandate::server {

namespace {

// The big-endian bytes of one of the key's numbers ("n", "e"); empty if OpenSSL cannot read it.
QByteArray numberOf(EVP_PKEY *key, const char *name)
{
    BIGNUM *raw = nullptr;
    if (EVP_PKEY_get_bn_param(key, name, &raw) != 1) {
        ERR_clear_error();
        return QByteArray();
    }
    const openssl::BigNum number(raw);
    QByteArray bytes(BN_num_bytes(number.get()), Qt::Uninitialized);
    BN_bn2bin(number.get(), openssl::bytesOf(bytes.data()));
    return bytes;
}

} // namespace

RsaSigningKey::RsaSigningKey(std::shared_ptr<evp_pkey_st> key, QByteArray modulus, QByteArray exponent)
    : m_key(std::move(key))
    , m_modulus(std::move(modulus))
    , m_exponent(std::move(exponent))
{
    // RFC 7638 §3.2: the required members in lexicographic order, without whitespace.
    const QByteArray canonical = "{\"e\":\"" + Base64Url::encode(m_exponent) + "\",\"kty\":\"RSA\",\"n\":\"" +
                                 Base64Url::encode(m_modulus) + "\"}";
    m_keyId = QString::fromLatin1(Base64Url::encode(Sha256::of({canonical})));
}

std::optional<RsaSigningKey> RsaSigningKey::fromKey(std::shared_ptr<evp_pkey_st> key, QString *error)
{
    if (EVP_PKEY_get_id(key.get()) != EVP_PKEY_RSA) {
        reportError(error, QStringLiteral("it holds a key of type %1, not RSA")
                               .arg(QString::fromLatin1(EVP_PKEY_get0_type_name(key.get()))));
        return std::nullopt;
    }
    if (EVP_PKEY_get_bits(key.get()) < Bits) {
        reportError(error, QStringLiteral("it holds an RSA key of %1 bits; Shared Signals needs at least %2")
                               .arg(EVP_PKEY_get_bits(key.get()))
                               .arg(Bits));
        return std::nullopt;
    }
    QByteArray modulus = numberOf(key.get(), OSSL_PKEY_PARAM_RSA_N);
    QByteArray exponent = numberOf(key.get(), OSSL_PKEY_PARAM_RSA_E);
    if (modulus.isEmpty() || exponent.isEmpty()) {
        reportError(error, QStringLiteral("OpenSSL cannot read its public key"));
        return std::nullopt;
    }
    return RsaSigningKey(std::move(key), std::move(modulus), std::move(exponent));
}

std::optional<RsaSigningKey> RsaSigningKey::generate()
{
    auto key = openssl::shareKey(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<size_t>(Bits)));
    if (!key) {
        ERR_clear_error();
        return std::nullopt;
    }
    return fromKey(std::move(key), nullptr);
}

std::optional<RsaSigningKey> RsaSigningKey::fromPem(QByteArrayView pem, QString *error)
{
    auto key = KeyFile::parsePem(pem, error);
    if (!key)
        return std::nullopt;
    return fromKey(std::move(key), error);
}

std::optional<RsaSigningKey> RsaSigningKey::loadOrCreate(const QString &path, QString *error)
{
    return KeyFile::loadOrCreate<RsaSigningKey>(
        path, QStringLiteral("RSA"), [](QByteArrayView pem, QString *reason) { return fromPem(pem, reason); },
        []() -> std::optional<std::pair<RsaSigningKey, QByteArray>> {
            auto created = generate();
            if (!created)
                return std::nullopt;
            QByteArray pem = KeyFile::toPem(created->m_key.get());
            return std::pair{std::move(*created), std::move(pem)};
        },
        error);
}

QByteArray RsaSigningKey::sign(QByteArrayView message) const
{
    openssl::DigestContext context(EVP_MD_CTX_new());
    size_t size = 0;
    // PKCS#1 v1.5 padding is OpenSSL's default for RSA signatures; RS256 is exactly that over SHA-256.
    if (!context || EVP_DigestSignInit(context.get(), nullptr, EVP_sha256(), nullptr, m_key.get()) != 1 ||
        EVP_DigestSignUpdate(context.get(), message.data(), static_cast<size_t>(message.size())) != 1 ||
        EVP_DigestSignFinal(context.get(), nullptr, &size) != 1) {
        ERR_clear_error();
        return QByteArray();
    }
    QByteArray signature(static_cast<qsizetype>(size), Qt::Uninitialized);
    if (EVP_DigestSignFinal(context.get(), openssl::bytesOf(signature.data()), &size) != 1) {
        ERR_clear_error();
        return QByteArray();
    }
    signature.truncate(static_cast<qsizetype>(size));
    return signature;
}

QJsonObject RsaSigningKey::publicJwk() const
{
    return {{QStringLiteral("kty"), QStringLiteral("RSA")},
            {QStringLiteral("n"), QString::fromLatin1(Base64Url::encode(m_modulus))},
            {QStringLiteral("e"), QString::fromLatin1(Base64Url::encode(m_exponent))},
            {QStringLiteral("kid"), m_keyId},
            {QStringLiteral("alg"), Algorithm.toString()},
            {QStringLiteral("use"), QStringLiteral("sig")}};
}

} // namespace mandate::server
