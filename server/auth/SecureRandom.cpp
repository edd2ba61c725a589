#include "server/auth/SecureRandom.h"

#include <sodium.h>

namespace mandate::server {

QByteArray SecureRandom::bytes(qsizetype count)
{
    QByteArray out(count, Qt::Uninitialized);
    randombytes_buf(out.data(), static_cast<std::size_t>(count));
    return out;
}

QString SecureRandom::id(QStringView prefix)
{
    static constexpr char Alphabet[] = "abcdefghijklmnopqrstuvwxyz234567";
    const QByteArray random = bytes(16);
    QString out = prefix.toString();
    out.reserve(prefix.size() + 26);
    quint32 buffer = 0;
    int bits = 0;
    for (char byte : random) {
        buffer = (buffer << 8) | static_cast<quint8>(byte);
        bits += 8;
        while (bits >= 5) {
            bits -= 5;
            out.append(QLatin1Char(Alphabet[(buffer >> bits) & 31U]));
        }
    }
    if (bits > 0)
        out.append(QLatin1Char(Alphabet[(buffer << (5 - bits)) & 31U]));
    return out;
}

QString SecureRandom::orderedId(QStringView prefix, const QDateTime &at)
{
    static constexpr int TimeDigits = 12; // 48 bits of milliseconds: until the year 10889
    const QString random = id(prefix);
    const QString time = QStringLiteral("%1").arg(static_cast<quint64>(at.toMSecsSinceEpoch()), TimeDigits,
                                                  16, QLatin1Char('0'));
    return random.left(prefix.size()) + time.right(TimeDigits) + random.mid(prefix.size());
}

} // namespace mandate::server
