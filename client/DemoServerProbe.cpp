#include "client/DemoServerProbe.h"

namespace mandate::client {

DemoServerProbe::DemoServerProbe(QObject *parent)
    : QObject(parent)
{}

void DemoServerProbe::probe(const QUrl &server)
{
    if (m_job)
        m_job->abort();
    m_directory = {};
    m_client.setServer(server);
    m_asking = true;
    if (!server.isValid() ||
        (server.scheme() != QLatin1String("http") && server.scheme() != QLatin1String("https"))) {
        finish({});
        return;
    }
    m_job = m_api.demoDirectory();
    connect(m_job, &ApiJob::succeeded, this, [this](const QJsonObject &body) {
        finish(DemoDirectory::fromJson(body).value_or(DemoDirectory{}));
    });
    connect(m_job, &ApiJob::failed, this, [this] { finish({}); });
}

void DemoServerProbe::forget()
{
    probe(QUrl());
}

void DemoServerProbe::finish(const DemoDirectory &directory)
{
    m_asking = false;
    m_directory = directory;
    Q_EMIT answered(m_directory);
}

} // namespace mandate::client
