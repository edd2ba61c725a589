#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QString>

#include <memory>
#include <optional>

struct evp_pkey_st; // OpenSSL's EVP_PKEY; kept opaque so that users of this header need no OpenSSL

namespace mandate::server {

// The server's Ed25519 private key. It signs JIT credentials and the JWT-SVIDs of the embedded
// trust domain. Copies share one immutable OpenSSL key, so copying is cheap and sign() may run on
// several threads at once.
class SigningKey
{
public:
    static constexpr QStringView Algorithm = u"EdDSA";
    static constexpr qsizetype SignatureSize = 64;

    // Empty only when the OpenSSL build cannot make Ed25519 keys.
    static std::optional<SigningKey> generate();
    // An unencrypted PKCS#8 PEM ("-----BEGIN PRIVATE KEY-----") holding an Ed25519 key.
    static std::optional<SigningKey> fromPem(QByteArrayView pem, QString *error);
    // Loads the key kept at `path`, or creates one there when there is none. A new file is written
    // under a temporary name with mode 0600 (whatever the umask), flushed to disk, then linked into
    // place, so a crash never leaves a half-written key and two servers starting together end up
    // with the same one. An existing file that group or others may access is refused, not used:
    // the key may have leaked and must be replaced, not silently trusted.
    static std::optional<SigningKey> loadOrCreate(const QString &path, QString *error);

    // The Ed25519 signature of `message` (SignatureSize bytes); empty only if OpenSSL fails.
    QByteArray sign(QByteArrayView message) const;
    // The raw 32-byte public key.
    const QByteArray &publicKey() const { return m_publicKey; }
    // The RFC 7638 JWK thumbprint (SHA-256, base64url) of the public key: stable across restarts
    // for as long as the key file is kept, and different for every other key.
    const QString &keyId() const { return m_keyId; }
    // {"kty":"OKP","crv":"Ed25519","x":…,"kid":…,"alg":"EdDSA","use":"sig"}
    QJsonObject publicJwk() const;

    // The thumbprint of any Ed25519 public key, computed over the RFC 7638 canonical form
    // {"crv":"Ed25519","kty":"OKP","x":"<base64url>"}.
    static QString thumbprint(QByteArrayView ed25519PublicKey);

private:
    SigningKey(std::shared_ptr<evp_pkey_st> key, QByteArray publicKey);

    static std::optional<SigningKey> fromKey(std::shared_ptr<evp_pkey_st> key, QString *error);

    std::shared_ptr<evp_pkey_st> m_key;
    QByteArray m_publicKey;
    QString m_keyId;
};

} // namespace mandate::server
