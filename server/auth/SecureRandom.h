#pragma once

#include <QByteArray>
#include <QString>

namespace mandate::server {

// Identifiers and secrets from the operating system's CSPRNG.
class SecureRandom
{
public:
    static QByteArray bytes(qsizetype count);
    // "dlg_" followed by 26 lowercase base32 characters (128 random bits).
    static QString id(QStringView prefix);
};

} // namespace mandate::server
