#pragma once

#include "core/Expected.h"
#include "core/LogError.h"
#include "core/NoteVerifierKey.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace mandate {

// A C2SP signed note: a text ending in a newline, a blank line, then one or more lines
// "— <key name> <base64(4-byte big-endian key ID ‖ signature)>".
class SignedNote
{
public:
    struct Signature
    {
        QString keyName;
        quint32 keyId = 0;
        QByteArray signature;
    };

    // C2SP asks verifiers to accept at least 16; more than this many is refused as abuse.
    static constexpr qsizetype MaxSignatures = 64;

    static std::optional<SignedNote> parse(QByteArrayView note);
    // The signature line for `signature` over a note's text by the named key.
    static QByteArray signatureLine(const QString &keyName, quint32 keyId, QByteArrayView signature);

    // The note's text when a signature by `key` verifies. Signatures by other keys are ignored (they
    // may be witnesses' cosignatures); one that claims `key`'s name and ID but fails refuses the note.
    static Expected<QByteArray, LogError> open(QByteArrayView note, const NoteVerifierKey &key);

    const QByteArray &text() const { return m_text; }
    const QList<Signature> &signatures() const { return m_signatures; }

private:
    QByteArray m_text;
    QList<Signature> m_signatures;
};

} // namespace mandate
