#include "server/instance/MandateServer.h"
#include "server/instance/ServerOptions.h"
#include "server/ops/SignalWatcher.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("mandate-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MANDATE_VERSION));

    QStringList arguments = QCoreApplication::arguments();
    arguments.removeFirst();
    if (arguments.contains(QStringLiteral("--help")) || arguments.contains(QStringLiteral("-h"))) {
        std::fputs(qPrintable(mandate::server::ServerOptions::usage()), stdout);
        return 0;
    }
    auto options = mandate::server::ServerOptions::parse(arguments);
    if (!options) {
        std::fprintf(stderr, "mandate-server: %s\n", qPrintable(options.error()));
        return 2;
    }

    mandate::SystemClock clock;
    if (!options->retireSigningKey.isEmpty()) {
        QString error;
        if (!mandate::server::MandateServer::retireSigningKey(*options, clock, &error)) {
            std::fprintf(stderr, "mandate-server: %s\n", qPrintable(error));
            return 1;
        }
        std::printf("retired signing key %s\n", qPrintable(options->retireSigningKey));
        return 0;
    }
    mandate::server::MandateServer server(*options, clock);
    mandate::server::SignalWatcher signals;
    QObject::connect(&signals, &mandate::server::SignalWatcher::terminationRequested, &server,
                     [&server] { server.shutdown(); });
    QObject::connect(&server, &mandate::server::MandateServer::stopped, &app, &QCoreApplication::exit);

    QString error;
    if (!server.start(&error)) {
        std::fprintf(stderr, "mandate-server: %s\n", qPrintable(error));
        return 1;
    }
    // Scripts and tests wait for exactly this line on standard output.
    std::printf("listening on %s\n", qPrintable(server.url()));
    std::fflush(stdout);
    const int code = app.exec();
    if (code == mandate::server::MandateServer::ExitDatabaseLost)
        std::fputs("mandate-server: lost the database connection; exiting so that the service manager "
                   "starts this instance again\n",
                   stderr);
    return code;
}
