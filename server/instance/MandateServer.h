#pragma once

#include "core/Clock.h"
#include "server/auth/LoginThrottle.h"
#include "server/http/Router.h"
#include "server/instance/ServerOptions.h"
#include "server/ops/AccessLog.h"
#include "server/ops/Metrics.h"

#include <QObject>
#include <QSslConfiguration>

#include <memory>

namespace mandate::server {

class ActionDirectory;
class ActionRoutes;
class AgentAuthenticator;
class AgentCredentials;
class AgentRoutes;
class ApprovalRoutes;
class AuditLog;
class AuthZenRoutes;
class EnforcementPointAuthenticator;
class EnforcementPointRoutes;
class AuditRoutes;
class LogRoutes;
class AuthorityRoutes;
class AuthorizeRoutes;
class BearerAuthenticator;
class EventHub;
class PostgresEventFeed;
class EventRoutes;
class IdentityRoutes;
class InstanceKeys;
class SubDelegationRoutes;
class Sweeper;
class DelegationRoutes;
class DemoRoutes;
class GuardedTcpServer;
class HttpApiServer;
class OperationsRoutes;
class OrgPolicyGate;
class PolicyDecisionPoint;
class PolicyRoutes;
class ReceiverAuthenticator;
class SessionAuthenticator;
class SetSigner;
class SsfAdminRoutes;
class SsfDeliverer;
class SsfPollRoutes;
class SsfStreamRoutes;
class SessionRoutes;
class Store;
class IdempotentWrites;
class WriteBatcher;

// The whole backend, composed: store, group committer, authentication, routes and the guarded
// HTTP listener. Owns everything it creates; nothing is reachable globally.
class MandateServer : public QObject
{
    Q_OBJECT

public:
    // The exit code after the database connection was lost (EX_TEMPFAIL): the service manager
    // starts the instance again, which connects afresh; other instances keep serving meanwhile.
    static constexpr int ExitDatabaseLost = 75;

    MandateServer(ServerOptions options, const Clock &clock, QObject *parent = nullptr);
    ~MandateServer() override;

    bool start(QString *error);
    // --retire-signing-key: marks the key retired in the store `options` names; no server starts.
    static bool retireSigningKey(const ServerOptions &options, const Clock &clock, QString *error);
    QString url() const;
    // Stops accepting connections, lets requests in flight finish (at most `grace` long), then
    // emits stopped(0).
    void shutdown(std::chrono::milliseconds grace = std::chrono::seconds(10));

    // Applies expiry and idle timeouts now (tests drive time with a mock clock).
    void sweepNow();
    const Router &router() const { return m_router; }

Q_SIGNALS:
    // The process should exit with this code.
    void stopped(int exitCode);

private:
    void finishShutdown();
    void stopForLostDatabase();
    void finishShutdownWhenDrained();
    bool setUpIdentity(QString *error);
    bool setUpLog(QString *error);
    // Shared Signals: keys, routes and the push deliverer; the issuer defaults to url(), so this
    // runs once the listener is bound.
    bool setUpSignals(QString *error);
    bool seedDemo(QString *error);
    bool setUpRoutes(QString *error);
    // The action catalog and the organisation's policy engine, which decisions consult.
    bool setUpPolicy(QString *error);
    void addGauges();
    std::optional<QSslConfiguration> tlsConfiguration(QString *error) const;

    ServerOptions m_options;
    const Clock &m_clock;
    AccessLog m_log;
    Metrics m_metrics;
    Router m_router;
    LoginThrottle m_throttle;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<WriteBatcher> m_writes;
    std::unique_ptr<IdempotentWrites> m_routeWrites; // the routes' writes, over m_writes
    std::unique_ptr<AgentCredentials> m_credentials;
    std::unique_ptr<InstanceKeys> m_instanceKeys;
    std::unique_ptr<SessionAuthenticator> m_sessionAuthenticator;
    std::unique_ptr<AgentAuthenticator> m_agentAuthenticator;
    std::unique_ptr<EnforcementPointAuthenticator> m_enforcementPointAuthenticator;
    std::unique_ptr<ReceiverAuthenticator> m_receiverAuthenticator;
    std::unique_ptr<BearerAuthenticator> m_authenticator;
    std::unique_ptr<EventHub> m_events;
    std::unique_ptr<PostgresEventFeed> m_eventFeed; // PostgreSQL only
    std::unique_ptr<Sweeper> m_sweeper;
    std::unique_ptr<AuditLog> m_auditLog;
    std::unique_ptr<ActionDirectory> m_actions;
    std::unique_ptr<PolicyDecisionPoint> m_policyEngine; // with --policy-pdp only
    std::unique_ptr<OrgPolicyGate> m_orgPolicy;
    std::unique_ptr<ActionRoutes> m_actionRoutes;
    std::unique_ptr<PolicyRoutes> m_policyRoutes;
    std::unique_ptr<SessionRoutes> m_sessionRoutes;
    std::unique_ptr<AgentRoutes> m_agentRoutes;
    std::unique_ptr<DelegationRoutes> m_delegationRoutes;
    std::unique_ptr<AuditRoutes> m_auditRoutes;
    std::unique_ptr<LogRoutes> m_logRoutes;
    std::unique_ptr<EnforcementPointRoutes> m_enforcementPointRoutes;
    std::unique_ptr<AuthZenRoutes> m_authZenRoutes;
    std::unique_ptr<OperationsRoutes> m_operationsRoutes;
    std::unique_ptr<DemoRoutes> m_demoRoutes;
    std::unique_ptr<AuthorizeRoutes> m_authorizeRoutes;
    std::unique_ptr<AuthorityRoutes> m_authorityRoutes;
    std::unique_ptr<ApprovalRoutes> m_approvalRoutes;
    std::unique_ptr<IdentityRoutes> m_identityRoutes;
    std::unique_ptr<SubDelegationRoutes> m_subDelegationRoutes;
    std::unique_ptr<EventRoutes> m_eventRoutes;
    std::unique_ptr<SetSigner> m_setSigner;
    std::unique_ptr<SsfStreamRoutes> m_ssfStreamRoutes;
    std::unique_ptr<SsfPollRoutes> m_ssfPollRoutes;
    std::unique_ptr<SsfAdminRoutes> m_ssfAdminRoutes;
    std::unique_ptr<SsfDeliverer> m_ssfDeliverer;
    HttpApiServer *m_http = nullptr;
    GuardedTcpServer *m_listener = nullptr;
    bool m_stopping = false;
    int m_exitCode = 0;
    bool m_stopped = false;
    bool m_finalPassDone = false;
};

} // namespace mandate::server
