#pragma once

#include "core/Expected.h"

#include <QString>

namespace mandate::agent {

class Session;

// Where the agent's JWT-SVID comes from: the workload's SPIFFE provider (a file, or standard
// input), or — for the demo's embedded trust domain — minted by an admin.
class AgentIdentity
{
public:
    static constexpr auto DemoPassword = "mandate-demo";

    // FILE or "-" for standard input; surrounding whitespace is dropped.
    static Expected<QString, QString> readSvid(const QString &source);

    // USER[:PASSWORD], the demo password when none is given.
    static bool signIn(Session &session, const QString &userSpec, QString *error);

    // The agent registered under this name or SPIFFE ID: its id, or why there is none.
    static Expected<QString, QString> findAgent(Session &admin, const QString &nameOrSpiffeId);

    // A fresh SVID for the agent, minted by a signed-in admin.
    static Expected<QString, QString> mint(Session &admin, const QString &nameOrSpiffeId);
};

} // namespace mandate::agent
