#include "agent/AgentApi.h"

#include "core/AuthorizeCodec.h"
#include "core/DelegationCodec.h"

namespace mandate::agent {

namespace {

QString delegationPath(const QString &id, QStringView action)
{
    return QStringLiteral("/v1/delegations/") + QString::fromLatin1(QUrl::toPercentEncoding(id)) + u'/' +
           action;
}

} // namespace

client::ApiJob *AgentApi::authorize(const AuthorizeRequest &request)
{
    return m_client.post(QStringLiteral("/v1/authorize"), AuthorizeCodec::requestToJson(request));
}

client::ApiJob *AgentApi::evaluate(const authzen::Evaluation &evaluation, const QByteArray &requestId)
{
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!requestId.isEmpty())
        headers.append({QByteArrayLiteral("X-Request-ID"), requestId});
    return m_client.postWithHeaders(QStringLiteral("/access/v1/evaluation"), evaluation.toJson(), headers);
}

client::ApiJob *AgentApi::credential(const QString &delegationId, int ttlSeconds)
{
    return m_client.post(QStringLiteral("/v1/credentials"), {{QStringLiteral("delegation_id"), delegationId},
                                                             {QStringLiteral("ttl_seconds"), ttlSeconds}});
}

client::ApiJob *AgentApi::subdelegate(const QString &parentId, const DelegationGrant &grant)
{
    return m_client.post(delegationPath(parentId, u"subdelegations"),
                         DelegationCodec::grantToJson(grant, DelegationCodec::GrantKind::SubDelegation));
}

client::ApiJob *AgentApi::complete(const QString &delegationId)
{
    return m_client.post(delegationPath(delegationId, u"complete"), {});
}

client::ApiJob *AgentApi::registerAgent(const QString &spiffeId, const QString &name,
                                        const QString &description)
{
    return m_client.post(QStringLiteral("/v1/agents"), {{QStringLiteral("spiffe_id"), spiffeId},
                                                        {QStringLiteral("name"), name},
                                                        {QStringLiteral("description"), description}});
}

client::ApiJob *AgentApi::mintSvid(const QString &agentId)
{
    return m_client.post(QStringLiteral("/v1/agents/") +
                             QString::fromLatin1(QUrl::toPercentEncoding(agentId)) + QStringLiteral("/svid"),
                         {});
}

} // namespace mandate::agent
