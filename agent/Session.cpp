#include "agent/Session.h"

namespace mandate::agent {

Session::Session(const QUrl &server)
    : m_api(m_client)
    , m_agentApi(m_client)
{
    m_client.setServer(server);
}

bool Session::signIn(const QString &username, const QString &password, QString *error)
{
    const auto signedIn = wait(m_api.signIn(username, password));
    if (!signedIn.ok()) {
        *error = QStringLiteral("%1 cannot sign in: %2").arg(username, signedIn.problem());
        return false;
    }
    m_client.setToken(signedIn.value->token);
    m_userId = signedIn.value->user.id;
    return true;
}

void Session::signOut()
{
    if (m_userId.isEmpty())
        return;
    wait(m_api.signOut());
    m_client.setToken(QString());
    m_userId.clear();
}

} // namespace mandate::agent
