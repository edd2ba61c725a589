#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <initializer_list>

namespace mandate {

// Every SHA-256 Mandate computes, through OpenSSL, which uses the CPU's SHA extensions where
// there are some (QCryptographicHash does not): the log's sequencer hashes every event twice and
// every tree node once on the writer's thread, and every request's bearer token is hashed.
class Sha256
{
public:
    // The 32-byte digest of the parts, concatenated.
    static QByteArray of(std::initializer_list<QByteArrayView> parts);
};

} // namespace mandate
