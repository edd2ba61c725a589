#pragma once

#include <QString>
#include <QUrl>

namespace mandate::agent {

// `mandate-agent witness`: one witness round against a server's audit log. The checkpoint must be
// signed by the pinned key and extend the one kept in the state file (a consistency proof); only
// then does the state file take the new checkpoint. Returns an ExitCode.
class LogWitnessCommand
{
public:
    struct Options
    {
        QUrl server;
        QString stateFile;
        QString verifierKey; // the log's key, pinned by whoever runs the witness
    };

    static int run(const Options &options);
};

} // namespace mandate::agent
