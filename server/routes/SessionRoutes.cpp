#include "server/routes/SessionRoutes.h"

#include "core/JsonReader.h"
#include "core/Timestamp.h"
#include "server/auth/LoginThrottle.h"
#include "server/auth/PasswordHasher.h"
#include "server/auth/SessionAuthenticator.h"
#include "server/domain/AccessPolicy.h"
#include "server/domain/AuditTrail.h"
#include "server/events/EventHub.h"
#include "server/http/IdempotentWrites.h"
#include "server/http/Problem.h"
#include "server/http/Router.h"
#include "server/routes/RequestParsing.h"
#include "server/routes/ResourceJson.h"
#include "server/store/Store.h"

#include <QFutureWatcher>
#include <QJsonArray>
#include <QtConcurrent>

namespace mandate::server {

namespace {

ApiResponse badCredentials()
{
    return Problem::unauthenticated(QStringLiteral("The username or password is not right."));
}

} // namespace

SessionRoutes::SessionRoutes(Store &store, const Clock &clock, IdempotentWrites &writes,
                             LoginThrottle &throttle, EventHub &hub, qint64 sessionSeconds, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_clock(clock)
    , m_writes(writes)
    , m_throttle(throttle)
    , m_hub(hub)
    , m_sessionSeconds(sessionSeconds)
{}

void SessionRoutes::registerRoutes(Router &router)
{
    router.add("POST", QStringLiteral("/v1/sessions"), Router::Access::Public, this, &SessionRoutes::signIn);
    router.add("DELETE", QStringLiteral("/v1/sessions/current"), Router::Access::User, this,
               &SessionRoutes::signOut);
    router.add("GET", QStringLiteral("/v1/me"), Router::Access::User, this, &SessionRoutes::me);
    router.add("POST", QStringLiteral("/v1/users/{id}/unlock"), Router::Access::User, this,
               &SessionRoutes::unlock);
    router.add("GET", QStringLiteral("/v1/sign-in/throttles"), Router::Access::User, this,
               &SessionRoutes::throttles);
}

void SessionRoutes::signIn(ApiRequest &request, const Responder &respond)
{
    auto body = RequestParsing::jsonObject(request);
    if (!body) {
        respond(body.error());
        return;
    }
    FieldErrors errors;
    JsonReader reader(*body, QString(), &errors);
    const std::optional<QString> username = reader.requiredString(u"username", 64);
    const std::optional<QString> password = reader.requiredString(u"password", 1024);
    reader.finish();
    if (!errors.isEmpty()) {
        respond(Problem::validation(errors));
        return;
    }

    const QString address = request.remoteAddress.toString();
    // Every attempt reads what the store holds (sign-ins are rare; a read, not a write, and not
    // through the write queue the decisions use): a restart forgets nothing, and every instance on
    // one database throttles and unlocks as one.
    QList<std::pair<QString, QDateTime>> failures;
    const QDateTime since = m_clock.now().addSecs(-m_throttle.windowSeconds());
    for (const UserRepository::LoginFailure &failure : m_store.users().loginFailuresFrom(address, since))
        failures.append({failure.username, failure.at});
    m_throttle.syncFromStore(*username, address, failures);
    if (const std::optional<int> wait = m_throttle.beginAttempt(*username, address)) {
        const int minutes = (*wait + 59) / 60;
        respond(Problem::rateLimited(
            *wait, minutes == 1
                       ? QStringLiteral("Too many failed sign-ins from here; try again in a minute.")
                       : QStringLiteral("Too many failed sign-ins from here; try again in %1 minutes.")
                             .arg(minutes)));
        return;
    }

    const std::optional<UserRecord> user = m_store.users().findByUsername(*username);
    const QString hash = user ? user->passwordHash : PasswordHasher::decoyHash();
    const QString userId = user ? user->id : QString();
    // Argon2id takes tens of milliseconds and 64 MiB: never on the event loop.
    auto *watcher = new QFutureWatcher<bool>(this);
    connect(watcher, &QFutureWatcher<bool>::finished, this,
            [this, watcher, username = *username, address, userId, respond] {
                watcher->deleteLater();
                finishSignIn(username, address, userId, watcher->result() && !userId.isEmpty(), respond);
            });
    watcher->setFuture(QtConcurrent::run(
        [hash, password = password->toUtf8()] { return PasswordHasher::verify(hash, password); }));
}

void SessionRoutes::finishSignIn(const QString &username, const QString &address, const QString &userId,
                                 bool passwordOk, const Responder &respond)
{
    if (!passwordOk) {
        const UserRepository::LoginFailure failure{username, address, m_clock.now()};
        const QDateTime forgetBefore = failure.at.addSecs(-m_throttle.windowSeconds());
        // Kept in the store so a restart does not hand an attacker a fresh allowance.
        m_writes.submit(
            {QString(), QString(), QByteArray(), false},
            [failure, forgetBefore](Store &store) {
                return store.users().recordLoginFailure(failure, forgetBefore) ? ApiResponse::noContent()
                                                                               : Problem::internal();
            },
            [this, username, address, respond](const ApiResponse &) {
                m_throttle.endFailedAttempt(username, address);
                respond(badCredentials());
            });
        return;
    }
    m_throttle.recordSuccess(username, address);
    const QString token = SessionAuthenticator::newToken();
    const QDateTime now = m_clock.now();
    const QDateTime expiresAt = now.addSecs(m_sessionSeconds);
    // The answer holds the only copy of the token, so it is never kept for idempotent replay.
    m_writes.submit(
        {QString(), QString(), QByteArray(), false},
        [token, userId, username, address, now, expiresAt](Store &store) {
            const auto user = store.users().findById(userId);
            if (!user || !store.users().clearLoginFailures(username, address) ||
                !store.sessions().insert(SessionAuthenticator::hashToken(token.toLatin1()), userId, now,
                                         expiresAt))
                return Problem::internal();
            return ApiResponse::json(201, {{QStringLiteral("token"), token},
                                           {QStringLiteral("expires_at"), formatTimestamp(expiresAt)},
                                           {QStringLiteral("user"), ResourceJson::user(*user)}});
        },
        respond);
}

void SessionRoutes::signOut(ApiRequest &request, const Responder &respond)
{
    const QByteArray hash = request.principal.sessionHash;
    m_writes.submit(
        {QString(), QString(), QByteArray(), false},
        [hash](Store &store) {
            return store.sessions().remove(hash) ? ApiResponse::noContent() : Problem::internal();
        },
        [this, hash, respond](ApiResponse response) {
            if (response.status < 400)
                m_hub.closeSession(hash);
            respond(std::move(response));
        });
}

void SessionRoutes::me(ApiRequest &request, const Responder &respond)
{
    const auto user = m_store.users().findById(request.principal.id);
    respond(user ? ApiResponse::json(200, ResourceJson::user(*user))
                 : Problem::unauthenticated(QStringLiteral("This account no longer exists.")));
}

void SessionRoutes::throttles(ApiRequest &request, const Responder &respond)
{
    if (!AccessPolicy::canManageUsers(request.principal)) {
        respond(Problem::forbidden(QStringLiteral("Only administrators see who is throttled.")));
        return;
    }
    // Read from the store, so every instance on one database lists the same throttles.
    QList<LoginThrottle::Failure> failures;
    const QDateTime since = m_clock.now().addSecs(-m_throttle.windowSeconds());
    for (const UserRepository::LoginFailure &failure : m_store.users().loginFailuresSince(since))
        failures.append({failure.username, failure.address, failure.at});
    QJsonArray items;
    for (const LoginThrottle::Throttled &throttled : m_throttle.throttledAmong(failures)) {
        const std::optional<UserRecord> user =
            throttled.username.isEmpty() ? std::nullopt : m_store.users().findByUsername(throttled.username);
        items.append(
            QJsonObject{{QStringLiteral("username"),
                         throttled.username.isEmpty() ? QJsonValue() : QJsonValue(throttled.username)},
                        {QStringLiteral("user_id"), user ? QJsonValue(user->id) : QJsonValue()},
                        {QStringLiteral("address"), throttled.address},
                        {QStringLiteral("failures"), throttled.failures},
                        {QStringLiteral("until"), formatTimestamp(throttled.until)}});
    }
    respond(ApiResponse::json(200, {{QStringLiteral("items"), items}}));
}

void SessionRoutes::unlock(ApiRequest &request, const Responder &respond)
{
    const QString userId = request.param(0);
    if (!AccessPolicy::canManageUsers(request.principal)) {
        respond(Problem::forbidden(QStringLiteral("Only administrators unlock sign-in.")));
        return;
    }
    const auto user = m_store.users().findById(userId);
    if (!user) {
        respond(Problem::noSuch(u"user", userId));
        return;
    }
    m_writes.submit(
        RequestParsing::idempotency(request),
        [this, user = *user, actor = request.principal](Store &store) {
            if (!store.users().clearLoginFailures(user.username) ||
                !AuditTrail(store, m_clock)
                     .record(
                         QStringLiteral("user.unlocked"), actor, QString(),
                         {{QStringLiteral("user_id"), user.id}, {QStringLiteral("username"), user.username}}))
                return Problem::internal();
            return ApiResponse::json(200, ResourceJson::user(user));
        },
        [this, username = user->username, respond](ApiResponse response) {
            if (response.status < 400)
                m_throttle.unlock(username);
            respond(std::move(response));
        });
}

} // namespace mandate::server
