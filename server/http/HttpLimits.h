#pragma once

#include <QtGlobal>

#include <chrono>

namespace mandate::server {

// What one client may cost the server; the connection guard and its framer apply them to the raw
// bytes as they arrive.
struct HttpLimits
{
    qint64 maxBodyBytes = 1024 * 1024;
    qsizetype maxHeaderBytes = 16 * 1024;
    int maxHeaderCount = 100;
    int maxConnections = 1024;
    // From one client address; at most maxConnections. Behind a reverse proxy every connection
    // comes from the proxy, so raise it to maxConnections there (docs/OPERATIONS.md).
    int maxConnectionsPerAddress = 256;
    // From the first byte of a request to the end of its headers (slowloris).
    std::chrono::milliseconds headerTimeout{10'000};
    // From the end of the headers to the end of the body (slow uploads).
    std::chrono::milliseconds bodyTimeout{30'000};
    // A keep-alive connection with no request in flight.
    std::chrono::milliseconds idleTimeout{60'000};
};

} // namespace mandate::server
