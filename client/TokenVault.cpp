#include "client/TokenVault.h"

#include <qt6keychain/keychain.h>

namespace mandate::client {

namespace {

const QString Service = QStringLiteral("Mandate console");

} // namespace

TokenVault::TokenVault(Backend backend, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
{}

QString TokenVault::keyFor(const QString &server, const QString &username)
{
    return server + QLatin1Char('|') + username;
}

void TokenVault::load(const QString &key, std::function<void(const QString &)> done)
{
    if (const auto it = m_memory.constFind(key); it != m_memory.cend() || !isPersistent()) {
        done(it != m_memory.cend() ? *it : QString());
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(Service, this);
    job->setKey(key);
    job->setInsecureFallback(false);
    connect(job, &QKeychain::Job::finished, this, [this, key, job, done = std::move(done)] {
        if (job->error() == QKeychain::NoError) {
            m_memory.insert(key, job->textData());
            done(job->textData());
            return;
        }
        if (job->error() != QKeychain::EntryNotFound)
            m_keyringWorks = false;
        done(QString());
    });
    job->start();
}

void TokenVault::store(const QString &key, const QString &token)
{
    m_memory.insert(key, token);
    if (!isPersistent())
        return;
    auto *job = new QKeychain::WritePasswordJob(Service, this);
    job->setKey(key);
    job->setInsecureFallback(false);
    job->setTextData(token);
    connect(job, &QKeychain::Job::finished, this, [this, job] {
        if (job->error() != QKeychain::NoError)
            m_keyringWorks = false;
    });
    job->start();
}

void TokenVault::erase(const QString &key)
{
    m_memory.remove(key);
    if (!isPersistent())
        return;
    auto *job = new QKeychain::DeletePasswordJob(Service, this);
    job->setKey(key);
    job->setInsecureFallback(false);
    job->start();
}

} // namespace mandate::client
