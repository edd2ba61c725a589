#include "agent/BlockingCall.h"

#include "client/ApiJob.h"

#include <QEventLoop>

namespace mandate::agent {

CallResult BlockingCall::wait(client::ApiJob *job)
{
    CallResult result;
    QEventLoop loop;
    // The job answers from the event loop at the earliest, so connecting after it started is safe.
    QObject::connect(job, &client::ApiJob::succeeded, &loop, [&](const QJsonObject &body, int status) {
        result.ok = true;
        result.status = status;
        result.body = body;
        loop.quit();
    });
    QObject::connect(job, &client::ApiJob::failed, &loop, [&](const client::ApiError &error) {
        result.status = error.status;
        result.error = error;
        loop.quit();
    });
    loop.exec();
    return result;
}

} // namespace mandate::agent
