#pragma once

#include "core/Expected.h"

#include <QHash>
#include <QJsonObject>
#include <QString>

#include <memory>

struct evp_pkey_st; // OpenSSL's EVP_PKEY, opaque here

namespace mandate::agent {

// What a Shared Signals receiver checks before it believes a Security Event Token: the explicit
// type "secevent+jwt", a key from the transmitter's jwks_uri pinned to its own algorithm (RS256
// or EdDSA; never "none", never a key named by the token itself), the signature, then the claims
// — "iss" the transmitter's issuer, "aud" this receiver, no "sub" and no "exp" (SSF 1.0 §4.1),
// exactly one event.
class SetVerifier
{
public:
    // The keys of a JWKS document; keys of other types or algorithms are left out.
    static Expected<SetVerifier, QString> fromJwks(const QJsonObject &jwks);

    // The claims of a SET that passes every check, or why it does not.
    Expected<QJsonObject, QString> verify(const QByteArray &token, const QString &issuer,
                                          const QString &audience) const;

private:
    struct Key
    {
        QString algorithm;
        std::shared_ptr<evp_pkey_st> key;
    };
    QHash<QString, Key> m_keys; // by kid
};

} // namespace mandate::agent
