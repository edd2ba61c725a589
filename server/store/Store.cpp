#include "server/store/Store.h"

#include "core/DelegationCanonical.h"
#include "server/store/Migrations.h"
#include "server/store/PostgresDialect.h"
#include "server/store/SqliteDialect.h"

#include <QDir>
#include <QFile>
#include <QHash>

#include <atomic>

namespace mandate::server {

Store::Store(std::unique_ptr<Database> db)
    : m_db(std::move(db))
    , m_users(*m_db)
    , m_sessions(*m_db)
    , m_agents(*m_db)
    , m_delegations(*m_db)
    , m_audit(*m_db)
    , m_log(*m_db)
    , m_enforcementPoints(*m_db)
    , m_actions(*m_db)
    , m_idempotency(*m_db)
    , m_approvals(*m_db)
    , m_liveEvents(*m_db)
    , m_ssfStreams(*m_db)
    , m_ssfOutbox(*m_db)
    , m_jitCredentials(*m_db)
    , m_signingKeys(*m_db)
{}

bool Store::publish(LiveEvent event)
{
    m_outbox.append(std::move(event));
    m_outboxStates.append(std::nullopt);
    return true;
}

bool Store::publishDelegation(LiveEvent event, const Delegation &delegation)
{
    m_outbox.append(std::move(event));
    m_outboxStates.append(delegation);
    return true;
}

bool Store::recordOutbox()
{
    const QString updated = QStringLiteral("delegation.updated");
    const auto isUpdate = [&](qsizetype i) {
        return m_outboxStates[i] && m_outbox[i].type == updated;
    };
    // The last index of each delegation's update; earlier ones are superseded.
    QHash<QString, qsizetype> last;
    for (qsizetype i = 0; i < m_outbox.size(); ++i) {
        if (isUpdate(i))
            last.insert(m_outboxStates[i]->id, i);
    }
    QList<LiveEvent> stored;
    stored.reserve(last.size());
    for (qsizetype i = 0; i < m_outbox.size(); ++i) {
        LiveEvent &event = m_outbox[i];
        if (isUpdate(i) && last.value(m_outboxStates[i]->id) != i)
            continue;
        if (m_outboxStates[i])
            event.payload = DelegationCanonical::bytes(*m_outboxStates[i]);
        auto inserted = m_liveEvents.insert(std::move(event));
        if (!inserted)
            return false;
        stored.append(std::move(*inserted));
    }
    m_outbox = std::move(stored);
    m_outboxStates.clear();
    return true;
}

namespace {

QString nextConnectionName()
{
    // Connections are opened from more than one thread.
    static std::atomic<int> connectionCounter = 0;
    return QStringLiteral("mandate-store-%1").arg(++connectionCounter);
}

} // namespace

std::unique_ptr<Store> Store::open(const QString &database, const QString &dataDir, QString *error)
{
    return database.isEmpty() ? openSqlite(dataDir, error) : openPostgres(database, error);
}

std::unique_ptr<Store> Store::openPostgres(const QString &url, QString *error)
{
    auto db = std::make_unique<Database>(std::make_unique<PostgresDialect>(), nextConnectionName());
    if (!db->open(url, error)) {
        *error = QStringLiteral("cannot connect to %1: %2").arg(PostgresDialect::redacted(url), *error);
        return nullptr;
    }
    if (!Migrations::apply(*db, error))
        return nullptr;
    return std::unique_ptr<Store>(new Store(std::move(db)));
}

std::unique_ptr<Store> Store::openSqlite(const QString &dataDir, QString *error)
{
    QDir dir(dataDir);
    if (!dir.exists() && !dir.mkpath(QStringLiteral("."))) {
        *error = QStringLiteral("cannot create the data directory %1").arg(dataDir);
        return nullptr;
    }
    QFile::setPermissions(dir.absolutePath(),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    auto db = std::make_unique<Database>(std::make_unique<SqliteDialect>(), nextConnectionName());
    if (!db->open(dir.filePath(QStringLiteral("mandate.db")), error) || !Migrations::apply(*db, error))
        return nullptr;
    return std::unique_ptr<Store>(new Store(std::move(db)));
}

} // namespace mandate::server
