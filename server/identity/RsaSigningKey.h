#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QString>

#include <memory>
#include <optional>

struct evp_pkey_st; // OpenSSL's EVP_PKEY; kept opaque so that users of this header need no OpenSSL

namespace mandate::server {

// An RSA private key that signs with RS256 (RSASSA-PKCS1-v1_5 with SHA-256), the one algorithm
// every Shared Signals receiver must accept (CAEP interoperability profile: RS256, keys of at least
// 2048 bits). Kept like the Ed25519 keys (KeyFile: mode 0600, created atomically). Copies share
// one immutable OpenSSL key, so copying is cheap and sign() may run on several threads at once.
class RsaSigningKey
{
public:
    static constexpr QStringView Algorithm = u"RS256";
    static constexpr int Bits = 2048;

    static std::optional<RsaSigningKey> generate();
    // An unencrypted PKCS#8 PEM holding an RSA key of at least Bits bits.
    static std::optional<RsaSigningKey> fromPem(QByteArrayView pem, QString *error);
    static std::optional<RsaSigningKey> loadOrCreate(const QString &path, QString *error);

    // The RS256 signature of `message`; empty only if OpenSSL fails.
    QByteArray sign(QByteArrayView message) const;
    // The RFC 7638 thumbprint (SHA-256, base64url) over {"e","kty","n"}.
    const QString &keyId() const { return m_keyId; }
    // {"kty":"RSA","n":…,"e":…,"kid":…,"alg":"RS256","use":"sig"}
    QJsonObject publicJwk() const;

private:
    RsaSigningKey(std::shared_ptr<evp_pkey_st> key, QByteArray modulus, QByteArray exponent);
    static std::optional<RsaSigningKey> fromKey(std::shared_ptr<evp_pkey_st> key, QString *error);

    std::shared_ptr<evp_pkey_st> m_key;
    QByteArray m_modulus;  // big-endian, no leading zero
    QByteArray m_exponent; // big-endian
    QString m_keyId;
};

} // namespace mandate::server
