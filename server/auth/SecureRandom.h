#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace mandate::server {

// Identifiers and secrets from the operating system's CSPRNG.
class SecureRandom
{
public:
    static QByteArray bytes(qsizetype count);
    // "dlg_" followed by 26 lowercase base32 characters (128 random bits).
    static QString id(QStringView prefix);
    // "dec_", 12 lowercase hex digits of the milliseconds since the epoch of `at`, then as id()'s
    // 26 random characters: ids made later sort later, so an index on them grows at its right
    // edge instead of dirtying a random page per row (a fifth of each decision batch's WAL pages).
    static QString orderedId(QStringView prefix, const QDateTime &at);
};

} // namespace mandate::server
