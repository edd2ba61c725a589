#include "server/identity/SigningKey.h"

#include "core/Sha256.h"
#include "server/identity/Base64Url.h"
#include "server/identity/KeyFile.h"
#include "server/identity/OpenSslHandles.h"
#include "server/identity/ReportError.h"

#include <openssl/err.h>

namespace mandate::server {

namespace {

constexpr qsizetype Ed25519PublicKeySize = 32;

} // namespace

SigningKey::SigningKey(std::shared_ptr<evp_pkey_st> key, QByteArray publicKey)
    : m_key(std::move(key))
    , m_publicKey(std::move(publicKey))
    , m_keyId(thumbprint(m_publicKey))
{}

std::optional<SigningKey> SigningKey::fromKey(std::shared_ptr<evp_pkey_st> key, QString *error)
{
    if (EVP_PKEY_get_id(key.get()) != EVP_PKEY_ED25519) {
        reportError(error, QStringLiteral("it holds a key of type %1, not Ed25519")
                               .arg(QString::fromLatin1(EVP_PKEY_get0_type_name(key.get()))));
        return std::nullopt;
    }
    QByteArray publicKey(Ed25519PublicKeySize, Qt::Uninitialized);
    size_t size = static_cast<size_t>(publicKey.size());
    if (EVP_PKEY_get_raw_public_key(key.get(), openssl::bytesOf(publicKey.data()), &size) != 1 ||
        size != static_cast<size_t>(Ed25519PublicKeySize)) {
        ERR_clear_error();
        reportError(error, QStringLiteral("OpenSSL cannot read its public key"));
        return std::nullopt;
    }
    return SigningKey(std::move(key), std::move(publicKey));
}

std::optional<SigningKey> SigningKey::generate()
{
    auto key = openssl::shareKey(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"));
    if (!key) {
        ERR_clear_error();
        return std::nullopt;
    }
    return fromKey(std::move(key), nullptr);
}

std::optional<SigningKey> SigningKey::fromPem(QByteArrayView pem, QString *error)
{
    auto key = KeyFile::parsePem(pem, error);
    if (!key)
        return std::nullopt;
    return fromKey(std::move(key), error);
}

std::optional<SigningKey> SigningKey::loadOrCreate(const QString &path, QString *error)
{
    return KeyFile::loadOrCreate<SigningKey>(
        path, QStringLiteral("Ed25519"),
        [](QByteArrayView pem, QString *reason) { return fromPem(pem, reason); },
        []() -> std::optional<std::pair<SigningKey, QByteArray>> {
            auto created = generate();
            if (!created)
                return std::nullopt;
            QByteArray pem = KeyFile::toPem(created->m_key.get());
            return std::pair{std::move(*created), std::move(pem)};
        },
        error);
}

QByteArray SigningKey::sign(QByteArrayView message) const
{
    openssl::DigestContext context(EVP_MD_CTX_new());
    QByteArray signature(SignatureSize, Qt::Uninitialized);
    size_t size = static_cast<size_t>(signature.size());
    // Ed25519 hashes the message itself (PureEdDSA), hence no digest.
    if (!context || EVP_DigestSignInit(context.get(), nullptr, nullptr, nullptr, m_key.get()) != 1 ||
        EVP_DigestSign(context.get(), openssl::bytesOf(signature.data()), &size,
                       openssl::bytesOf(message.data()), static_cast<size_t>(message.size())) != 1 ||
        size != static_cast<size_t>(SignatureSize)) {
        ERR_clear_error();
        return QByteArray();
    }
    return signature;
}

QJsonObject SigningKey::publicJwk() const
{
    return {{QStringLiteral("kty"), QStringLiteral("OKP")},
            {QStringLiteral("crv"), QStringLiteral("Ed25519")},
            {QStringLiteral("x"), QString::fromLatin1(Base64Url::encode(m_publicKey))},
            {QStringLiteral("kid"), m_keyId},
            {QStringLiteral("alg"), Algorithm.toString()},
            {QStringLiteral("use"), QStringLiteral("sig")}};
}

QString SigningKey::thumbprint(QByteArrayView ed25519PublicKey)
{
    // RFC 7638 §3: the required members only, in lexicographic order, without whitespace.
    const QByteArray canonical =
        "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + Base64Url::encode(ed25519PublicKey) + "\"}";
    return QString::fromLatin1(Base64Url::encode(Sha256::of({canonical})));
}

} // namespace mandate::server
