#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace mandate {

// A C2SP signed-note verifier key for Ed25519 (signature type 0x01):
// "<name>+<8 hex digits of the key ID>+<base64(0x01 ‖ 32-byte public key)>", where the key ID is
// the first four bytes, big-endian, of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key).
class NoteVerifierKey
{
public:
    static constexpr qsizetype PublicKeySize = 32;

    static std::optional<NoteVerifierKey> parse(QStringView text);
    static std::optional<NoteVerifierKey> ed25519(const QString &name, QByteArrayView publicKey);

    // Non-empty, no Unicode spaces, no '+', no control characters.
    static bool isValidName(QStringView name);
    static quint32 keyIdOf(const QString &name, QByteArrayView publicKey);

    const QString &name() const { return m_name; }
    quint32 keyId() const { return m_keyId; }
    const QByteArray &publicKey() const { return m_publicKey; }
    QString toString() const;

    // Ed25519 (RFC 8032) through OpenSSL.
    bool verify(QByteArrayView message, QByteArrayView signature) const;

    friend bool operator==(const NoteVerifierKey &, const NoteVerifierKey &) = default;

private:
    NoteVerifierKey(QString name, QByteArray publicKey);

    QString m_name;
    quint32 m_keyId = 0;
    QByteArray m_publicKey;
};

} // namespace mandate
