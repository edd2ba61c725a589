#pragma once

#include <memory>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

namespace mandate::server::openssl {

// Owning handles for the OpenSSL objects the identity classes create, so that every early return
// frees what was allocated before it.
template <auto Free>
struct Deleter
{
    template <typename T>
    void operator()(T *object) const
    {
        Free(object);
    }
};

using Bio = std::unique_ptr<BIO, Deleter<BIO_free>>;
using BigNum = std::unique_ptr<BIGNUM, Deleter<BN_free>>;
using EcdsaSignature = std::unique_ptr<ECDSA_SIG, Deleter<ECDSA_SIG_free>>;
using DigestContext = std::unique_ptr<EVP_MD_CTX, Deleter<EVP_MD_CTX_free>>;
using KeyContext = std::unique_ptr<EVP_PKEY_CTX, Deleter<EVP_PKEY_CTX_free>>;
using ParamBuilder = std::unique_ptr<OSSL_PARAM_BLD, Deleter<OSSL_PARAM_BLD_free>>;
using Params = std::unique_ptr<OSSL_PARAM, Deleter<OSSL_PARAM_free>>;

// Keys are shared between copies of SigningKey and VerificationKeys, and never modified.
inline std::shared_ptr<EVP_PKEY> shareKey(EVP_PKEY *key)
{
    if (!key)
        return nullptr;
    return std::shared_ptr<EVP_PKEY>(key, EVP_PKEY_free);
}

inline const unsigned char *bytesOf(const char *data)
{
    return reinterpret_cast<const unsigned char *>(data);
}

inline unsigned char *bytesOf(char *data)
{
    return reinterpret_cast<unsigned char *>(data);
}

} // namespace mandate::server::openssl
