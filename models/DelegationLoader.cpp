#include "models/DelegationLoader.h"

#include "core/DelegationCodec.h"

namespace mandate::models {

DelegationLoader::DelegationLoader(client::MandateApi &api, QObject *parent)
    : QObject(parent)
    , m_api(api)
{}

void DelegationLoader::load(const QString &id)
{
    if (m_job)
        m_job->abort();
    m_id = id;
    m_job = m_api.delegation(id);
    connect(m_job, &client::ApiJob::succeeded, this, [this, id](const QJsonObject &body) {
        if (id != m_id)
            return;
        auto delegation = DelegationCodec::fromJson(body);
        if (delegation)
            Q_EMIT loaded(*delegation);
        else
            Q_EMIT failed(
                client::ApiError::protocol(tr("The server's delegation %1 does not read.").arg(id)));
    });
    connect(m_job, &client::ApiJob::failed, this, [this, id](const client::ApiError &error) {
        if (id == m_id)
            Q_EMIT failed(error);
    });
}

} // namespace mandate::models
