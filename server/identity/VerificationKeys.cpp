#include "server/identity/VerificationKeys.h"

#include "core/StrictJson.h"
#include "server/identity/Base64Url.h"
#include "server/identity/OpenSslHandles.h"
#include "server/identity/ReportError.h"
#include "server/identity/SigningKey.h"

#include <QFile>
#include <QJsonArray>

#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/obj_mac.h>

namespace mandate::server {

namespace {

constexpr qsizetype Ed25519KeySize = 32;
constexpr qsizetype P256CoordinateSize = 32;
// Both algorithms sign with 64 bytes: Ed25519 natively, ES256 as r‖s of 32 bytes each.
constexpr qsizetype SignatureSize = 64;
constexpr qsizetype MaxKeyIdLength = 256;

struct ParsedKey
{
    QString keyId;
    QString algorithm;
    QJsonObject publicJwk;
    std::shared_ptr<EVP_PKEY> key;
};

// The text of an optional string member: nothing when absent, a problem when not a string.
std::optional<QString> optionalString(const QJsonObject &jwk, const QString &name, QString *problem)
{
    const QJsonValue value = jwk.value(name);
    if (value.isUndefined())
        return QString();
    if (!value.isString()) {
        *problem = QStringLiteral("\"%1\" must be a string").arg(name);
        return std::nullopt;
    }
    return value.toString();
}

std::optional<QByteArray> coordinate(const QJsonObject &jwk, const QString &name, QString *problem)
{
    const QJsonValue value = jwk.value(name);
    const auto decoded = value.isString() ? Base64Url::decode(value.toString().toLatin1()) : std::nullopt;
    if (!decoded || decoded->size() != P256CoordinateSize) {
        *problem = QStringLiteral("\"%1\" must be %2 bytes in base64url").arg(name).arg(P256CoordinateSize);
        return std::nullopt;
    }
    return decoded;
}

std::shared_ptr<EVP_PKEY> ed25519PublicKey(QByteArrayView raw)
{
    return openssl::shareKey(EVP_PKEY_new_raw_public_key(
        EVP_PKEY_ED25519, nullptr, openssl::bytesOf(raw.data()), static_cast<size_t>(raw.size())));
}

// Imports an uncompressed P-256 point and rejects it unless it lies on the curve: an off-curve
// point is the lever of invalid-curve attacks.
std::shared_ptr<EVP_PKEY> p256PublicKey(const QByteArray &x, const QByteArray &y)
{
    const QByteArray point = QByteArray(1, '\x04') + x + y;
    openssl::ParamBuilder builder(OSSL_PARAM_BLD_new());
    if (!builder ||
        OSSL_PARAM_BLD_push_utf8_string(builder.get(), OSSL_PKEY_PARAM_GROUP_NAME, SN_X9_62_prime256v1, 0) !=
            1 ||
        OSSL_PARAM_BLD_push_octet_string(builder.get(), OSSL_PKEY_PARAM_PUB_KEY, point.constData(),
                                         static_cast<size_t>(point.size())) != 1)
        return nullptr;
    openssl::Params params(OSSL_PARAM_BLD_to_param(builder.get()));
    openssl::KeyContext context(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
    EVP_PKEY *imported = nullptr;
    if (!params || !context || EVP_PKEY_fromdata_init(context.get()) != 1 ||
        EVP_PKEY_fromdata(context.get(), &imported, EVP_PKEY_PUBLIC_KEY, params.get()) != 1)
        return nullptr;
    auto key = openssl::shareKey(imported);
    openssl::KeyContext check(EVP_PKEY_CTX_new_from_pkey(nullptr, key.get(), nullptr));
    if (!check || EVP_PKEY_public_check(check.get()) != 1)
        return nullptr;
    return key;
}

std::optional<ParsedKey> parseJwk(const QJsonObject &jwk, QString *problem)
{
    ParsedKey parsed;
    const auto keyId = optionalString(jwk, QStringLiteral("kid"), problem);
    const auto type = optionalString(jwk, QStringLiteral("kty"), problem);
    const auto curve = optionalString(jwk, QStringLiteral("crv"), problem);
    const auto algorithm = optionalString(jwk, QStringLiteral("alg"), problem);
    if (!keyId || !type || !curve || !algorithm)
        return std::nullopt;
    if (keyId->isEmpty() || keyId->size() > MaxKeyIdLength) {
        *problem = QStringLiteral("\"kid\" is required (at most %1 characters)").arg(MaxKeyIdLength);
        return std::nullopt;
    }
    if (jwk.contains(u"d")) {
        *problem = QStringLiteral("holds a private key (\"d\"); a trust bundle must hold public keys only");
        return std::nullopt;
    }
    parsed.keyId = *keyId;
    parsed.publicJwk = {{QStringLiteral("kty"), *type}, {QStringLiteral("crv"), *curve}};
    if (*type == u"OKP") {
        if (*curve != u"Ed25519") {
            *problem = QStringLiteral("OKP keys must be on curve Ed25519");
            return std::nullopt;
        }
        const QJsonValue x = jwk.value(u"x");
        const auto raw = x.isString() ? Base64Url::decode(x.toString().toLatin1()) : std::nullopt;
        if (!raw || raw->size() != Ed25519KeySize) {
            *problem = QStringLiteral("\"x\" must be %1 bytes in base64url").arg(Ed25519KeySize);
            return std::nullopt;
        }
        parsed.algorithm = VerificationKeys::EdDsa.toString();
        parsed.key = ed25519PublicKey(*raw);
        parsed.publicJwk.insert(QStringLiteral("x"), x);
    } else if (*type == u"EC") {
        if (*curve != u"P-256") {
            *problem = QStringLiteral("EC keys must be on curve P-256");
            return std::nullopt;
        }
        const auto x = coordinate(jwk, QStringLiteral("x"), problem);
        const auto y = x ? coordinate(jwk, QStringLiteral("y"), problem) : std::nullopt;
        if (!x || !y)
            return std::nullopt;
        parsed.algorithm = VerificationKeys::Es256.toString();
        parsed.key = p256PublicKey(*x, *y);
        if (!parsed.key) {
            ERR_clear_error();
            *problem = QStringLiteral("\"x\" and \"y\" are not a point on curve P-256");
            return std::nullopt;
        }
        parsed.publicJwk.insert(QStringLiteral("x"), jwk.value(u"x"));
        parsed.publicJwk.insert(QStringLiteral("y"), jwk.value(u"y"));
    } else {
        *problem =
            QStringLiteral("key type \"%1\" is not supported (only OKP/Ed25519 and EC/P-256 are)").arg(*type);
        return std::nullopt;
    }
    if (!algorithm->isEmpty() && *algorithm != parsed.algorithm) {
        *problem = QStringLiteral("\"alg\" must be \"%1\" for this key").arg(parsed.algorithm);
        return std::nullopt;
    }
    if (!parsed.key) {
        ERR_clear_error();
        *problem = QStringLiteral("OpenSSL cannot import this key");
        return std::nullopt;
    }
    parsed.publicJwk.insert(QStringLiteral("kid"), parsed.keyId);
    parsed.publicJwk.insert(QStringLiteral("alg"), parsed.algorithm);
    parsed.publicJwk.insert(QStringLiteral("use"), QStringLiteral("sig"));
    return parsed;
}

// JOSE writes an ECDSA signature as r‖s; OpenSSL verifies the DER encoding of the pair.
QByteArray ecdsaDerSignature(QByteArrayView rawSignature)
{
    const qsizetype half = rawSignature.size() / 2;
    openssl::EcdsaSignature signature(ECDSA_SIG_new());
    openssl::BigNum r(BN_bin2bn(openssl::bytesOf(rawSignature.data()), static_cast<int>(half), nullptr));
    openssl::BigNum s(
        BN_bin2bn(openssl::bytesOf(rawSignature.data() + half), static_cast<int>(half), nullptr));
    if (!signature || !r || !s || ECDSA_SIG_set0(signature.get(), r.get(), s.get()) != 1)
        return QByteArray();
    // The signature owns both numbers now.
    static_cast<void>(r.release());
    static_cast<void>(s.release());
    const int size = i2d_ECDSA_SIG(signature.get(), nullptr);
    if (size <= 0)
        return QByteArray();
    QByteArray der(size, Qt::Uninitialized);
    unsigned char *cursor = openssl::bytesOf(der.data());
    if (i2d_ECDSA_SIG(signature.get(), &cursor) != size)
        return QByteArray();
    return der;
}

} // namespace

std::optional<VerificationKeys> VerificationKeys::fromJwks(const QJsonObject &jwks, QString *error)
{
    const QJsonValue keys = jwks.value(u"keys");
    if (!keys.isArray()) {
        reportError(error, QStringLiteral("\"keys\" must be an array of JWKs"));
        return std::nullopt;
    }
    VerificationKeys result;
    const QJsonArray array = keys.toArray();
    for (qsizetype index = 0; index < array.size(); ++index) {
        const QString where = QStringLiteral("keys[%1]").arg(index);
        if (!array.at(index).isObject()) {
            reportError(error, QStringLiteral("%1: must be an object").arg(where));
            return std::nullopt;
        }
        const QJsonObject jwk = array.at(index).toObject();
        QString problem;
        const auto use = optionalString(jwk, QStringLiteral("use"), &problem);
        if (use && *use == u"x509-svid")
            continue;
        if (use && !use->isEmpty() && *use != u"sig" && *use != u"jwt-svid")
            problem = QStringLiteral("\"use\" must be \"sig\" or \"jwt-svid\"");
        const auto parsed = problem.isEmpty() ? parseJwk(jwk, &problem) : std::nullopt;
        if (parsed && result.m_keys.contains(parsed->keyId))
            problem = QStringLiteral("key id \"%1\" is used by an earlier key").arg(parsed->keyId);
        if (!problem.isEmpty()) {
            reportError(error, QStringLiteral("%1: %2").arg(where, problem));
            return std::nullopt;
        }
        result.m_keys.insert(parsed->keyId, Key{parsed->algorithm, parsed->publicJwk, parsed->key});
    }
    return result;
}

std::optional<VerificationKeys> VerificationKeys::loadFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        reportError(error,
                    QStringLiteral("Cannot open the trust bundle %1: %2.").arg(path, file.errorString()));
        return std::nullopt;
    }
    const QByteArray contents = file.read(MaxTrustBundleSize + 1);
    if (contents.size() > MaxTrustBundleSize) {
        reportError(error, QStringLiteral("The trust bundle %1 is larger than 1 MiB.").arg(path));
        return std::nullopt;
    }
    const auto document = StrictJson::parseObject(contents);
    if (!document) {
        reportError(error, QStringLiteral("The trust bundle %1 is not a JSON object: %2.")
                               .arg(path, document.error().message));
        return std::nullopt;
    }
    QString problem;
    auto keys = fromJwks(*document, &problem);
    if (!keys) {
        reportError(error,
                    QStringLiteral("The trust bundle %1 is not a usable JWKS: %2.").arg(path, problem));
        return std::nullopt;
    }
    if (keys->isEmpty()) {
        reportError(error, QStringLiteral("The trust bundle %1 holds no key for verifying JWTs.").arg(path));
        return std::nullopt;
    }
    return keys;
}

void VerificationKeys::add(const SigningKey &key)
{
    auto publicKey = ed25519PublicKey(key.publicKey());
    if (!publicKey) {
        ERR_clear_error();
        return;
    }
    m_keys.insert(key.keyId(), Key{EdDsa.toString(), key.publicJwk(), std::move(publicKey)});
}

void VerificationKeys::addAll(const VerificationKeys &other)
{
    for (auto it = other.m_keys.cbegin(); it != other.m_keys.cend(); ++it)
        m_keys.insert(it.key(), it.value());
}

QJsonObject VerificationKeys::toJwks() const
{
    QJsonArray keys;
    for (const Key &key : m_keys)
        keys.append(key.publicJwk);
    return {{QStringLiteral("keys"), keys}};
}

std::optional<QString> VerificationKeys::algorithmOf(QStringView keyId) const
{
    const auto found = m_keys.constFind(keyId.toString());
    if (found == m_keys.constEnd())
        return std::nullopt;
    return found->algorithm;
}

bool VerificationKeys::verify(QStringView keyId, QStringView algorithm, QByteArrayView signingInput,
                              QByteArrayView signature) const
{
    const auto found = m_keys.constFind(keyId.toString());
    if (found == m_keys.constEnd() || found->algorithm != algorithm || signature.size() != SignatureSize)
        return false;
    QByteArray der;
    QByteArrayView checked = signature;
    const EVP_MD *digest = nullptr; // Ed25519 hashes the message itself (PureEdDSA)
    if (found->algorithm == Es256) {
        der = ecdsaDerSignature(signature);
        if (der.isEmpty()) {
            ERR_clear_error();
            return false;
        }
        checked = der;
        digest = EVP_sha256();
    }
    openssl::DigestContext context(EVP_MD_CTX_new());
    const bool valid =
        context && EVP_DigestVerifyInit(context.get(), nullptr, digest, nullptr, found->key.get()) == 1 &&
        EVP_DigestVerify(context.get(), openssl::bytesOf(checked.data()), static_cast<size_t>(checked.size()),
                         openssl::bytesOf(signingInput.data()),
                         static_cast<size_t>(signingInput.size())) == 1;
    // A failed check leaves entries on OpenSSL's per-thread error queue, where they would be
    // mistaken for errors of the next, unrelated OpenSSL call on this thread (TLS included).
    if (!valid)
        ERR_clear_error();
    return valid;
}

} // namespace mandate::server
