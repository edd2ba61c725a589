#pragma once

#include <QStringList>

namespace mandate::agent {

// mandate-agent's command line: the identity options, then one subcommand. Returns the process's
// exit code (ExitCode.h).
class AgentCli
{
public:
    static int run(const QStringList &arguments);
};

} // namespace mandate::agent
