#include "server/store/PageCursor.h"

#include <QByteArray>

namespace mandate::server {

QString PageCursor::encode() const
{
    const QByteArray raw = sortKey.toUtf8() + '\n' + id.toUtf8();
    return QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<PageCursor> PageCursor::decode(const QString &text)
{
    if (text.size() > 512)
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(
        text.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const qsizetype newline = decoded.decoded.indexOf('\n');
    if (newline < 0)
        return std::nullopt;
    return PageCursor{QString::fromUtf8(decoded.decoded.left(newline)),
                      QString::fromUtf8(decoded.decoded.mid(newline + 1))};
}

} // namespace mandate::server
