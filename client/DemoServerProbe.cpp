#include "client/DemoServerProbe.h"

#include "client/ApiClient.h"

namespace mandate::client {

DemoServerProbe::DemoServerProbe(QObject *parent)
    : QObject(parent)
    , m_client(std::make_unique<ApiClient>())
    , m_api(*m_client)
{}

DemoServerProbe::~DemoServerProbe() = default;

const QUrl &DemoServerProbe::server() const
{
    return m_client->server();
}

void DemoServerProbe::probe(const QUrl &server)
{
    m_reply.abort();
    m_directory = {};
    m_client->setServer(server);
    m_asking = true;
    if (!server.isValid() ||
        (server.scheme() != QLatin1String("http") && server.scheme() != QLatin1String("https"))) {
        finish({});
        return;
    }
    m_reply = m_api.demoDirectory();
    m_reply.onSucceeded(this, [this](const DemoDirectory &directory) { finish(directory); });
    m_reply.onFailed(this, [this] { finish({}); });
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
