#pragma once

#include <QByteArrayView>
#include <QJsonObject>
#include <QMap>
#include <QString>

#include <memory>
#include <optional>

struct evp_pkey_st; // OpenSSL's EVP_PKEY; kept opaque so that users of this header need no OpenSSL

namespace mandate::server {

class SigningKey;

// A set of public keys that tokens may be signed with (a JWKS, RFC 7517), looked up by key id.
// Every key is pinned to the one algorithm it is for: Ed25519 keys ("kty":"OKP") verify EdDSA,
// P-256 keys ("kty":"EC") verify ES256 (RFC 7518 §3.4: the signature is r‖s, 64 bytes). A token
// can therefore never choose how its signature is checked, which is what alg-confusion attacks
// rely on. Copies share the underlying OpenSSL keys, which are never modified.
class VerificationKeys
{
public:
    static constexpr QStringView EdDsa = u"EdDSA";
    static constexpr QStringView Es256 = u"ES256";
    static constexpr qsizetype MaxTrustBundleSize = 1024 * 1024;

    // Reads {"keys": [JWK, …]}. Other top-level members (such as a SPIFFE bundle's
    // "spiffe_sequence") are ignored, and so are keys marked "use":"x509-svid", which verify
    // X.509 certificates, not JWTs. Refused, with a message naming the key ("keys[2]: …"): a key
    // of another type or curve, a malformed or off-curve public key, private key material ("d"),
    // an "alg" the key cannot have, a "use" other than "sig" or "jwt-svid", a missing or
    // repeated "kid".
    static std::optional<VerificationKeys> fromJwks(const QJsonObject &jwks, QString *error);
    // A JWKS file such as a SPIFFE trust bundle (--trust-bundle); it must hold at least one key
    // that verifies JWTs.
    static std::optional<VerificationKeys> loadFile(const QString &path, QString *error);

    // Trusts the public half of `key`. A key already held under the same key id is replaced:
    // the id is the key's own thumbprint, so only a forged entry could collide with it.
    void add(const SigningKey &key);
    // Trusts every key of `other` as well (a key id held by both: `other`'s key).
    void addAll(const VerificationKeys &other);

    // Public keys only, each with "kid", "alg" and "use":"sig", ordered by key id.
    QJsonObject toJwks() const;
    // The algorithm the key `keyId` is pinned to, or nothing when no such key is held.
    std::optional<QString> algorithmOf(QStringView keyId) const;
    // True only when `keyId` is held, `algorithm` is the one it is pinned to and `signature` is
    // that algorithm's valid signature of `signingInput`.
    bool verify(QStringView keyId, QStringView algorithm, QByteArrayView signingInput,
                QByteArrayView signature) const;

    qsizetype size() const { return m_keys.size(); }
    bool isEmpty() const { return m_keys.isEmpty(); }

private:
    struct Key
    {
        QString algorithm;
        QJsonObject publicJwk;
        std::shared_ptr<evp_pkey_st> key;
    };

    // Sorted, so that toJwks() is the same on every call and every server.
    QMap<QString, Key> m_keys;
};

} // namespace mandate::server
