#pragma once

#include "core/AuthorizeRequest.h"

#include <QString>
#include <QUrl>

namespace mandate::agent {

// Drives POST /v1/authorize as fast as the server answers over N keep-alive connections and
// reports requests/s with the p50 and p99 latency. Bounded in connections, time and count, and
// only against a loopback server, so it can never become a flood against someone else's.
class LoadRun
{
public:
    static constexpr int MaxConnections = 64;
    static constexpr int MaxSeconds = 60;
    static constexpr int MaxRequests = 1'000'000;

    struct Options
    {
        AuthorizeRequest request; // sent again and again, exactly as given
        QString svid;
        int connections = 8;
        int seconds = 10;
    };

    LoadRun(const QUrl &server, Options options);

    int run();

    // Checked before the agent signs anything in, so a wrong --server is refused without a request.
    static bool isLoopback(const QUrl &server);

private:
    QUrl m_server;
    Options m_options;
};

} // namespace mandate::agent
