#include "client/ConsoleSession.h"

#include "client/ApiClient.h"

namespace mandate::client {

ConsoleSession::ConsoleSession(TokenVault &vault, QObject *parent)
    : QObject(parent)
    , m_vault(vault)
    , m_client(std::make_unique<ApiClient>())
    , m_api(*m_client)
    , m_events(m_client->network())
    , m_connection(*m_client)
{
    connect(m_client.get(), &ApiClient::sessionRejected, this, [this] {
        if (!isSignedIn())
            return;
        m_vault.erase(TokenVault::keyFor(server().toString(), m_user.username));
        forget();
        Q_EMIT signedOut();
    });
    // A dropped stream is the first sign of a dead server: check at once, so the window never
    // says "connected" for longer than one probe.
    connect(&m_events, &EventStream::connectedChanged, this, [this](bool connected) {
        if (!connected && isSignedIn())
            m_connection.checkNow();
    });
}

ConsoleSession::~ConsoleSession() = default;

const QUrl &ConsoleSession::server() const
{
    return m_client->server();
}

void ConsoleSession::signIn(const QUrl &server, const QString &username, const QString &password)
{
    forget();
    m_client->setServer(server);
    m_api.signIn(username, password)
        .onSucceeded(this,
                     [this](const MandateApi::SignedIn &answer) {
                         if (answer.token.isEmpty() || !answer.user.isValid()) {
                             Q_EMIT signInFailed(
                                 ApiError::protocol(tr("The server's sign-in answer has no session.")));
                             return;
                         }
                         m_vault.store(
                             TokenVault::keyFor(m_client->server().toString(), answer.user.username),
                             answer.token);
                         accept(answer.token, answer.user);
                     })
        .onFailed(this, [this](const ApiError &error) { Q_EMIT signInFailed(error); });
}

void ConsoleSession::resume(const QUrl &server, const QString &username,
                            const std::optional<UserInfo> &lastKnown)
{
    forget();
    m_client->setServer(server);
    const QString key = TokenVault::keyFor(server.toString(), username);
    m_vault.load(key, [this, key, lastKnown](const QString &token) {
        if (token.isEmpty()) {
            Q_EMIT resumeFailed();
            return;
        }
        m_client->setToken(token);
        const auto me = m_api.me();
        me.onSucceeded(this, [this, token](const UserInfo &user) { accept(token, user); });
        me.onFailed(this, [this, key, token, lastKnown](const ApiError &error) {
            if (error.isConnectivity() && lastKnown && lastKnown->isValid()) {
                accept(token, *lastKnown);
                return;
            }
            if (error.kind == ApiError::Kind::Unauthenticated)
                m_vault.erase(key);
            m_client->setToken({});
            Q_EMIT resumeFailed();
        });
    });
}

void ConsoleSession::signOut()
{
    if (!isSignedIn())
        return;
    m_api.signOut(); // best effort: the token is forgotten here whatever the server answers
    m_vault.erase(TokenVault::keyFor(server().toString(), m_user.username));
    forget();
    Q_EMIT signedOut();
}

void ConsoleSession::accept(const QString &token, const UserInfo &user)
{
    m_client->setToken(token);
    m_user = user;
    m_events.start(server(), token);
    Q_EMIT signedIn(user);
}

void ConsoleSession::forget()
{
    m_events.stop();
    m_client->setToken({});
    m_user = {};
}

} // namespace mandate::client
