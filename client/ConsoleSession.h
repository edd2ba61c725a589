#pragma once

#include "client/ConnectionMonitor.h"
#include "client/EventStream.h"
#include "client/MandateApi.h"
#include "client/TokenVault.h"
#include "client/UserInfo.h"

#include <QObject>
#include <QUrl>

#include <memory>
#include <optional>

namespace mandate::client {

class ApiClient;

// One signed-in person on one server: the REST client, the live event stream and the connection
// state, created together and torn down together on sign-out. The window and its pages get this
// passed in; nothing reaches for it globally.
class ConsoleSession : public QObject
{
    Q_OBJECT

public:
    explicit ConsoleSession(TokenVault &vault, QObject *parent = nullptr);
    ~ConsoleSession() override;

    ApiClient &client() { return *m_client; }
    MandateApi &api() { return m_api; }
    EventStream &events() { return m_events; }
    ConnectionMonitor &connection() { return m_connection; }
    const UserInfo &user() const { return m_user; }
    const QUrl &server() const;
    bool isSignedIn() const { return m_user.isValid(); }

    void signIn(const QUrl &server, const QString &username, const QString &password);
    // Tries the token the vault kept for this server and user; resumeFailed when there is none or
    // the server no longer accepts it. When the server cannot be reached and `lastKnown` says who
    // this was, the session opens offline (read-only until the server answers again).
    void resume(const QUrl &server, const QString &username, const std::optional<UserInfo> &lastKnown = {});
    void signOut();

Q_SIGNALS:
    void signedIn(const mandate::client::UserInfo &user);
    void signInFailed(const mandate::client::ApiError &error);
    void resumeFailed();
    void signedOut();

private:
    void accept(const QString &token, const UserInfo &user);
    void forget();

    TokenVault &m_vault;
    // Behind a pointer so this header (which every page includes) does not bring the REST
    // client's JSON-speaking interface along.
    std::unique_ptr<ApiClient> m_client;
    MandateApi m_api;
    EventStream m_events;
    ConnectionMonitor m_connection;
    UserInfo m_user;
};

} // namespace mandate::client
