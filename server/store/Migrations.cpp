#include "server/store/Migrations.h"

#include "server/store/Database.h"
#include "server/store/SqlStatement.h"

#include <QDateTime>
#include <QStringList>

namespace mandate::server {

namespace {

struct Migration
{
    int version;
    const char *ddl; // statements separated by ";\n"
};

// Portable DDL; {blob}, {bigint} and {serial_pk} are filled in by the dialect.
// Times are RFC 3339 UTC strings with milliseconds, which sort chronologically as text.
const Migration AllMigrations[] = {
    {1, R"SQL(
CREATE TABLE users (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    roles TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE sessions (
    token_hash {blob} PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);
CREATE TABLE agents (
    id TEXT PRIMARY KEY,
    spiffe_id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE delegations (
    id TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL REFERENCES users(id),
    agent_id TEXT NOT NULL REFERENCES agents(id),
    parent_id TEXT REFERENCES delegations(id),
    depth INTEGER NOT NULL,
    purpose TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    revoked_at TEXT,
    revoked_by TEXT,
    revoke_reason TEXT,
    policy TEXT NOT NULL,
    chain TEXT NOT NULL,
    usage TEXT NOT NULL,
    last_used_at TEXT,
    bound_context TEXT,
    search_text TEXT NOT NULL
);
CREATE INDEX delegations_created ON delegations(created_at, id);
CREATE INDEX delegations_customer ON delegations(customer_id, created_at, id);
CREATE INDEX delegations_agent ON delegations(agent_id, status);
CREATE INDEX delegations_parent ON delegations(parent_id);
CREATE INDEX delegations_status_expiry ON delegations(status, expires_at);
CREATE TABLE audit_events (
    seq {serial_pk},
    at TEXT NOT NULL,
    type TEXT NOT NULL,
    delegation_id TEXT,
    agent_id TEXT,
    customer_id TEXT,
    event TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_delegation ON audit_events(delegation_id, seq);
CREATE INDEX audit_agent ON audit_events(agent_id, seq);
CREATE INDEX audit_customer ON audit_events(customer_id, seq);
CREATE INDEX audit_type ON audit_events(type, seq);
CREATE TABLE idempotency_keys (
    principal TEXT NOT NULL,
    idem_key TEXT NOT NULL,
    request_hash {blob} NOT NULL,
    status INTEGER NOT NULL,
    body {blob} NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (principal, idem_key)
);
CREATE INDEX idempotency_created ON idempotency_keys(created_at)
)SQL"},
    {2, R"SQL(
CREATE TABLE approvals (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    delegation_id TEXT NOT NULL REFERENCES delegations(id),
    customer_id TEXT NOT NULL,
    routed_to TEXT NOT NULL,
    request_key TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    body TEXT NOT NULL
);
CREATE INDEX approvals_pending ON approvals(status, expires_at);
CREATE INDEX approvals_request ON approvals(delegation_id, request_key, status);
CREATE INDEX approvals_customer ON approvals(customer_id, created_at, id);
CREATE INDEX approvals_routed ON approvals(routed_to, created_at, id);
ALTER TABLE delegations ADD COLUMN idle_deadline TEXT;
CREATE INDEX delegations_idle ON delegations(status, idle_deadline);
CREATE TABLE live_events (
    id {serial_pk},
    at TEXT NOT NULL,
    type TEXT NOT NULL,
    customer_id TEXT,
    audience TEXT NOT NULL,
    payload TEXT NOT NULL
)
)SQL"},
    // The transparency log: decisions record their events in the inbox; the sequencer gives them
    // their seq and leaf hash, keeps every perfect subtree above the leaves and signs a checkpoint.
    {3, R"SQL(
CREATE TABLE audit_inbox (
    id {serial_pk},
    at TEXT NOT NULL,
    type TEXT NOT NULL,
    delegation_id TEXT,
    agent_id TEXT,
    customer_id TEXT,
    decision_id TEXT,
    event TEXT NOT NULL
);
ALTER TABLE audit_events ADD COLUMN decision_id TEXT;
ALTER TABLE audit_events ADD COLUMN leaf_hash {blob};
CREATE INDEX audit_decision ON audit_events(decision_id) WHERE decision_id IS NOT NULL;
CREATE TABLE audit_tree (
    level INTEGER NOT NULL,
    idx {bigint} NOT NULL,
    hash {blob} NOT NULL,
    PRIMARY KEY (level, idx)
);
CREATE TABLE audit_checkpoint (
    id INTEGER PRIMARY KEY,
    tree_size {bigint} NOT NULL,
    root_hash {blob} NOT NULL,
    note TEXT NOT NULL,
    signed_at TEXT NOT NULL
)
)SQL"},
    // Enforcement points (gateways, MCP servers) that ask the AuthZEN endpoints on agents' behalf.
    {4, R"SQL(
CREATE TABLE enforcement_points (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    token_hash {blob} NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at TEXT
)
)SQL"},
    // Shared Signals (SSF 1.0): receivers registered by an admin (token kept as its SHA-256), their
    // streams and subjects, the durable outbox of SETs written in the transaction of the change
    // that causes them, the JIT credentials issued (to announce their revocation), and the
    // delegations whose end was already announced (each is announced once).
    {5, R"SQL(
CREATE TABLE ssf_receivers (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    token_hash {blob} NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    revoked_at TEXT
);
CREATE TABLE ssf_streams (
    id TEXT PRIMARY KEY,
    receiver_id TEXT NOT NULL REFERENCES ssf_receivers(id),
    delivery_method TEXT NOT NULL,
    config TEXT NOT NULL,
    status TEXT NOT NULL,
    status_reason TEXT,
    created_at TEXT NOT NULL,
    verified_at TEXT,
    failing_since TEXT,
    last_error TEXT,
    next_attempt_at TEXT,
    last_delivered_at TEXT,
    lease_owner TEXT,
    lease_until TEXT
);
CREATE INDEX ssf_streams_receiver ON ssf_streams(receiver_id, created_at);
CREATE TABLE ssf_subjects (
    stream_id TEXT NOT NULL,
    subject TEXT NOT NULL,
    included INTEGER NOT NULL,
    PRIMARY KEY (stream_id, subject)
);
CREATE TABLE ssf_outbox (
    seq {serial_pk},
    stream_id TEXT NOT NULL,
    jti TEXT NOT NULL,
    event_type TEXT NOT NULL,
    control INTEGER NOT NULL,
    claims TEXT NOT NULL,
    queued_at TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    delivered_at TEXT,
    outcome TEXT
);
CREATE INDEX ssf_outbox_pending ON ssf_outbox(stream_id, delivered_at, control, seq);
CREATE UNIQUE INDEX ssf_outbox_jti ON ssf_outbox(stream_id, jti);
CREATE INDEX ssf_outbox_queued ON ssf_outbox(queued_at);
CREATE TABLE jit_credentials (
    jti TEXT PRIMARY KEY,
    delegation_id TEXT NOT NULL,
    issuer TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX jit_credentials_delegation ON jit_credentials(delegation_id);
CREATE INDEX jit_credentials_expiry ON jit_credentials(expires_at);
CREATE TABLE ssf_ended_sessions (
    delegation_id TEXT PRIMARY KEY,
    ended_at TEXT NOT NULL
)
)SQL"},
    // The action catalog's registered actions; the six built in are not stored.
    {6, R"SQL(
CREATE TABLE actions (
    name TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    moves_value INTEGER NOT NULL,
    default_sensitivity TEXT,
    description TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
)
)SQL"},
    // Failed sign-ins per username and client address, so a restart does not reset throttling.
    {7, R"SQL(
CREATE TABLE login_failures (
    username TEXT NOT NULL,
    address TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX login_failures_at ON login_failures(at);
CREATE INDEX login_failures_username ON login_failures(username)
)SQL"},
    // The public halves of the agent-token signing keys of every instance on this database, so
    // that each verifies what any other signed; a retired key is trusted until its tokens expired.
    {8, R"SQL(
CREATE TABLE signing_keys (
    kid TEXT PRIMARY KEY,
    jwk TEXT NOT NULL,
    published_at TEXT NOT NULL,
    retired_at TEXT
)
)SQL"},
    // The tree's subtrees keyed by where they end (AuditLogRepository::nodeKey): a batch's new
    // subtrees land at the end of one b-tree instead of one place per level, which wrote about six
    // index pages to the WAL per commit.
    {9, R"SQL(
CREATE TABLE audit_nodes (
    node {bigint} PRIMARY KEY,
    hash {blob} NOT NULL
);
INSERT INTO audit_nodes (node, hash) SELECT (idx + 1) * (CAST(1 AS {bigint}) << CAST(level AS INT)) * 64 + level, hash FROM audit_tree;
DROP TABLE audit_tree
)SQL"},
    // Decisions are nearly every event, and listing them by type reads the log in seq order and
    // finds one at almost every row: the type index need not hold them. Without them it is not
    // written by decisions at all, two WAL pages fewer per batch; a rarer type is still found
    // through it (AuditRepository::list names the index's condition so the planner may use it).
    {10, R"SQL(
DROP INDEX audit_type;
CREATE INDEX audit_type ON audit_events(type, seq) WHERE type <> 'decision.made'
)SQL"},
};

} // namespace

int Migrations::latestVersion()
{
    return std::end(AllMigrations)[-1].version;
}

bool Migrations::apply(Database &db, QString *error)
{
    // Instances starting together on one PostgreSQL database: the first migrates, the others
    // wait here and then find nothing left to do.
    const QString lock = db.dialect().setupLock();
    if (!lock.isEmpty() && !db.execute(lock)) {
        *error = db.lastError();
        return false;
    }
    const bool ok = applyLocked(db, error);
    if (!lock.isEmpty())
        db.execute(db.dialect().setupUnlock());
    return ok;
}

bool Migrations::applyLocked(Database &db, QString *error)
{
    if (!db.execute(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                                   "version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)")) ||
        !db.beginWrite()) {
        *error = db.lastError();
        return false;
    }
    SqlStatement *current = db.run(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
    if (!current || !current->next()) {
        *error = db.lastError();
        db.rollback();
        return false;
    }
    const int version = current->value(0).toInt();
    current->finish();
    if (version > latestVersion()) {
        db.rollback();
        *error = QStringLiteral("the database is at schema version %1, newer than this server (%2)")
                     .arg(version)
                     .arg(latestVersion());
        return false;
    }
    for (const Migration &migration : AllMigrations) {
        if (migration.version <= version)
            continue;
        const QStringList statements =
            db.dialect().translateDdl(QString::fromUtf8(migration.ddl)).split(QStringLiteral(";\n"));
        for (const QString &statement : statements) {
            if (statement.trimmed().isEmpty())
                continue;
            if (!db.execute(statement)) {
                *error = QStringLiteral("migration %1: %2").arg(migration.version).arg(db.lastError());
                db.rollback();
                return false;
            }
        }
        if (!db.run(QStringLiteral("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)"),
                    {migration.version, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)})) {
            *error = db.lastError();
            db.rollback();
            return false;
        }
    }
    if (!db.commit()) {
        *error = db.lastError();
        return false;
    }
    return true;
}

} // namespace mandate::server
