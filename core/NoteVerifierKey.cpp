#include "core/NoteVerifierKey.h"

#include "core/Sha256.h"

#include <QStringList>

#include <algorithm>
#include <memory>
#include <openssl/evp.h>

namespace mandate {

namespace {

constexpr char Ed25519Type = 0x01;

struct KeyFree
{
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};
struct ContextFree
{
    void operator()(EVP_MD_CTX *context) const { EVP_MD_CTX_free(context); }
};

const unsigned char *bytes(QByteArrayView data)
{
    return reinterpret_cast<const unsigned char *>(data.data());
}

} // namespace

NoteVerifierKey::NoteVerifierKey(QString name, QByteArray publicKey)
    : m_name(std::move(name))
    , m_keyId(keyIdOf(m_name, publicKey))
    , m_publicKey(std::move(publicKey))
{}

bool NoteVerifierKey::isValidName(QStringView name)
{
    if (name.isEmpty())
        return false;
    return std::none_of(name.begin(), name.end(), [](QChar c) {
        return c.isSpace() || c == u'+' || c.unicode() < 0x20 || c.unicode() == 0x7f;
    });
}

quint32 NoteVerifierKey::keyIdOf(const QString &name, QByteArrayView publicKey)
{
    const QByteArray digest =
        Sha256::of({name.toUtf8(), QByteArrayView("\n", 1), QByteArrayView(&Ed25519Type, 1), publicKey});
    if (digest.size() != 32)
        return 0;
    return (quint32(quint8(digest[0])) << 24) | (quint32(quint8(digest[1])) << 16) |
           (quint32(quint8(digest[2])) << 8) | quint32(quint8(digest[3]));
}

std::optional<NoteVerifierKey> NoteVerifierKey::ed25519(const QString &name, QByteArrayView publicKey)
{
    if (!isValidName(name) || publicKey.size() != PublicKeySize)
        return std::nullopt;
    return NoteVerifierKey(name, publicKey.toByteArray());
}

std::optional<NoteVerifierKey> NoteVerifierKey::parse(QStringView text)
{
    // The name may not contain '+', and the key ID is hex, so the first two '+' split the key; the
    // base64 key data may contain more of them.
    const qsizetype first = text.indexOf(u'+');
    const qsizetype second = first < 0 ? -1 : text.indexOf(u'+', first + 1);
    if (second < 0)
        return std::nullopt;
    const QList<QStringView> parts{text.first(first), text.sliced(first + 1, second - first - 1),
                                   text.sliced(second + 1)};
    if (parts.at(1).size() != 8)
        return std::nullopt;
    bool hexOk = false;
    const quint32 id = parts.at(1).toUInt(&hexOk, 16);
    const bool lowercaseHex = std::all_of(parts.at(1).begin(), parts.at(1).end(), [](QChar c) {
        return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f');
    });
    const auto decoded =
        QByteArray::fromBase64Encoding(parts.at(2).toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!hexOk || !lowercaseHex || !decoded || decoded.decoded.size() != 1 + PublicKeySize ||
        decoded.decoded.at(0) != Ed25519Type || decoded.decoded.toBase64() != parts.at(2).toLatin1())
        return std::nullopt;
    std::optional<NoteVerifierKey> key = ed25519(parts.at(0).toString(), decoded.decoded.mid(1));
    if (!key || key->keyId() != id)
        return std::nullopt;
    return key;
}

QString NoteVerifierKey::toString() const
{
    const QByteArray typed = QByteArray(1, Ed25519Type) + m_publicKey;
    return m_name + u'+' + QStringLiteral("%1").arg(m_keyId, 8, 16, QLatin1Char('0')) + u'+' +
           QString::fromLatin1(typed.toBase64());
}

bool NoteVerifierKey::verify(QByteArrayView message, QByteArrayView signature) const
{
    if (signature.size() != 64)
        return false;
    std::unique_ptr<EVP_PKEY, KeyFree> key(EVP_PKEY_new_raw_public_key(
        EVP_PKEY_ED25519, nullptr, bytes(m_publicKey), static_cast<size_t>(m_publicKey.size())));
    std::unique_ptr<EVP_MD_CTX, ContextFree> context(EVP_MD_CTX_new());
    if (!key || !context || EVP_DigestVerifyInit(context.get(), nullptr, nullptr, nullptr, key.get()) != 1)
        return false;
    return EVP_DigestVerify(context.get(), bytes(signature), static_cast<size_t>(signature.size()),
                            bytes(message), static_cast<size_t>(message.size())) == 1;
}

} // namespace mandate
