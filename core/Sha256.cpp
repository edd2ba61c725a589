#include "core/Sha256.h"

#include <memory>
#include <openssl/evp.h>

namespace mandate {

QByteArray Sha256::of(std::initializer_list<QByteArrayView> parts)
{
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    QByteArray digest(32, Qt::Uninitialized);
    unsigned int size = 0;
    bool ok = context && EVP_DigestInit_ex(context.get(), EVP_sha256(), nullptr) == 1;
    for (const QByteArrayView part : parts)
        ok = ok && EVP_DigestUpdate(context.get(), part.data(), static_cast<size_t>(part.size())) == 1;
    ok =
        ok && EVP_DigestFinal_ex(context.get(), reinterpret_cast<unsigned char *>(digest.data()), &size) == 1;
    // OpenSSL's SHA-256 cannot fail short of memory exhaustion; an empty digest never verifies.
    return ok && size == 32 ? digest : QByteArray();
}

} // namespace mandate
