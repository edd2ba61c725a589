#pragma once

#include "server/store/ActionRepository.h"
#include "server/store/AgentRepository.h"
#include "server/store/ApprovalRepository.h"
#include "server/store/AuditLogRepository.h"
#include "server/store/AuditRepository.h"
#include "server/store/Database.h"
#include "server/store/DelegationRepository.h"
#include "server/store/EnforcementPointRepository.h"
#include "server/store/IdempotencyRepository.h"
#include "server/store/JitCredentialRepository.h"
#include "server/store/LiveEventRepository.h"
#include "server/store/SessionRepository.h"
#include "server/store/SigningKeyRepository.h"
#include "server/store/SsfOutboxRepository.h"
#include "server/store/SsfStreamRepository.h"
#include "server/store/UserRepository.h"

#include <memory>

namespace mandate::server {

// The server's persistent state: one database connection and the repositories over it. The server
// opens two: the writer on the store thread (see WriteBatcher) and a reader on the event loop.
// The repositories speak SQL that SQLite and PostgreSQL both accept; what differs lives in the
// connection's SqlDialect, so a PostgreSQL store is a new dialect, not a second copy of the queries.
class Store
{
public:
    // Opens (creating if needed) DIR/mandate.db and applies pending migrations.
    static std::unique_ptr<Store> openSqlite(const QString &dataDir, QString *error);
    // Connects to the postgresql:// URL and applies pending migrations (once across instances).
    static std::unique_ptr<Store> openPostgres(const QString &url, QString *error);
    // openPostgres() when `database` is set, otherwise openSqlite(dataDir).
    static std::unique_ptr<Store> open(const QString &database, const QString &dataDir, QString *error);

    Database &db() { return *m_db; }
    UserRepository &users() { return m_users; }
    SessionRepository &sessions() { return m_sessions; }
    AgentRepository &agents() { return m_agents; }
    DelegationRepository &delegations() { return m_delegations; }
    AuditRepository &audit() { return m_audit; }
    AuditLogRepository &log() { return m_log; }
    EnforcementPointRepository &enforcementPoints() { return m_enforcementPoints; }
    ActionRepository &actions() { return m_actions; }
    IdempotencyRepository &idempotency() { return m_idempotency; }
    ApprovalRepository &approvals() { return m_approvals; }
    LiveEventRepository &liveEvents() { return m_liveEvents; }
    SsfStreamRepository &ssfStreams() { return m_ssfStreams; }
    SsfOutboxRepository &ssfOutbox() { return m_ssfOutbox; }
    JitCredentialRepository &jitCredentials() { return m_jitCredentials; }
    SigningKeyRepository &signingKeys() { return m_signingKeys; }

    // Queues a live event of the current transaction; recordOutbox() stores what is queued, and it
    // reaches subscribers only once that transaction commits (see WriteBatcher), never if it rolls
    // back.
    bool publish(LiveEvent event);
    // publish(), with the payload `delegation` as the API shows it, encoded only if the event is
    // still the delegation's last one when recorded: a batch of decisions on one delegation
    // encodes it once.
    bool publishDelegation(LiveEvent event, const Delegation &delegation);
    // Stores the queued events, each with its id, just before the commit. Several
    // `delegation.updated` of one delegation (a batch of decisions on it) become the last one: a
    // stream needs each delegation's state after the batch, not every step to it.
    bool recordOutbox();
    qsizetype outboxMark() const { return m_outbox.size(); }
    void rollbackOutbox(qsizetype mark)
    {
        m_outbox.resize(mark);
        m_outboxStates.resize(mark);
    }
    QList<LiveEvent> takeOutbox()
    {
        m_outboxStates.clear();
        return std::exchange(m_outbox, {});
    }
    // A write queued Security Event Tokens; the deliverer is woken once the transaction commits.
    // (A job rolled back after saying so costs one needless look at the queue, nothing more.)
    void noteSignalsQueued() { m_signalsQueued = true; }
    bool takeSignalsQueued() { return std::exchange(m_signalsQueued, false); }

private:
    explicit Store(std::unique_ptr<Database> db);

    std::unique_ptr<Database> m_db;
    UserRepository m_users;
    SessionRepository m_sessions;
    AgentRepository m_agents;
    DelegationRepository m_delegations;
    AuditRepository m_audit;
    AuditLogRepository m_log;
    EnforcementPointRepository m_enforcementPoints;
    ActionRepository m_actions;
    IdempotencyRepository m_idempotency;
    ApprovalRepository m_approvals;
    LiveEventRepository m_liveEvents;
    SsfStreamRepository m_ssfStreams;
    SsfOutboxRepository m_ssfOutbox;
    JitCredentialRepository m_jitCredentials;
    SigningKeyRepository m_signingKeys;
    QList<LiveEvent> m_outbox;
    QList<std::optional<Delegation>> m_outboxStates; // per queued event: the payload still to encode
    bool m_signalsQueued = false;
};

} // namespace mandate::server
