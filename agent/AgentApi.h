#pragma once

#include "client/ApiClient.h"
#include "core/AuthZen.h"
#include "core/AuthorizeRequest.h"
#include "core/Delegation.h"

namespace mandate::agent {

// The calls of API.md that an agent makes (and the admin calls that give it an identity), built
// on the console's ApiClient so both speak the contract through one transport.
class AgentApi
{
public:
    explicit AgentApi(client::ApiClient &client)
        : m_client(client)
    {}

    client::ApiJob *authorize(const AuthorizeRequest &request);
    // POST /access/v1/evaluation, as the agent or as an enforcement point (whoever the client's
    // token is). A non-empty `requestId` goes as X-Request-ID, the evaluation's idempotency key.
    client::ApiJob *evaluate(const authzen::Evaluation &evaluation, const QByteArray &requestId);
    client::ApiJob *credential(const QString &delegationId, int ttlSeconds);
    client::ApiJob *subdelegate(const QString &parentId, const DelegationGrant &grant);
    client::ApiJob *complete(const QString &delegationId);

    client::ApiJob *registerAgent(const QString &spiffeId, const QString &name, const QString &description);
    client::ApiJob *mintSvid(const QString &agentId);

private:
    client::ApiClient &m_client;
};

} // namespace mandate::agent
