#include "ui/ConsoleController.h"

#include "client/ConsoleSession.h"
#include "client/ConsoleSettings.h"
#include "client/DecisionOutbox.h"
#include "client/LocalCache.h"
#include "ui/MainWindow.h"
#include "ui/SignInDialog.h"

namespace mandate::ui {

ConsoleController::ConsoleController(client::ConsoleSession &session, client::LocalCache &cache,
                                     client::DecisionOutbox &outbox, client::SandboxLauncher &sandbox,
                                     client::ConsoleSettings &settings, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_cache(cache)
    , m_outbox(outbox)
    , m_sandbox(sandbox)
    , m_settings(settings)
    , m_clock(clock)
{
    connect(&m_session, &client::ConsoleSession::signedIn, this, &ConsoleController::openMainWindow);
    connect(&m_session, &client::ConsoleSession::resumeFailed, this, [this] { showSignIn(); });
    connect(&m_session, &client::ConsoleSession::signedOut, this, [this] {
        if (m_window)
            m_window->deleteLater();
        showSignIn(tr("You are signed out."));
    });
}

ConsoleController::~ConsoleController()
{
    delete m_window;
    delete m_signIn;
}

MainWindow *ConsoleController::mainWindow() const
{
    return m_window;
}

SignInDialog *ConsoleController::signInDialog() const
{
    return m_signIn;
}

void ConsoleController::start(const QUrl &serverOverride)
{
    m_serverOverride = serverOverride;
    const QUrl server = serverOverride.isEmpty() ? m_settings.lastServer() : serverOverride;
    const QString username = m_settings.lastUsername();
    if (server.isValid() && !username.isEmpty()) {
        m_cache.setScope(server.toString(), username);
        m_session.resume(server, username, m_cache.loadUser());
    } else
        showSignIn();
}

void ConsoleController::showSignIn(const QString &message)
{
    if (!m_signIn) {
        m_signIn = new SignInDialog(m_session, m_sandbox, m_settings);
        m_signIn->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_signIn, &QDialog::rejected, this, [this] {
            if (!m_window)
                Q_EMIT quitRequested();
        });
    }
    if (!m_serverOverride.isEmpty())
        m_signIn->setServer(m_serverOverride);
    m_signIn->showMessage(message);
    m_signIn->show();
    m_signIn->raise();
}

void ConsoleController::openMainWindow()
{
    delete m_window;
    m_cache.setScope(m_session.server().toString(), m_session.user().username);
    m_cache.saveUser(m_session.user());
    m_outbox.start(m_session.server().toString(), m_session.user().username);
    m_window = new MainWindow(m_session, m_cache, m_outbox, m_clock);
    m_window->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_window, &MainWindow::signOutRequested, &m_session, &client::ConsoleSession::signOut);
    // The window shows before the dialog closes, so the application never has no window (and quits).
    m_window->show();
    if (m_signIn) {
        m_signIn->disconnect(this);
        m_signIn->close();
    }
}

} // namespace mandate::ui
