#pragma once

#include "client/ApiError.h"

#include <QDialog>
#include <QUrl>

#include <memory>

namespace Ui {
class SignInDialog;
}

namespace mandate::client {
class ConsoleSession;
class ConsoleSettings;
struct DemoDirectory;
class DemoServerProbe;
class SandboxLauncher;
} // namespace mandate::client

namespace mandate::ui {

// Server, username, password — or one click for a local sandbox. Remembers the server and the
// username (never the password or the token: those belong to the keyring) and accepts once the
// session is signed in. When the server is a demo server, it lists whom to sign in as; choosing
// one of them fills in the username and the password.
class SignInDialog : public QDialog
{
    Q_OBJECT

public:
    SignInDialog(client::ConsoleSession &session, client::SandboxLauncher &sandbox,
                 client::ConsoleSettings &settings, QWidget *parent = nullptr);
    ~SignInDialog() override;

    void setServer(const QUrl &server);
    void setUsername(const QString &username);
    void showMessage(const QString &message);

private:
    void signIn();
    void startSandbox();
    void setBusy(bool busy, const QString &message = {});
    void onFailed(const client::ApiError &error);
    // Asks the server in the address field whether it is a demo server, unless that was asked last.
    void probeServer();
    void showDemoHint(const client::DemoDirectory &directory);
    void chooseDemoPerson(const QString &link);

    std::unique_ptr<Ui::SignInDialog> m_ui;
    client::ConsoleSession &m_session;
    client::SandboxLauncher &m_sandbox;
    client::ConsoleSettings &m_settings;
    client::DemoServerProbe *m_demoProbe;
    bool m_awaitingSandbox = false;
};

} // namespace mandate::ui
