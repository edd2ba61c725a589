#pragma once

#include "core/NoteVerifierKey.h"
#include "core/SignedNote.h"

#include <QByteArray>
#include <QFile>
#include <QString>

#include <memory>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <optional>

namespace mandate::test {

// Test-only Ed25519 signer of C2SP notes: from a raw seed, or from a log key as the server keeps
// it (PKCS#8 PEM), so a test can sign a checkpoint the log never signed — a rewritten history
// signed with the log's own key. Link OpenSSL::Crypto.
class NoteSigner
{
public:
    NoteSigner(QString name, const QByteArray &seed)
        : m_name(std::move(name))
        , m_key(EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr,
                                             reinterpret_cast<const unsigned char *>(seed.constData()), 32),
                &EVP_PKEY_free)
    {}

    // The key in `pemFile` under the name of `verifierKey` (the server's verifier key string).
    static std::optional<NoteSigner> fromPem(const QString &pemFile, const QString &verifierKey)
    {
        QFile file(pemFile);
        const std::optional<NoteVerifierKey> named = NoteVerifierKey::parse(verifierKey);
        if (!named || !file.open(QIODevice::ReadOnly))
            return std::nullopt;
        const QByteArray pem = file.readAll();
        std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(pem.constData(), int(pem.size())),
                                                      &BIO_free);
        EVP_PKEY *key = PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr);
        if (!key)
            return std::nullopt;
        NoteSigner signer(named->name(), key);
        if (signer.verifier() != *named)
            return std::nullopt;
        return signer;
    }

    const QString &name() const { return m_name; }

    QByteArray publicKey() const
    {
        size_t size = 32;
        QByteArray out(32, '\0');
        EVP_PKEY_get_raw_public_key(m_key.get(), reinterpret_cast<unsigned char *>(out.data()), &size);
        return out;
    }
    NoteVerifierKey verifier() const { return *NoteVerifierKey::ed25519(m_name, publicKey()); }

    QByteArray sign(const QByteArray &message) const
    {
        std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
        EVP_DigestSignInit(context.get(), nullptr, nullptr, nullptr, m_key.get());
        QByteArray signature(64, '\0');
        size_t size = 64;
        EVP_DigestSign(context.get(), reinterpret_cast<unsigned char *>(signature.data()), &size,
                       reinterpret_cast<const unsigned char *>(message.constData()), size_t(message.size()));
        return signature;
    }
    // `text` signed: a signed note.
    QByteArray note(const QByteArray &text) const
    {
        return text + '\n' + SignedNote::signatureLine(m_name, verifier().keyId(), sign(text));
    }

private:
    NoteSigner(QString name, EVP_PKEY *key)
        : m_name(std::move(name))
        , m_key(key, &EVP_PKEY_free)
    {}

    QString m_name;
    std::shared_ptr<EVP_PKEY> m_key;
};

} // namespace mandate::test
