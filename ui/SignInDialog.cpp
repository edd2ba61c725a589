#include "ui/SignInDialog.h"

#include "client/ConsoleSession.h"
#include "client/ConsoleSettings.h"
#include "client/DemoServerProbe.h"
#include "client/SandboxLauncher.h"
#include "ui/RoleNames.h"
#include "ui_SignInDialog.h"

#include <QLayout>
#include <QLocale>

namespace mandate::ui {

namespace {

const QString SandboxUser = QStringLiteral("alice");
const QString SandboxPassword = QStringLiteral("mandate-demo");

} // namespace

SignInDialog::SignInDialog(client::ConsoleSession &session, client::SandboxLauncher &sandbox,
                           client::ConsoleSettings &settings, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SignInDialog>())
    , m_session(session)
    , m_sandbox(sandbox)
    , m_settings(settings)
    , m_demoProbe(new client::DemoServerProbe(this))
{
    m_ui->setupUi(this);
    const QUrl lastServer = m_settings.lastServer();
    m_ui->server->setText(
        (lastServer.isEmpty() ? client::ConsoleSettings::defaultServer() : lastServer).toString());
    m_ui->username->setText(m_settings.lastUsername());
    m_ui->message->setVisible(false);
    m_ui->demoHint->setVisible(false);
    (m_ui->username->text().isEmpty() ? m_ui->username : m_ui->password)->setFocus();

    // Asked once the address is complete (leaving the field), not on every keystroke, so a
    // half-typed host name is never looked up; an edit hides what the old address offered.
    connect(m_ui->server, &QLineEdit::textEdited, m_demoProbe, &client::DemoServerProbe::forget);
    connect(m_ui->server, &QLineEdit::editingFinished, this, &SignInDialog::probeServer);
    connect(m_demoProbe, &client::DemoServerProbe::answered, this, &SignInDialog::showDemoHint);
    connect(m_ui->demoHint, &QLabel::linkActivated, this, &SignInDialog::chooseDemoPerson);
    probeServer();

    connect(m_ui->signIn, &QPushButton::clicked, this, &SignInDialog::signIn);
    connect(m_ui->cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_ui->sandbox, &QPushButton::clicked, this, &SignInDialog::startSandbox);
    connect(&m_session, &client::ConsoleSession::signedIn, this, [this] {
        m_settings.rememberSignIn(m_session.server(), m_session.user().username);
        m_ui->password->clear();
        setBusy(false);
        accept();
    });
    connect(&m_session, &client::ConsoleSession::signInFailed, this, &SignInDialog::onFailed);
    connect(&m_sandbox, &client::SandboxLauncher::ready, this, [this](const QUrl &url) {
        if (!m_awaitingSandbox)
            return;
        m_awaitingSandbox = false;
        m_ui->server->setText(url.toString());
        probeServer();
        m_ui->username->setText(SandboxUser);
        setBusy(true, tr("Sandbox running at %1. Signing in as %2…").arg(url.toString(), SandboxUser));
        m_session.signIn(url, SandboxUser, SandboxPassword);
    });
    connect(&m_sandbox, &client::SandboxLauncher::failed, this, [this](const QString &message) {
        m_awaitingSandbox = false;
        setBusy(false, message);
    });
}

SignInDialog::~SignInDialog() = default;

void SignInDialog::setServer(const QUrl &server)
{
    m_ui->server->setText(server.toString());
    probeServer();
}

void SignInDialog::setUsername(const QString &username)
{
    m_ui->username->setText(username);
    m_ui->password->setFocus();
}

void SignInDialog::showMessage(const QString &message)
{
    m_ui->message->setText(message);
    m_ui->message->setVisible(!message.isEmpty());
}

void SignInDialog::signIn()
{
    const QUrl server = QUrl::fromUserInput(m_ui->server->text().trimmed());
    if (!server.isValid() ||
        (server.scheme() != QLatin1String("http") && server.scheme() != QLatin1String("https"))) {
        showMessage(tr("Enter the server's address, for example https://mandate.example.com."));
        m_ui->server->setFocus();
        return;
    }
    if (m_ui->username->text().trimmed().isEmpty() || m_ui->password->text().isEmpty()) {
        showMessage(tr("Enter your username and password."));
        (m_ui->username->text().trimmed().isEmpty() ? m_ui->username : m_ui->password)->setFocus();
        return;
    }
    setBusy(true, tr("Signing in…"));
    m_session.signIn(server, m_ui->username->text().trimmed(), m_ui->password->text());
}

void SignInDialog::startSandbox()
{
    m_awaitingSandbox = true;
    setBusy(true, tr("Starting a local sandbox with demo data…"));
    m_sandbox.start();
}

void SignInDialog::setBusy(bool busy, const QString &message)
{
    for (QWidget *w : {static_cast<QWidget *>(m_ui->server), static_cast<QWidget *>(m_ui->username),
                       static_cast<QWidget *>(m_ui->password), static_cast<QWidget *>(m_ui->signIn),
                       static_cast<QWidget *>(m_ui->sandbox), static_cast<QWidget *>(m_ui->demoHint)})
        w->setEnabled(!busy);
    showMessage(message);
}

void SignInDialog::onFailed(const client::ApiError &error)
{
    QString message;
    switch (error.kind) {
    case client::ApiError::Kind::Unauthenticated:
        message = tr("The username or password is not right.");
        break;
    case client::ApiError::Kind::RateLimited:
        // People read waits in minutes; "847 s" has to be worked out.
        message = tr("Too many failed attempts from this computer. Try again in %n minute(s), or ask an "
                     "administrator to unlock your account.",
                     nullptr, qMax(1, (error.retryAfterSeconds + 59) / 60));
        break;
    default:
        message = error.message();
        break;
    }
    setBusy(false, message);
    m_ui->password->selectAll();
    m_ui->password->setFocus();
}

void SignInDialog::probeServer()
{
    const QUrl server = QUrl::fromUserInput(m_ui->server->text().trimmed());
    // The same address again keeps the answer it gave or is about to give, unless that was "no
    // demo server here": the server may have been started since.
    if (server == m_demoProbe->server() && (m_demoProbe->isAsking() || !m_demoProbe->directory().isEmpty()))
        return;
    m_demoProbe->probe(server);
}

void SignInDialog::showDemoHint(const client::DemoDirectory &directory)
{
    m_ui->demoHint->setVisible(!directory.isEmpty());
    if (directory.isEmpty()) {
        m_ui->demoHint->clear();
        return;
    }
    QStringList people;
    for (qsizetype i = 0; i < directory.people.size(); ++i) {
        const client::DemoDirectory::Person &person = directory.people.at(i);
        // The link names the person by position: usernames are the server's to choose.
        const QString link =
            QStringLiteral("<a href=\"%1\">%2</a>").arg(i).arg(person.username.toHtmlEscaped());
        people.append(person.roles.isEmpty() ? link
                                             : tr("%1 (%2)", "a demo person: username (roles)")
                                                   .arg(link, RoleNames::of(person.roles).toHtmlEscaped()));
    }
    m_ui->demoHint->setText(
        tr("<b>Demo server</b> — sign in as: %1<br>Password: <b>%2</b>")
            .arg(QLocale().createSeparatedList(people), directory.password.toHtmlEscaped()));
    // A top-level window does not grow by itself for a word-wrapped label that appears later: the
    // layout would squeeze the fields instead.
    layout()->activate();
    if (const int needed = heightForWidth(width()); needed > height())
        resize(width(), needed);
}

void SignInDialog::chooseDemoPerson(const QString &link)
{
    const client::DemoDirectory &directory = m_demoProbe->directory();
    bool ok = false;
    const int index = link.toInt(&ok);
    if (!ok || index < 0 || index >= directory.people.size())
        return;
    m_ui->username->setText(directory.people.at(index).username);
    m_ui->password->setText(directory.password);
    showMessage({});
    m_ui->signIn->setFocus();
}

} // namespace mandate::ui
