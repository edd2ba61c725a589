#pragma once

#include <QObject>
#include <QPointer>
#include <QUrl>

namespace mandate {
class Clock;
}
namespace mandate::client {
class ConsoleSession;
class ConsoleSettings;
class DecisionOutbox;
class LocalCache;
class SandboxLauncher;
} // namespace mandate::client

namespace mandate::ui {

class MainWindow;
class SignInDialog;

// The console's life cycle: resume a kept session or ask to sign in, then one main window per
// signed-in person; sign-out (or a session the server ended) goes back to the sign-in dialog.
class ConsoleController : public QObject
{
    Q_OBJECT

public:
    // The outbox belongs with the session (its file outlives windows and sign-ins); each window
    // gets it, started for the person who signed in.
    ConsoleController(client::ConsoleSession &session, client::LocalCache &cache,
                      client::DecisionOutbox &outbox, client::SandboxLauncher &sandbox,
                      client::ConsoleSettings &settings, const Clock &clock, QObject *parent = nullptr);
    ~ConsoleController() override;

    // serverOverride: --server from the command line, preselected in the sign-in dialog.
    void start(const QUrl &serverOverride = {});

    MainWindow *mainWindow() const;
    SignInDialog *signInDialog() const;

Q_SIGNALS:
    // The person cancelled the sign-in dialog with no window open: the application should quit.
    void quitRequested();

private:
    void showSignIn(const QString &message = {});
    void openMainWindow();

    client::ConsoleSession &m_session;
    client::LocalCache &m_cache;
    client::DecisionOutbox &m_outbox;
    client::SandboxLauncher &m_sandbox;
    client::ConsoleSettings &m_settings;
    const Clock &m_clock;
    QUrl m_serverOverride;
    QPointer<MainWindow> m_window;
    QPointer<SignInDialog> m_signIn;
};

} // namespace mandate::ui
