#include "server/instance/MandateServer.h"

#include "core/Checkpoint.h"
#include "server/auth/AgentAuthenticator.h"
#include "server/auth/BearerAuthenticator.h"
#include "server/auth/EnforcementPointAuthenticator.h"
#include "server/auth/ReceiverAuthenticator.h"
#include "server/auth/SecureRandom.h"
#include "server/auth/SessionAuthenticator.h"
#include "server/domain/ActionDirectory.h"
#include "server/events/EventHub.h"
#include "server/events/PostgresEventFeed.h"
#include "server/http/GuardedTcpServer.h"
#include "server/http/HttpApiServer.h"
#include "server/http/IdempotentWrites.h"
#include "server/identity/AgentCredentials.h"
#include "server/instance/DemoSeeder.h"
#include "server/instance/InstanceKeys.h"
#include "server/log/AuditLog.h"
#include "server/log/LogSigner.h"
#include "server/ops/Sweeper.h"
#include "server/policy/OrgPolicyGate.h"
#include "server/policy/PolicyDecisionPoint.h"
#include "server/routes/ActionRoutes.h"
#include "server/routes/AgentRoutes.h"
#include "server/routes/ApprovalRoutes.h"
#include "server/routes/AuditRoutes.h"
#include "server/routes/AuthZenRoutes.h"
#include "server/routes/AuthorityRoutes.h"
#include "server/routes/AuthorizeRoutes.h"
#include "server/routes/DelegationRoutes.h"
#include "server/routes/DemoRoutes.h"
#include "server/routes/EnforcementPointRoutes.h"
#include "server/routes/EventRoutes.h"
#include "server/routes/IdentityRoutes.h"
#include "server/routes/LogRoutes.h"
#include "server/routes/OperationsRoutes.h"
#include "server/routes/PolicyRoutes.h"
#include "server/routes/SessionRoutes.h"
#include "server/routes/SsfAdminRoutes.h"
#include "server/routes/SsfPollRoutes.h"
#include "server/routes/SsfStreamRoutes.h"
#include "server/routes/SubDelegationRoutes.h"
#include "server/ssf/SetSigner.h"
#include "server/ssf/SsfDeliverer.h"
#include "server/store/Store.h"
#include "server/write/WriteBatcher.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSslKey>
#include <QTimer>

#include <sodium.h>

namespace mandate::server {

namespace {

// The scrape token for /metrics, empty when none is configured; nullopt (with `error`) when the
// file cannot be read or holds a token too short to resist guessing.
// A bearer token kept in a file: `what` names it in errors; an empty file name gives no token.
std::optional<QByteArray> readTokenFile(const QString &file, const QString &what, qsizetype minLength,
                                        QString *error)
{
    if (file.isEmpty())
        return QByteArray();
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the %1 %2: %3").arg(what, file, in.errorString());
        return std::nullopt;
    }
    const QByteArray token = in.readAll().trimmed();
    if (token.size() < minLength) {
        *error = QStringLiteral("the %1 in %2 must be at least %3 characters").arg(what, file).arg(minLength);
        return std::nullopt;
    }
    return token;
}

} // namespace

MandateServer::MandateServer(ServerOptions options, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_clock(clock)
    , m_log(stderr, m_options.accessLog)
    , m_throttle(clock)
{}

MandateServer::~MandateServer()
{
    // The batch on the store thread may be running jobs that use the routes: let it finish first.
    m_writes.reset();
}

QString MandateServer::url() const
{
    return m_listener ? m_options.urlFor(m_listener->serverPort()) : QString();
}

bool MandateServer::start(QString *error)
{
    if (sodium_init() < 0) {
        *error = QStringLiteral("libsodium could not initialise");
        return false;
    }
    // This connection migrates and seeds, then serves the event loop's reads; every later write
    // goes through the WriteBatcher's own connection on the store thread (WAL: readers never
    // wait for it, and see each batch once it has committed).
    m_store = Store::open(m_options.database, m_options.dataDir, error);
    if (!m_store)
        return false;
    if (m_options.demo && !seedDemo(error))
        return false;

    m_writes = std::make_unique<WriteBatcher>(m_metrics);
    if (!m_writes->open(m_options.database, m_options.dataDir, error))
        return false;
    m_routeWrites = std::make_unique<IdempotentWrites>(*m_writes, m_clock);
    if (!setUpIdentity(error) || !setUpLog(error))
        return false;
    // Streams may hold at most three quarters of the connections; the rest stay for everything else.
    m_events =
        std::make_unique<EventHub>(EventHub::Limits{4, 8, qMax(1, m_options.limits.maxConnections * 3 / 4)});
    if (m_options.database.isEmpty()) {
        connect(m_writes.get(), &WriteBatcher::committed, m_events.get(), &EventHub::deliver);
    } else {
        // Every instance's events, this one's included, reach the hub from the database in id
        // order, so a stream sees the same sequence whichever instance serves it.
        m_eventFeed = std::make_unique<PostgresEventFeed>(*m_store, *m_events);
        if (!m_eventFeed->start(m_options.database, error))
            return false;
        connect(m_writes.get(), &WriteBatcher::committed, m_eventFeed.get(), &PostgresEventFeed::fetch);
        connect(m_eventFeed.get(), &PostgresEventFeed::databaseLost, this,
                &MandateServer::stopForLostDatabase);
    }
    connect(m_writes.get(), &WriteBatcher::databaseLost, this, &MandateServer::stopForLostDatabase);
    m_sessionAuthenticator = std::make_unique<SessionAuthenticator>(*m_store, m_clock);
    m_agentAuthenticator = std::make_unique<AgentAuthenticator>(*m_store, *m_credentials, m_clock);
    m_instanceKeys = std::make_unique<InstanceKeys>(*m_store, *m_credentials, m_clock);
    if (!m_instanceKeys->start(error))
        return false;
    m_agentAuthenticator->setKeyRefresher([this] { return m_instanceKeys->refreshForUnknownKey(); });
    m_enforcementPointAuthenticator = std::make_unique<EnforcementPointAuthenticator>(*m_store);
    m_receiverAuthenticator = std::make_unique<ReceiverAuthenticator>(*m_store);
    m_authenticator =
        std::make_unique<BearerAuthenticator>(*m_sessionAuthenticator, *m_agentAuthenticator,
                                              *m_enforcementPointAuthenticator, *m_receiverAuthenticator);

    if (!setUpRoutes(error))
        return false;
    m_sweeper = std::make_unique<Sweeper>(*m_store, m_clock, *m_writes, m_options.sweepInterval,
                                          m_options.ssfRetention);

    const std::optional<QSslConfiguration> tls = tlsConfiguration(error);
    if (!m_options.tlsCertificate.isEmpty() && !tls)
        return false;

    m_http = new HttpApiServer(m_router, *m_authenticator, m_metrics, m_log, this);
    m_http->setAvailability([store = m_store.get()] { return !store->db().isLost(); });
    // Queued: the request that found the connection gone is answered (503) before the drain.
    m_store->db().setLostHandler(
        [this] { QTimer::singleShot(0, this, &MandateServer::stopForLostDatabase); });
    m_listener = new GuardedTcpServer(
        m_options.limits, tls,
        [http = m_http](RawHttpRequest &&request, ConnectionGuard &connection) {
            http->handle(std::move(request), connection);
        },
        m_http);
    connect(m_writes.get(), &WriteBatcher::answering, m_listener,
            [listener = m_listener] { listener->sends().open(); });
    connect(m_writes.get(), &WriteBatcher::answersGiven, m_listener,
            [listener = m_listener] { listener->sends().close(); });
    if (!m_listener->listen(m_options.host, m_options.port)) {
        *error = QStringLiteral("cannot listen on %1:%2: %3")
                     .arg(m_options.host.toString())
                     .arg(m_options.port)
                     .arg(m_listener->errorString());
        delete m_listener;
        m_listener = nullptr;
        return false;
    }
    if (!setUpSignals(error))
        return false;
    addGauges();
    m_log.event(QStringLiteral("started"), url());
    return true;
}

bool MandateServer::setUpRoutes(QString *error)
{
    m_sessionRoutes = std::make_unique<SessionRoutes>(*m_store, m_clock, *m_routeWrites, m_throttle,
                                                      *m_events, m_options.sessionSeconds);
    m_agentRoutes = std::make_unique<AgentRoutes>(*m_store, m_clock, *m_routeWrites);
    m_actions = std::make_unique<ActionDirectory>();
    if (!m_actions->reload(*m_store)) {
        *error = QStringLiteral("cannot read the action catalog: %1").arg(m_store->db().lastError());
        return false;
    }
    m_delegationRoutes = std::make_unique<DelegationRoutes>(*m_store, m_clock, *m_routeWrites, *m_actions);
    m_auditRoutes = std::make_unique<AuditRoutes>(*m_store, *m_auditLog);
    m_logRoutes = std::make_unique<LogRoutes>(*m_store, *m_auditLog);
    const std::optional<QByteArray> metricsToken =
        readTokenFile(m_options.metricsTokenFile, QStringLiteral("metrics token"), 16, error);
    if (!metricsToken)
        return false;
    m_operationsRoutes = std::make_unique<OperationsRoutes>(
        *m_writes, m_metrics,
        metricsToken->isEmpty() ? QByteArray() : SessionAuthenticator::hashToken(*metricsToken));
    if (!setUpPolicy(error))
        return false;
    m_authorizeRoutes = std::make_unique<AuthorizeRoutes>(
        m_clock, AuthorizeRoutes::Services{*m_store, *m_routeWrites, m_metrics, *m_actions, *m_orgPolicy},
        m_options.approvalTtlSeconds);
    m_approvalRoutes = std::make_unique<ApprovalRoutes>(*m_store, m_clock, *m_routeWrites);
    m_identityRoutes = std::make_unique<IdentityRoutes>(*m_store, m_clock, *m_routeWrites, *m_credentials,
                                                        m_options.trustBundle.isEmpty());
    m_subDelegationRoutes =
        std::make_unique<SubDelegationRoutes>(*m_store, m_clock, *m_routeWrites, *m_actions);
    m_eventRoutes = std::make_unique<EventRoutes>(*m_store, m_clock, *m_events, m_options.eventHeartbeat);
    m_sessionRoutes->registerRoutes(m_router);
    m_agentRoutes->registerRoutes(m_router);
    m_delegationRoutes->registerRoutes(m_router);
    m_auditRoutes->registerRoutes(m_router);
    m_logRoutes->registerRoutes(m_router);
    m_enforcementPointRoutes = std::make_unique<EnforcementPointRoutes>(*m_store, m_clock, *m_routeWrites);
    m_enforcementPointRoutes->registerRoutes(m_router);
    m_authZenRoutes = std::make_unique<AuthZenRoutes>(
        *m_store, m_clock, *m_routeWrites, *m_authenticator, *m_actions, *m_orgPolicy,
        AuthZenRoutes::Settings{m_options.approvalTtlSeconds, !m_options.tlsCertificate.isEmpty(),
                                m_options.urlFor(m_options.port)});
    m_authZenRoutes->registerRoutes(m_router);
    m_operationsRoutes->registerRoutes(m_router);
    m_authorizeRoutes->registerRoutes(m_router);
    m_authorityRoutes = std::make_unique<AuthorityRoutes>(*m_store, m_clock);
    m_authorityRoutes->registerRoutes(m_router);
    m_approvalRoutes->registerRoutes(m_router);
    m_identityRoutes->registerRoutes(m_router);
    m_subDelegationRoutes->registerRoutes(m_router);
    m_eventRoutes->registerRoutes(m_router);
    m_demoRoutes = std::make_unique<DemoRoutes>(m_options.demo);
    m_demoRoutes->registerRoutes(m_router);
    m_actionRoutes = std::make_unique<ActionRoutes>(*m_store, m_clock, *m_routeWrites, *m_actions);
    m_actionRoutes->registerRoutes(m_router);
    m_policyRoutes = std::make_unique<PolicyRoutes>(m_policyEngine.get());
    m_policyRoutes->registerRoutes(m_router);
    return true;
}

bool MandateServer::setUpPolicy(QString *error)
{
    if (!m_options.policyPdp.isEmpty()) {
        const std::optional<QByteArray> token =
            readTokenFile(m_options.policyPdpTokenFile, QStringLiteral("policy engine token"), 1, error);
        if (!token)
            return false;
        m_policyEngine = std::make_unique<PolicyDecisionPoint>(
            PolicyDecisionPoint::Settings{QUrl(m_options.policyPdp), *token, m_options.policyTimeout,
                                          m_options.policyFailOpen},
            m_metrics);
        m_metrics.addGauge(
            QStringLiteral("mandate_policy_pdp_up"),
            QStringLiteral("1 when the organisation's policy engine answered its last question."),
            [engine = m_policyEngine.get()] { return engine->healthy() ? 1.0 : 0.0; });
    }
    m_orgPolicy = std::make_unique<OrgPolicyGate>(*m_store, m_clock, m_policyEngine.get());
    return true;
}

void MandateServer::addGauges()
{
    m_metrics.addGauge(
        QStringLiteral("mandate_approvals_pending"), QStringLiteral("Approvals waiting for a decision."),
        [store = m_store.get()] { return static_cast<double>(store->approvals().countPending()); });
    m_metrics.addGauge(QStringLiteral("mandate_event_streams"),
                       QStringLiteral("Open Server-Sent Event streams."),
                       [hub = m_events.get()] { return hub->subscriberCount(); });
    m_metrics.addGauge(QStringLiteral("mandate_http_open_connections"),
                       QStringLiteral("Client connections open now."),
                       [listener = QPointer<GuardedTcpServer>(m_listener)] {
                           return listener ? listener->openConnections() : 0.0;
                       });
}

bool MandateServer::seedDemo(QString *error)
{
    // Instances starting together on one database: one seeds, the others then find it not empty.
    Database &db = m_store->db();
    const QString lock = db.dialect().setupLock();
    if (!lock.isEmpty() && !db.execute(lock)) {
        *error = db.lastError();
        return false;
    }
    const bool ok = DemoSeeder::seedIfEmpty(*m_store, m_clock, error);
    if (!lock.isEmpty())
        db.execute(db.dialect().setupUnlock());
    return ok;
}

bool MandateServer::retireSigningKey(const ServerOptions &options, const Clock &clock, QString *error)
{
    const std::unique_ptr<Store> store = Store::open(options.database, options.dataDir, error);
    return store && InstanceKeys::retire(*store, options.retireSigningKey, clock, error);
}

bool MandateServer::setUpIdentity(QString *error)
{
    // The embedded trust domain's key lives with the data; created 0600 on first start.
    const QString keyFile = m_options.signingKey.isEmpty()
                                ? QDir(m_options.dataDir).filePath(QStringLiteral("signing-key.pem"))
                                : m_options.signingKey;
    if (!QDir().mkpath(QFileInfo(keyFile).absolutePath())) {
        *error = QStringLiteral("cannot create the directory of %1").arg(keyFile);
        return false;
    }
    auto key = SigningKey::loadOrCreate(keyFile, error);
    if (!key)
        return false;
    VerificationKeys bundle;
    if (!m_options.trustBundle.isEmpty()) {
        auto loaded = VerificationKeys::loadFile(m_options.trustBundle, error);
        if (!loaded)
            return false;
        bundle = std::move(*loaded);
    }
    m_credentials = std::make_unique<AgentCredentials>(
        std::move(*key), std::move(bundle),
        AgentCredentials::Settings{m_options.trustDomain, QStringLiteral("spiffe://") + m_options.trustDomain,
                                   m_options.audience},
        m_clock);
    return true;
}

bool MandateServer::setUpLog(QString *error)
{
    const QString keyFile = m_options.logKey.isEmpty()
                                ? QDir(m_options.dataDir).filePath(QStringLiteral("log-key.pem"))
                                : m_options.logKey;
    std::optional<LogSigner> signer = LogSigner::load(keyFile, m_options.logOrigin, error);
    if (!signer)
        return false;
    // A log has one identity. Signing on with another key would fork it in every witness's eyes.
    if (const auto signedBefore = m_store->log().checkpoint();
        signedBefore && !Checkpoint::open(signedBefore->note, signer->verifierKey())) {
        const QByteArray firstLine = signedBefore->note.left(signedBefore->note.indexOf('\n'));
        *error =
            QStringLiteral("the newest checkpoint of the audit log in this database (\"%1\") does not verify "
                           "with the log key %2 (%3): it was signed by another key, or edited. Start every "
                           "instance with --log-key naming the log's own key file; if it was edited, restore "
                           "the database from a backup")
                .arg(QString::fromUtf8(firstLine), keyFile, signer->verifierKey().toString());
        return false;
    }
    m_auditLog = std::make_unique<AuditLog>(*m_store, *m_writes, std::move(*signer), m_clock, m_metrics,
                                            m_options.sequenceInterval);
    return true;
}

bool MandateServer::setUpSignals(QString *error)
{
    const auto keyFile = [this](const QString &given, const QString &name) {
        return given.isEmpty() ? QDir(m_options.dataDir).filePath(name) : given;
    };
    // Keys of their own: a SET key signs nothing else, so a SET never passes for a credential.
    auto rsa =
        RsaSigningKey::loadOrCreate(keyFile(m_options.ssfKey, QStringLiteral("ssf-rsa-key.pem")), error);
    if (!rsa)
        return false;
    auto ed25519 = SigningKey::loadOrCreate(
        keyFile(m_options.ssfEddsaKey, QStringLiteral("ssf-ed25519-key.pem")), error);
    if (!ed25519)
        return false;
    m_setSigner = std::make_unique<SetSigner>(std::move(*rsa), std::move(*ed25519));
    const QString issuer = m_options.ssfIssuer.isEmpty() ? url() : m_options.ssfIssuer;
    m_ssfStreamRoutes =
        std::make_unique<SsfStreamRoutes>(*m_store, m_clock, *m_routeWrites, *m_setSigner, issuer);
    m_ssfPollRoutes = std::make_unique<SsfPollRoutes>(*m_store, m_clock, *m_routeWrites, *m_setSigner, issuer,
                                                      m_options.ssfLongPoll);
    m_ssfAdminRoutes = std::make_unique<SsfAdminRoutes>(*m_store, m_clock, *m_routeWrites, issuer);
    m_ssfStreamRoutes->registerRoutes(m_router);
    m_ssfPollRoutes->registerRoutes(m_router);
    m_ssfAdminRoutes->registerRoutes(m_router);
    SsfDeliverer::Settings settings;
    settings.issuer = issuer;
    settings.retryMax = m_options.ssfRetryMax;
    settings.pauseAfter = m_options.ssfPauseAfter;
    settings.instance = m_options.database.isEmpty() ? QStringLiteral("local") : SecureRandom::id(u"ins_");
    m_ssfDeliverer =
        std::make_unique<SsfDeliverer>(*m_store, *m_writes, m_clock, *m_setSigner, m_metrics, settings);
    connect(m_writes.get(), &WriteBatcher::signalsQueued, m_ssfDeliverer.get(), &SsfDeliverer::wake);
    connect(m_writes.get(), &WriteBatcher::signalsQueued, m_ssfPollRoutes.get(), &SsfPollRoutes::wake);
    return true;
}

std::optional<QSslConfiguration> MandateServer::tlsConfiguration(QString *error) const
{
    if (m_options.tlsCertificate.isEmpty())
        return std::nullopt;
    QFile certFile(m_options.tlsCertificate);
    QFile keyFile(m_options.tlsKey);
    if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the TLS certificate or key");
        return std::nullopt;
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
    const QByteArray keyPem = keyFile.readAll();
    QSslKey key(keyPem, QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(keyPem, QSsl::Rsa, QSsl::Pem);
    if (chain.isEmpty() || key.isNull()) {
        *error = QStringLiteral("the TLS certificate or key is not valid PEM");
        return std::nullopt;
    }
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificateChain(chain);
    config.setPrivateKey(key);
    config.setProtocol(QSsl::TlsV1_2OrLater);
    config.setPeerVerifyMode(QSslSocket::VerifyNone);
    return config;
}

void MandateServer::sweepNow()
{
    if (m_sweeper)
        m_sweeper->sweepNow();
}

void MandateServer::shutdown(std::chrono::milliseconds grace)
{
    if (m_stopping)
        return;
    m_stopping = true;
    m_log.event(QStringLiteral("draining"));
    if (m_listener)
        m_listener->close();
    // Pushes in flight are left to the next start (they stay queued); waiting polls are answered.
    if (m_ssfDeliverer)
        m_ssfDeliverer->stop();
    if (m_ssfPollRoutes)
        m_ssfPollRoutes->answerAll();
    if (!m_http) {
        QTimer::singleShot(0, this, &MandateServer::finishShutdown);
        return;
    }
    // Drained means both: no request waits for an answer, and no write (a sweep has no request)
    // waits for its commit.
    connect(m_http, &HttpApiServer::drained, this, &MandateServer::finishShutdownWhenDrained);
    connect(m_writes.get(), &WriteBatcher::idle, this, &MandateServer::finishShutdownWhenDrained);
    QTimer::singleShot(0, this, &MandateServer::finishShutdownWhenDrained);
    QTimer::singleShot(grace, this, &MandateServer::finishShutdown);
}

// Reconnecting in place would have to rebuild every prepared statement, cache and subscription
// on two threads mid-flight; a fresh process does all of that by construction, and what was
// committed is in the database. Requests still waiting are answered 503 while this one drains.
void MandateServer::stopForLostDatabase()
{
    if (m_stopping)
        return;
    m_log.event(QStringLiteral("database connection lost"),
                QStringLiteral("stopping so that it can be restarted"));
    m_exitCode = ExitDatabaseLost;
    shutdown(std::chrono::seconds(2));
}

void MandateServer::finishShutdownWhenDrained()
{
    if (m_http->requestsInFlight() != 0 || !m_writes->isIdle())
        return;
    // What was answered is recorded either way; sequencing it now spares the next start the wait.
    if (m_auditLog && !m_finalPassDone && m_exitCode == 0) {
        m_finalPassDone = true;
        m_auditLog->sequenceNow();
        return;
    }
    finishShutdown();
}

void MandateServer::finishShutdown()
{
    if (!m_stopping || m_stopped)
        return;
    m_stopped = true;
    m_log.event(QStringLiteral("stopped"));
    Q_EMIT stopped(m_exitCode);
}

} // namespace mandate::server
