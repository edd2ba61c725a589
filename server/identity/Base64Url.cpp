#include "server/identity/Base64Url.h"

namespace mandate::server {

namespace {

constexpr int Invalid = -1;

int sextetOf(char character)
{
    if (character >= 'A' && character <= 'Z')
        return character - 'A';
    if (character >= 'a' && character <= 'z')
        return character - 'a' + 26;
    if (character >= '0' && character <= '9')
        return character - '0' + 52;
    if (character == '-')
        return 62;
    if (character == '_')
        return 63;
    return Invalid;
}

} // namespace

QByteArray Base64Url::encode(QByteArrayView data)
{
    return data.toByteArray().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

std::optional<QByteArray> Base64Url::decode(QByteArrayView text)
{
    if (text.size() % 4 == 1)
        return std::nullopt;
    QByteArray out;
    out.reserve(text.size() * 3 / 4);
    quint32 buffer = 0;
    int bits = 0;
    for (const char character : text) {
        const int sextet = sextetOf(character);
        if (sextet == Invalid)
            return std::nullopt;
        buffer = (buffer << 6) | static_cast<quint32>(sextet);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.append(static_cast<char>((buffer >> bits) & 0xffU));
        }
    }
    // The leftover bits of the last character carry no data; an encoder always writes them as zero,
    // so anything else is a second spelling of the same bytes.
    if ((buffer & ((1U << bits) - 1U)) != 0)
        return std::nullopt;
    return out;
}

} // namespace mandate::server
