#include "server/log/LogSigner.h"

#include "core/Sha256.h"
#include "core/SignedNote.h"
#include "server/identity/ReportError.h"

namespace mandate::server {

std::optional<LogSigner> LogSigner::load(const QString &path, const QString &origin, QString *error)
{
    std::optional<SigningKey> key = SigningKey::loadOrCreate(path, error);
    if (!key)
        return std::nullopt;
    const QString name = origin.isEmpty()
                             ? QStringLiteral("mandate.local/audit/") +
                                   QString::fromLatin1(Sha256::of({key->publicKey()}).toHex().left(16))
                             : origin;
    std::optional<NoteVerifierKey> verifier = NoteVerifierKey::ed25519(name, key->publicKey());
    if (!verifier) {
        reportError(error,
                    QStringLiteral("The log origin \"%1\" is not a valid key name: it must not be empty "
                                   "or contain spaces or '+'.")
                        .arg(name));
        return std::nullopt;
    }
    return LogSigner(std::move(*key), std::move(*verifier));
}

QByteArray LogSigner::sign(const Checkpoint &checkpoint) const
{
    const QByteArray text = checkpoint.text();
    const QByteArray signature = m_key.sign(text);
    if (signature.isEmpty())
        return {};
    return text + '\n' + SignedNote::signatureLine(m_verifier.name(), m_verifier.keyId(), signature);
}

} // namespace mandate::server
