#pragma once

#include "client/ApiError.h"

#include <QJsonObject>

namespace mandate::client {
class ApiJob;
}

namespace mandate::agent {

// The answer of one REST call, or why there was none.
struct CallResult
{
    bool ok = false;
    int status = 0;
    QJsonObject body;
    client::ApiError error;

    // One sentence for the log: the server's detail, or what kept the answer from arriving.
    QString problem() const { return error.message(); }
};

// A command-line agent does one thing after another, so it waits for each job in a local event
// loop instead of chaining callbacks; the console's jobs stay asynchronous.
class BlockingCall
{
public:
    static CallResult wait(client::ApiJob *job);
};

} // namespace mandate::agent
