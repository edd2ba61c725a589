#pragma once

#include <QByteArray>
#include <QString>

namespace mandate::server {

// Argon2id through libsodium (memory-hard: 64 MiB and 2 passes per hash). Both calls take tens
// of milliseconds on purpose, so callers run them on a worker thread, never the event loop.
class PasswordHasher
{
public:
    static QString hash(const QByteArray &password);
    static bool verify(const QString &hash, const QByteArray &password);
    // A valid hash of a random password, verified against when a username is unknown so that an
    // unknown user takes as long to refuse as a wrong password.
    static const QString &decoyHash();
};

} // namespace mandate::server
