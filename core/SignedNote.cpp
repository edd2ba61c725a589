#include "core/SignedNote.h"

#include <QStringDecoder>

#include <algorithm>

namespace mandate {

namespace {

const QByteArray SignaturePrefix = QByteArrayLiteral("\xE2\x80\x94 "); // em dash, space

bool isValidUtf8WithoutControls(QByteArrayView note)
{
    if (std::any_of(note.begin(), note.end(), [](char c) {
            const auto byte = static_cast<unsigned char>(c);
            return (byte < 0x20 && byte != '\n') || byte == 0x7f;
        }))
        return false;
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder(note);
    return !decoder.hasError();
}

std::optional<SignedNote::Signature> parseSignatureLine(QByteArrayView line)
{
    if (!line.startsWith(SignaturePrefix))
        return std::nullopt;
    const QByteArrayView rest = line.sliced(SignaturePrefix.size());
    const qsizetype space = rest.indexOf(' ');
    if (space <= 0)
        return std::nullopt;
    const QString name = QString::fromUtf8(rest.first(space));
    const QByteArray encoded = rest.sliced(space + 1).toByteArray();
    const auto decoded = QByteArray::fromBase64Encoding(encoded, QByteArray::AbortOnBase64DecodingErrors);
    if (!NoteVerifierKey::isValidName(name) || !decoded || decoded.decoded.size() < 5 ||
        decoded.decoded.toBase64() != encoded)
        return std::nullopt;
    const QByteArray &raw = decoded.decoded;
    const quint32 id = (quint32(quint8(raw[0])) << 24) | (quint32(quint8(raw[1])) << 16) |
                       (quint32(quint8(raw[2])) << 8) | quint32(quint8(raw[3]));
    return SignedNote::Signature{name, id, raw.mid(4)};
}

} // namespace

std::optional<SignedNote> SignedNote::parse(QByteArrayView note)
{
    if (!note.endsWith('\n') || !isValidUtf8WithoutControls(note))
        return std::nullopt;
    // The text ends at the last empty line; the text itself may contain empty lines.
    const qsizetype blank = QByteArrayView(note).lastIndexOf(QByteArrayView("\n\n"));
    if (blank < 0)
        return std::nullopt;
    SignedNote parsed;
    parsed.m_text = note.first(blank + 1).toByteArray();
    const QByteArrayView block = note.sliced(blank + 2);
    if (block.isEmpty())
        return std::nullopt;
    for (qsizetype start = 0; start < block.size();) {
        const qsizetype end = block.indexOf('\n', start);
        std::optional<Signature> signature = parseSignatureLine(block.sliced(start, end - start));
        if (!signature || parsed.m_signatures.size() == MaxSignatures)
            return std::nullopt;
        parsed.m_signatures.append(std::move(*signature));
        start = end + 1;
    }
    return parsed;
}

QByteArray SignedNote::signatureLine(const QString &keyName, quint32 keyId, QByteArrayView signature)
{
    QByteArray raw(4, Qt::Uninitialized);
    raw[0] = char(keyId >> 24);
    raw[1] = char(keyId >> 16);
    raw[2] = char(keyId >> 8);
    raw[3] = char(keyId);
    raw.append(signature);
    return SignaturePrefix + keyName.toUtf8() + ' ' + raw.toBase64() + '\n';
}

Expected<QByteArray, LogError> SignedNote::open(QByteArrayView note, const NoteVerifierKey &key)
{
    const std::optional<SignedNote> parsed = parse(note);
    if (!parsed)
        return unexpected(LogError::MalformedNote);
    bool verified = false;
    for (const Signature &signature : parsed->signatures()) {
        if (signature.keyName != key.name() || signature.keyId != key.keyId())
            continue;
        if (!key.verify(parsed->text(), signature.signature))
            return unexpected(LogError::BadSignature);
        verified = true;
    }
    if (!verified)
        return unexpected(LogError::NotSignedByKey);
    return parsed->text();
}

} // namespace mandate
