#include "agent/AgentCli.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("mandate-agent"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MANDATE_VERSION));
    return mandate::agent::AgentCli::run(QCoreApplication::arguments());
}
