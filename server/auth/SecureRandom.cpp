#include "server/auth/SecureRandom.h"

#include <array>
#include <optional>
#include <sodium.h>

namespace mandate::server {

namespace {

void appendBase32(QString &out, const unsigned char *random, std::size_t count)
{
    static constexpr char Alphabet[] = "abcdefghijklmnopqrstuvwxyz234567";
    quint32 buffer = 0;
    int bits = 0;
    for (std::size_t i = 0; i < count; ++i) {
        buffer = (buffer << 8) | random[i];
        bits += 8;
        while (bits >= 5) {
            bits -= 5;
            out.append(QLatin1Char(Alphabet[(buffer >> bits) & 31U]));
        }
    }
    if (bits > 0)
        out.append(QLatin1Char(Alphabet[(buffer << (5 - bits)) & 31U]));
}

constexpr std::size_t IdBytes = 16; // 26 base32 characters
constexpr qsizetype IdChars = 26;
constexpr int TimeDigits = 12; // 48 bits of milliseconds: until the year 10889

// The prefix, the time's hex digits when given, then 128 random bits in base32.
QString makeId(QStringView prefix, std::optional<quint64> msecs)
{
    static constexpr char Hex[] = "0123456789abcdef";
    std::array<unsigned char, IdBytes> random;
    randombytes_buf(random.data(), random.size());
    QString out;
    out.reserve(prefix.size() + (msecs ? TimeDigits : 0) + IdChars);
    out.append(prefix);
    for (int digit = msecs ? TimeDigits - 1 : -1; digit >= 0; --digit)
        out.append(QLatin1Char(Hex[(*msecs >> (4 * digit)) & 15U]));
    appendBase32(out, random.data(), random.size());
    return out;
}

} // namespace

QByteArray SecureRandom::bytes(qsizetype count)
{
    QByteArray out(count, Qt::Uninitialized);
    randombytes_buf(out.data(), static_cast<std::size_t>(count));
    return out;
}

QString SecureRandom::id(QStringView prefix)
{
    return makeId(prefix, std::nullopt);
}

QString SecureRandom::orderedId(QStringView prefix, const QDateTime &at)
{
    return makeId(prefix, static_cast<quint64>(at.toMSecsSinceEpoch()));
}

} // namespace mandate::server
