#pragma once

#include <QString>
#include <QUrl>

class QSettings;

namespace mandate::client {

// Every key the console keeps in QSettings, named once: where and as whom it signed in last (so
// a restart resumes that session). Never a password or a token: those belong to the keyring.
class ConsoleSettings
{
public:
    explicit ConsoleSettings(QSettings &settings)
        : m_settings(settings)
    {}

    // The server offered when nothing was remembered: a local mandate-server's default port.
    static QUrl defaultServer();

    // Empty when nobody signed in yet.
    QUrl lastServer() const;
    QString lastUsername() const;
    void rememberSignIn(const QUrl &server, const QString &username);

    QSettings &settings() const { return m_settings; }

private:
    QSettings &m_settings;
};

} // namespace mandate::client
