#include "client/ConsoleSession.h"
#include "client/ConsoleSettings.h"
#include "client/DecisionOutbox.h"
#include "client/LocalCache.h"
#include "client/SandboxLauncher.h"
#include "client/TokenVault.h"
#include "core/Clock.h"
#include "ui/ConsoleController.h"
#include "ui/TranslationLoader.h"
#include "ui/wizard/ConsoleStyle.h"
#include "ui/wizard/ThemeColors.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QIcon>
#include <QLocale>
#include <QSettings>
#include <QStandardPaths>
#include <QStyleFactory>

namespace {

void nameApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Mandate"));
    QCoreApplication::setApplicationName(QStringLiteral("mandate-console"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MANDATE_VERSION));
}

// Read under a plain QCoreApplication before the GUI starts, so --help, --version and a mistyped
// option answer on a terminal without a display (over ssh, in a package build) instead of aborting.
QUrl serverFromArguments(int &argc, char *argv[])
{
    QCoreApplication cli(argc, argv);
    nameApplication();
    mandate::ui::TranslationLoader::install(cli, QLocale::system());
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Mandate console: govern what AI agents may do."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption serverOption(
        QStringLiteral("server"), QCoreApplication::translate("main", "The mandate-server to sign in to."),
        QStringLiteral("URL"));
    parser.addOption(serverOption);
    parser.process(cli);
    return parser.isSet(serverOption) ? QUrl::fromUserInput(parser.value(serverOption)) : QUrl();
}

} // namespace

int main(int argc, char *argv[])
{
    const QUrl server = serverFromArguments(argc, argv);
    QApplication app(argc, argv);
    nameApplication();
    QApplication::setApplicationDisplayName(QStringLiteral("Mandate"));
    // The reverse-DNS id names the installed .desktop entry, icon and AppStream metainfo alike;
    // the window icon comes from the icon theme, or from the binary when run from a build tree.
    QApplication::setDesktopFileName(QStringLiteral("dev.mandate.Console"));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("dev.mandate.Console"),
                                                 QIcon(QStringLiteral(":/icons/dev.mandate.Console.svg"))));
    // LANGUAGE / LC_MESSAGES / LANG pick the language, as for every other desktop program.
    mandate::ui::TranslationLoader::install(app, QLocale::system());
    // The desktop's palette, light or dark, is followed as it is; MANDATE_THEME=dark forces a dark
    // one where the desktop has none to give (screenshots, a bare X server).
    if (qEnvironmentVariable("MANDATE_THEME") == QLatin1String("dark")) {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(mandate::ui::ThemeColors::darkPalette());
    }
    mandate::ui::ConsoleStyle::install();

    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dataDir);
    QSettings settings;
    mandate::client::ConsoleSettings consoleSettings(settings);
    // Without a desktop session there is no keyring to ask; asking would only wait for D-Bus.
    const bool keyring = !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS") &&
                         qEnvironmentVariable("MANDATE_KEYRING") != QLatin1String("off");
    mandate::client::TokenVault vault(keyring ? mandate::client::TokenVault::Backend::Keyring
                                              : mandate::client::TokenVault::Backend::MemoryOnly);
    mandate::client::LocalCache cache(QDir(dataDir).filePath(QStringLiteral("cache.sqlite")));
    mandate::client::SandboxLauncher sandbox(mandate::client::SandboxLauncher::findServerBinary(),
                                             QDir(dataDir).filePath(QStringLiteral("sandbox")));
    mandate::client::ConsoleSession session(vault);
    // A file of its own next to the cache: the cache may be cleared, unsent decisions never.
    mandate::client::DecisionOutbox outbox(QDir(dataDir).filePath(QStringLiteral("outbox.sqlite")),
                                           session.api());
    mandate::SystemClock clock;
    mandate::ui::ConsoleController controller(session, cache, outbox, sandbox, consoleSettings, clock);
    QObject::connect(&controller, &mandate::ui::ConsoleController::quitRequested, &app, &QApplication::quit,
                     Qt::QueuedConnection);
    controller.start(server);
    return app.exec();
}
