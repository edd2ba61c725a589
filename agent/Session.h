#pragma once

#include "agent/AgentApi.h"
#include "agent/BlockingCall.h"
#include "client/ApiClient.h"
#include "client/MandateApi.h"

#include <QUrl>

namespace mandate::agent {

// One caller of the API — a person signed in with a session token or an agent speaking with its
// SVID — and the two faces of the contract it can use.
class Session
{
public:
    explicit Session(const QUrl &server);

    Session(const Session &) = delete;
    Session &operator=(const Session &) = delete;

    client::MandateApi &people() { return m_api; }
    AgentApi &agent() { return m_agentApi; }
    client::ApiClient &client() { return m_client; }

    // Signs a person in and keeps the session token; false with the server's reason.
    bool signIn(const QString &username, const QString &password, QString *error);
    // Ends a person's session so a re-run every few seconds does not pile up live tokens.
    void signOut();
    void useSvid(const QString &svid) { m_client.setToken(svid); }
    const QString &userId() const { return m_userId; }

    CallResult wait(client::ApiJob *job) { return BlockingCall::wait(job); }
    template <typename T>
    TypedResult<T> wait(const client::Reply<T> &reply)
    {
        return BlockingCall::wait(reply);
    }

private:
    client::ApiClient m_client;
    client::MandateApi m_api;
    AgentApi m_agentApi;
    QString m_userId;
};

} // namespace mandate::agent
