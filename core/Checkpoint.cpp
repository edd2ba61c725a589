#include "core/Checkpoint.h"

#include "core/MerkleTree.h"
#include "core/SignedNote.h"

#include <QStringDecoder>

namespace mandate {

QByteArray Checkpoint::text() const
{
    QByteArray out =
        origin.toUtf8() + '\n' + QByteArray::number(treeSize) + '\n' + rootHash.toBase64() + '\n';
    for (const QString &line : extensions)
        out += line.toUtf8() + '\n';
    return out;
}

std::optional<Checkpoint> Checkpoint::parse(QByteArrayView text)
{
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = utf8(text);
    if (!text.endsWith('\n') || utf8.hasError())
        return std::nullopt;
    const QList<QByteArray> lines = text.chopped(1).toByteArray().split('\n');
    if (lines.size() < 3 ||
        std::any_of(lines.cbegin(), lines.cend(), [](const QByteArray &l) { return l.isEmpty(); }))
        return std::nullopt;
    Checkpoint checkpoint;
    checkpoint.origin = QString::fromUtf8(lines.at(0));
    const QByteArray &size = lines.at(1);
    const bool digitsOnly =
        std::all_of(size.cbegin(), size.cend(), [](char c) { return c >= '0' && c <= '9'; });
    bool sizeOk = false;
    checkpoint.treeSize = size.toLongLong(&sizeOk);
    if (!digitsOnly || !sizeOk || (size.size() > 1 && size.startsWith('0')))
        return std::nullopt;
    const auto root = QByteArray::fromBase64Encoding(lines.at(2), QByteArray::AbortOnBase64DecodingErrors);
    if (!root || root.decoded.size() != MerkleTree::HashSize || root.decoded.toBase64() != lines.at(2))
        return std::nullopt;
    checkpoint.rootHash = root.decoded;
    for (qsizetype i = 3; i < lines.size(); ++i)
        checkpoint.extensions.append(QString::fromUtf8(lines.at(i)));
    return checkpoint;
}

Expected<Checkpoint, LogError> Checkpoint::open(QByteArrayView signedNote, const NoteVerifierKey &logKey)
{
    Expected<QByteArray, LogError> text = SignedNote::open(signedNote, logKey);
    if (!text)
        return unexpected(text.error());
    std::optional<Checkpoint> checkpoint = parse(*text);
    if (!checkpoint)
        return unexpected(LogError::MalformedCheckpoint);
    if (checkpoint->origin != logKey.name())
        return unexpected(LogError::OriginMismatch);
    return std::move(*checkpoint);
}

} // namespace mandate
