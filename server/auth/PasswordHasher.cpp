#include "server/auth/PasswordHasher.h"

#include "server/auth/SecureRandom.h"

#include <sodium.h>

namespace mandate::server {

QString PasswordHasher::hash(const QByteArray &password)
{
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, password.constData(), static_cast<unsigned long long>(password.size()),
                          crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return QString();
    return QString::fromLatin1(out);
}

bool PasswordHasher::verify(const QString &hash, const QByteArray &password)
{
    const QByteArray stored = hash.toLatin1();
    return crypto_pwhash_str_verify(stored.constData(), password.constData(),
                                    static_cast<unsigned long long>(password.size())) == 0;
}

const QString &PasswordHasher::decoyHash()
{
    static const QString decoy = hash(SecureRandom::bytes(32).toBase64());
    return decoy;
}

} // namespace mandate::server
