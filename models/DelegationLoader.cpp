#include "models/DelegationLoader.h"

namespace mandate::models {

DelegationLoader::DelegationLoader(client::MandateApi &api, QObject *parent)
    : QObject(parent)
    , m_api(api)
{}

void DelegationLoader::load(const QString &id)
{
    m_reply.abort();
    m_id = id;
    m_reply = m_api.delegation(id);
    m_reply.onSucceeded(this, [this, id](const Delegation &delegation) {
        if (id == m_id)
            Q_EMIT loaded(delegation);
    });
    m_reply.onFailed(this, [this, id](const client::ApiError &error) {
        if (id == m_id)
            Q_EMIT failed(error);
    });
}

} // namespace mandate::models
