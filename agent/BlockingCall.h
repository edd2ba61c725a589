#pragma once

#include "client/ApiError.h"
#include "client/ApiReply.h"

#include <QEventLoop>
#include <QJsonObject>

#include <optional>

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

// The typed answer of one MandateApi call, or why there was none.
template <typename T>
struct TypedResult
{
    std::optional<T> value;
    client::ApiError error;

    bool ok() const { return value.has_value(); }
    QString problem() const { return error.message(); }
};

// A command-line agent does one thing after another, so it waits for each job in a local event
// loop instead of chaining callbacks; the console's jobs stay asynchronous.
class BlockingCall
{
public:
    static CallResult wait(client::ApiJob *job);

    template <typename T>
    static TypedResult<T> wait(const client::Reply<T> &reply)
    {
        TypedResult<T> result;
        QEventLoop loop;
        // The reply answers from the event loop at the earliest, so connecting now is safe.
        reply.onSucceeded(&loop, [&](const T &value) {
            result.value = value;
            loop.quit();
        });
        reply.onFailed(&loop, [&](const client::ApiError &error) {
            result.error = error;
            loop.quit();
        });
        loop.exec();
        return result;
    }
};

} // namespace mandate::agent
