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
    // An enforcement point's bearer token (mep_…), read as an SVID is.
    static Expected<QString, QString> readEnforcementToken(const QString &source);

    // The SPIFFE ID a JWT-SVID names (its `sub`), read without checking the signature: the agent
    // names itself with it, and the server checks the SVID on every call anyway.
    static Expected<QString, QString> spiffeIdOf(const QString &svid);

    // USER[:PASSWORD], the demo password when none is given.
    static bool signIn(Session &session, const QString &userSpec, QString *error);

    // The agent registered under this name or SPIFFE ID: its id, or why there is none.
    static Expected<QString, QString> findAgent(Session &admin, const QString &nameOrSpiffeId);

    // A fresh SVID for the agent, minted by a signed-in admin.
    static Expected<QString, QString> mint(Session &admin, const QString &nameOrSpiffeId);
};

} // namespace mandate::agent
