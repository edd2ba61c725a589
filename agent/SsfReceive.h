#pragma once

#include <QString>
#include <QUrl>

namespace mandate::agent {

// `mandate-agent ssf-receive`: a small Shared Signals receiver, for the demo and the docs. It
// listens on 127.0.0.1, creates a push stream (RFC 8935) to itself at the transmitter with the
// receiver token an admin registered, verifies every SET it is sent against the transmitter's
// jwks_uri (SetVerifier), answers 202 (or 400 with the RFC 8935 error), and prints each verified
// SET as one JSON line. It deletes its stream when it has printed --count events or run --seconds.
class SsfReceive
{
public:
    struct Options
    {
        QUrl server;
        QString tokenFile; // the receiver token (msr_…), never printed
        quint16 port = 0;
        int count = 0;   // 0: until --seconds or Ctrl+C
        int seconds = 0; // 0: no limit
    };

    explicit SsfReceive(Options options)
        : m_options(std::move(options))
    {}

    int run();

private:
    Options m_options;
};

} // namespace mandate::agent
