#include "client/ConsoleSettings.h"

#include <QSettings>

namespace mandate::client {

namespace {

const QString ServerKey = QStringLiteral("signIn/server");
const QString UsernameKey = QStringLiteral("signIn/username");

} // namespace

QUrl ConsoleSettings::defaultServer()
{
    return QUrl(QStringLiteral("http://127.0.0.1:8787"));
}

QUrl ConsoleSettings::lastServer() const
{
    return QUrl(m_settings.value(ServerKey).toString());
}

QString ConsoleSettings::lastUsername() const
{
    return m_settings.value(UsernameKey).toString();
}

void ConsoleSettings::rememberSignIn(const QUrl &server, const QString &username)
{
    m_settings.setValue(ServerKey, server.toString());
    m_settings.setValue(UsernameKey, username);
}

} // namespace mandate::client
