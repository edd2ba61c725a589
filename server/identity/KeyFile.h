#pragma once

#include "server/identity/ReportError.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

struct evp_pkey_st; // OpenSSL's EVP_PKEY, opaque here

namespace mandate::server {

// A private key kept in a file of its own, the way every key of the server is kept: read only when
// no one but its owner may access it, created under a temporary name with mode 0600 (whatever the
// umask), flushed to disk, then linked into place, so a crash never leaves a half-written key and
// two servers starting together end up with the same one. Private key bytes are wiped from memory
// once parsed or written.
class KeyFile
{
public:
    enum class ReadOutcome
    {
        Read,
        Missing,
        Failed
    };
    enum class CreateOutcome
    {
        Created,
        AlreadyExists,
        Failed
    };

    // Overwrites private key material before its buffer is released.
    class Wipe
    {
    public:
        explicit Wipe(QByteArray &secret)
            : m_secret(secret)
        {}
        ~Wipe();
        Wipe(const Wipe &) = delete;
        Wipe &operator=(const Wipe &) = delete;

    private:
        QByteArray &m_secret;
    };

    static ReadOutcome read(const QString &path, QByteArray *pem, QString *error);
    static CreateOutcome create(const QString &path, const QByteArray &pem, QString *error);

    // Loads the key kept at `path` with `parse`, or creates one there with `generate` (a key and its
    // PEM) when there is none. `kind` names the key in messages ("Ed25519", "RSA").
    template <typename Key>
    static std::optional<Key>
    loadOrCreate(const QString &path, const QString &kind,
                 const std::function<std::optional<Key>(QByteArrayView, QString *)> &parse,
                 const std::function<std::optional<std::pair<Key, QByteArray>>()> &generate, QString *error)
    {
        // A second round covers another process creating the key between our look and our link.
        for (int round = 0; round < 2; ++round) {
            QByteArray existing;
            const Wipe wipeExisting(existing);
            switch (read(path, &existing, error)) {
            case ReadOutcome::Failed:
                return std::nullopt;
            case ReadOutcome::Read: {
                QString reason;
                auto key = parse(existing, &reason);
                if (!key)
                    reportError(error,
                                QStringLiteral("The signing key %1 is unusable: %2.").arg(path, reason));
                return key;
            }
            case ReadOutcome::Missing:
                break;
            }
            auto created = generate();
            if (!created || created->second.isEmpty()) {
                reportError(error,
                            QStringLiteral("Cannot generate an %1 key for %2: OpenSSL does not support it.")
                                .arg(kind, path));
                return std::nullopt;
            }
            const Wipe wipePem(created->second);
            switch (create(path, created->second, error)) {
            case CreateOutcome::Failed:
                return std::nullopt;
            case CreateOutcome::Created:
                return std::move(created->first);
            case CreateOutcome::AlreadyExists:
                break;
            }
        }
        reportError(error,
                    QStringLiteral("The signing key %1 keeps disappearing; is another process removing it?")
                        .arg(path));
        return std::nullopt;
    }

    // The private key of an unencrypted PKCS#8 PEM, read without ever asking for a passphrase;
    // nullptr (with the reason) otherwise. Refuses input longer than any key file.
    static std::shared_ptr<evp_pkey_st> parsePem(QByteArrayView pem, QString *error);
    // PKCS#8 PEM of a private key, empty if OpenSSL fails; the caller wipes it once written.
    static QByteArray toPem(evp_pkey_st *key);
};

} // namespace mandate::server
