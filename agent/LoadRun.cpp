#include "agent/LoadRun.h"

#include "agent/AgentApi.h"
#include "agent/ExitCode.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QHostAddress>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <memory>
#include <vector>

namespace mandate::agent {

namespace {

int loadUsage(const QString &message)
{
    QTextStream(stderr) << "mandate-agent load: " << message << Qt::endl;
    return UsageOrTransport;
}

double percentile(const std::vector<qint64> &sortedNs, double p)
{
    if (sortedNs.empty())
        return 0;
    const auto index = static_cast<std::size_t>(p * static_cast<double>(sortedNs.size() - 1));
    return static_cast<double>(sortedNs[index]) / 1e6;
}

} // namespace

bool LoadRun::isLoopback(const QUrl &server)
{
    if (server.host() == u"localhost")
        return true;
    const QHostAddress address(server.host());
    return !address.isNull() && address.isLoopback();
}

LoadRun::LoadRun(const QUrl &server, Options options)
    : m_server(server)
    , m_options(std::move(options))
{}

int LoadRun::run()
{
    if (m_options.connections < 1 || m_options.connections > MaxConnections)
        return loadUsage(QStringLiteral("--connections is 1..%1.").arg(MaxConnections));
    if (m_options.seconds < 1 || m_options.seconds > MaxSeconds)
        return loadUsage(QStringLiteral("--seconds is 1..%1.").arg(MaxSeconds));
    if (!isLoopback(m_server))
        return loadUsage(QStringLiteral("only runs against a server on this machine (loopback)."));

    // One client per connection: a QNetworkAccessManager keeps its own keep-alive sockets, so each
    // loop below holds exactly one request in flight on its own connection.
    std::vector<std::unique_ptr<client::ApiClient>> clients;
    for (int i = 0; i < m_options.connections; ++i) {
        auto c = std::make_unique<client::ApiClient>();
        c->setServer(m_server);
        c->setToken(m_options.svid);
        clients.push_back(std::move(c));
    }
    std::vector<qint64> latenciesNs;
    latenciesNs.reserve(100'000);
    qint64 errors = 0;
    qint64 sent = 0;
    int inFlight = 0;
    bool stopping = false;
    QString firstError;
    QEventLoop loop;
    QElapsedTimer clock;
    const AuthorizeRequest &request = m_options.request;

    std::function<void(client::ApiClient &)> next = [&](client::ApiClient &c) {
        if (stopping || sent >= MaxRequests) {
            if (inFlight == 0)
                loop.quit();
            return;
        }
        ++sent;
        ++inFlight;
        const qint64 started = clock.nsecsElapsed();
        client::ApiJob *job = AgentApi(c).authorize(request);
        QObject::connect(job, &client::ApiJob::succeeded, &loop, [&, started, client = &c] {
            --inFlight;
            latenciesNs.push_back(clock.nsecsElapsed() - started);
            next(*client);
        });
        QObject::connect(job, &client::ApiJob::failed, &loop,
                         [&, client = &c](const client::ApiError &error) {
                             --inFlight;
                             if (firstError.isEmpty())
                                 firstError = error.message();
                             // A refused identity or a missing delegation will not improve by asking again.
                             if (++errors > 100 || error.kind == client::ApiError::Kind::Unauthenticated ||
                                 error.kind == client::ApiError::Kind::NotFound)
                                 stopping = true;
                             next(*client);
                         });
    };
    clock.start();
    QTimer::singleShot(m_options.seconds * 1000, Qt::PreciseTimer, &loop, [&] {
        stopping = true;
        if (inFlight == 0)
            loop.quit();
    });
    for (auto &c : clients)
        next(*c);
    loop.exec();
    const double seconds = static_cast<double>(clock.nsecsElapsed()) / 1e9;

    std::sort(latenciesNs.begin(), latenciesNs.end());
    QTextStream out(stdout);
    out << QStringLiteral(
               "%1 requests in %2 s over %3 connections: %4 requests/s, p50 %5 ms, p99 %6 ms, %7 errors")
               .arg(latenciesNs.size())
               .arg(seconds, 0, 'f', 1)
               .arg(m_options.connections)
               .arg(static_cast<double>(latenciesNs.size()) / seconds, 0, 'f', 0)
               .arg(percentile(latenciesNs, 0.50), 0, 'f', 2)
               .arg(percentile(latenciesNs, 0.99), 0, 'f', 2)
               .arg(errors)
        << Qt::endl;
    if (!firstError.isEmpty())
        QTextStream(stderr) << "mandate-agent load: first error: " << firstError << Qt::endl;
    return latenciesNs.empty() ? UsageOrTransport : Allowed;
}

} // namespace mandate::agent
