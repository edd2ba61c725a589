#pragma once

#include "client/ConsoleSession.h"
#include "client/ConsoleSettings.h"
#include "client/DecisionOutbox.h"
#include "client/LocalCache.h"
#include "client/SandboxLauncher.h"
#include "client/TokenVault.h"
#include "core/Clock.h"
#include "tests/support/TestServer.h"
#include "ui/ConsoleController.h"
#include "ui/MainWindow.h"
#include "ui/SignInDialog.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTest>

#include <functional>
#include <memory>

namespace mandate::test {

template <typename T>
T *child(const QObject *parent, const char *name)
{
    T *found = parent->findChild<T *>(QString::fromLatin1(name));
    if (!found)
        qFatal("no child %s", name);
    return found;
}

// Everything one console process holds, wired the way main() wires it, in a folder of its own.
struct ConsoleHarness
{
    // `keyring` stands in for the OS keyring that outlives one console process.
    explicit ConsoleHarness(const QString &dir, client::TokenVault *keyring = nullptr)
        : settings(dir + QStringLiteral("/settings.ini"), QSettings::IniFormat)
        , cache(dir + QStringLiteral("/cache.sqlite"))
        , sandbox(TestServer::binary(), dir + QStringLiteral("/sandbox"))
        , session(keyring ? *keyring : ownVault)
        , outbox(dir + QStringLiteral("/outbox.sqlite"), session.api())
        , controller(session, cache, outbox, sandbox, consoleSettings, clock)
    {}

    ui::MainWindow *window() const { return controller.mainWindow(); }

    // Starts the console against `server` and signs in through the dialog's widgets as a person
    // would; nullptr when there is no dialog or `ready` does not hold within 10 s.
    static std::unique_ptr<ConsoleHarness> signIn(const QString &dir, const QUrl &server,
                                                  const QString &username,
                                                  const std::function<bool(ConsoleHarness &)> &ready)
    {
        auto console = std::make_unique<ConsoleHarness>(dir);
        console->controller.start(server);
        ui::SignInDialog *dialog = console->controller.signInDialog();
        if (!dialog)
            return nullptr;
        QTest::keyClicks(child<QLineEdit>(dialog, "username"), username);
        QTest::keyClicks(child<QLineEdit>(dialog, "password"), QStringLiteral("mandate-demo"));
        QTest::mouseClick(child<QPushButton>(dialog, "signIn"), Qt::LeftButton);
        QDeadlineTimer deadline(10000);
        while (!(console->window() && ready(*console)) && !deadline.hasExpired())
            QTest::qWait(20);
        return console->window() && ready(*console) ? std::move(console) : nullptr;
    }

    // With MANDATE_SCREENSHOT_DIR set, `widget` is saved there as NAME.png for docs/screenshots.
    static void capture(QWidget *widget, const QString &name)
    {
        const QString dir = qEnvironmentVariable("MANDATE_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return;
        QDir().mkpath(dir);
        QTest::qWait(150); // let the last page and the detail pane arrive and lay out
        QVERIFY(widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png")));
    }

    QSettings settings;
    client::ConsoleSettings consoleSettings{settings};
    client::TokenVault ownVault{client::TokenVault::Backend::MemoryOnly};
    client::LocalCache cache;
    client::SandboxLauncher sandbox;
    client::ConsoleSession session;
    client::DecisionOutbox outbox;
    SystemClock clock;
    ui::ConsoleController controller;
};

} // namespace mandate::test
