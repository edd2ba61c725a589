#include "core/Sha256.h"

#include <memory>
#include <openssl/evp.h>

namespace mandate {

namespace {

// Fetched once: EVP_sha256() makes every EVP_DigestInit_ex look the algorithm up in OpenSSL's
// provider tables again, which cost as much as hashing a short event.
const EVP_MD *sha256Algorithm()
{
    static const EVP_MD *const algorithm = EVP_MD_fetch(nullptr, "SHA2-256", nullptr);
    return algorithm;
}

} // namespace

QByteArray Sha256::of(std::initializer_list<QByteArrayView> parts)
{
    // One context per thread, reset by each init: the sequencer hashes every event and tree node.
    thread_local const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(),
                                                                                       &EVP_MD_CTX_free);
    QByteArray digest(32, Qt::Uninitialized);
    unsigned int size = 0;
    bool ok =
        context && sha256Algorithm() && EVP_DigestInit_ex2(context.get(), sha256Algorithm(), nullptr) == 1;
    for (const QByteArrayView part : parts)
        ok = ok && EVP_DigestUpdate(context.get(), part.data(), static_cast<size_t>(part.size())) == 1;
    ok =
        ok && EVP_DigestFinal_ex(context.get(), reinterpret_cast<unsigned char *>(digest.data()), &size) == 1;
    // OpenSSL's SHA-256 cannot fail short of memory exhaustion; an empty digest never verifies.
    return ok && size == 32 ? digest : QByteArray();
}

} // namespace mandate
