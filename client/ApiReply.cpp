#include "client/ApiReply.h"

#include "client/ApiJob.h"

namespace mandate::client {

ApiReply::ApiReply(ApiJob *job)
    : QObject(job)
    , m_job(job)
{}

void ApiReply::abort()
{
    if (m_job)
        m_job->abort();
}

} // namespace mandate::client
