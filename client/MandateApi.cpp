#include "client/MandateApi.h"

#include "core/ApprovalCodec.h"
#include "core/DelegationCodec.h"

#include <QJsonArray>

namespace mandate::client {

namespace {

QString segment(const QString &id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

QJsonObject reasonBody(const QString &reason)
{
    return {{QStringLiteral("reason"), reason}};
}

void addIfSet(QUrlQuery &query, const QString &name, const QString &value)
{
    if (!value.isEmpty())
        query.addQueryItem(name, QString::fromLatin1(QUrl::toPercentEncoding(value)));
}

} // namespace

namespace {

QUrlQuery auditQuery(const AuditFilter &filter)
{
    QUrlQuery query;
    addIfSet(query, QStringLiteral("delegation_id"), filter.delegationId);
    addIfSet(query, QStringLiteral("agent_id"), filter.agentId);
    addIfSet(query, QStringLiteral("customer_id"), filter.customerId);
    addIfSet(query, QStringLiteral("type"), filter.type);
    return query;
}

} // namespace

ApiJob *MandateApi::signIn(const QString &username, const QString &password)
{
    return m_client.post(QStringLiteral("/v1/sessions"),
                         {{QStringLiteral("username"), username}, {QStringLiteral("password"), password}});
}

ApiJob *MandateApi::signOut()
{
    return m_client.del(QStringLiteral("/v1/sessions/current"));
}

ApiJob *MandateApi::me()
{
    return m_client.get(QStringLiteral("/v1/me"));
}

ApiJob *MandateApi::demoDirectory()
{
    return m_client.get(QStringLiteral("/v1/demo"));
}

ApiJob *MandateApi::agents(const QString &cursor)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("500"));
    addIfSet(query, QStringLiteral("cursor"), cursor);
    return m_client.get(QStringLiteral("/v1/agents"), query);
}

ApiJob *MandateApi::suspendAgent(const QString &agentId, const QString &reason)
{
    return m_client.post(QStringLiteral("/v1/agents/") + segment(agentId) + QStringLiteral("/suspend"),
                         reasonBody(reason));
}

ApiJob *MandateApi::delegations(const DelegationFilter &filter, const QString &cursor, int limit)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    addIfSet(query, QStringLiteral("q"), filter.text.trimmed());
    if (filter.status)
        query.addQueryItem(QStringLiteral("status"), delegationStatusToString(*filter.status));
    addIfSet(query, QStringLiteral("agent_id"), filter.agentId);
    addIfSet(query, QStringLiteral("customer_id"), filter.customerId);
    if (filter.sort != DelegationFilter().sort)
        addIfSet(query, QStringLiteral("sort"), filter.sort);
    addIfSet(query, QStringLiteral("cursor"), cursor);
    return m_client.get(QStringLiteral("/v1/delegations"), query);
}

ApiJob *MandateApi::delegation(const QString &id)
{
    return m_client.get(QStringLiteral("/v1/delegations/") + segment(id));
}

ApiJob *MandateApi::grant(const DelegationGrant &grant)
{
    return m_client.post(QStringLiteral("/v1/delegations"),
                         DelegationCodec::grantToJson(grant, DelegationCodec::GrantKind::Customer));
}

ApiJob *MandateApi::revoke(const QString &delegationId, const QString &reason)
{
    return m_client.post(QStringLiteral("/v1/delegations/") + segment(delegationId) +
                             QStringLiteral("/revoke"),
                         reasonBody(reason));
}

ApiJob *MandateApi::revokeAll(const QString &customerId, const QString &reason)
{
    return m_client.post(QStringLiteral("/v1/customers/") + segment(customerId) +
                             QStringLiteral("/revoke-all"),
                         reasonBody(reason));
}

ApiJob *MandateApi::audit(const AuditFilter &filter, qint64 afterSeq, int limit)
{
    QUrlQuery query = auditQuery(filter);
    query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    if (afterSeq > 0)
        query.addQueryItem(QStringLiteral("after_seq"), QString::number(afterSeq));
    return m_client.get(QStringLiteral("/v1/audit"), query);
}

DownloadJob *MandateApi::exportAudit(const AuditFilter &filter, ExportFormat format, const QString &file)
{
    QUrl url = m_client.server();
    url.setPath(url.path() + QStringLiteral("/v1/audit/export"));
    QUrlQuery query = auditQuery(filter);
    query.addQueryItem(QStringLiteral("format"),
                       format == ExportFormat::Csv ? QStringLiteral("csv") : QStringLiteral("jsonl"));
    url.setQuery(query);
    auto *job = new DownloadJob(m_client.network(), url, m_client.token(), file, &m_client);
    job->start();
    return job;
}

ApiJob *MandateApi::verifyAudit()
{
    return m_client.get(QStringLiteral("/v1/audit/verify"));
}

ApiJob *MandateApi::approvals(std::optional<ApprovalStatus> status, std::optional<ApprovalKind> kind,
                              const QString &cursor, int limit)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    if (status)
        query.addQueryItem(QStringLiteral("status"), approvalStatusToString(*status));
    if (kind)
        query.addQueryItem(QStringLiteral("kind"), approvalKindToString(*kind));
    addIfSet(query, QStringLiteral("cursor"), cursor);
    return m_client.get(QStringLiteral("/v1/approvals"), query);
}

ApiJob *MandateApi::approval(const QString &id)
{
    return m_client.get(QStringLiteral("/v1/approvals/") + segment(id));
}

ApiJob *MandateApi::decide(const QString &approvalId, ApprovalVerdict verdict, const QString &reason,
                           const QByteArray &idempotencyKey)
{
    return m_client.post(QStringLiteral("/v1/approvals/") + segment(approvalId) +
                             QStringLiteral("/decisions"),
                         ApprovalCodec::decisionBodyToJson({verdict, reason}), idempotencyKey);
}

MandateApi::PageInfo MandateApi::pageInfo(const QJsonObject &listAnswer)
{
    return {static_cast<int>(listAnswer.value(QStringLiteral("items")).toArray().size()),
            listAnswer.value(QStringLiteral("next_cursor")).toString()};
}

MandateApi::AuditVerification MandateApi::auditVerification(const QJsonObject &verifyAnswer)
{
    return {verifyAnswer.value(QStringLiteral("ok")).toBool(),
            verifyAnswer.value(QStringLiteral("events")).toInteger(),
            verifyAnswer.value(QStringLiteral("first_bad_seq")).toInteger()};
}

int MandateApi::revokedCount(const QJsonObject &revokeAnswer)
{
    const QJsonValue suspended = revokeAnswer.value(QStringLiteral("revoked_delegations"));
    return suspended.isUndefined() ? revokeAnswer.value(QStringLiteral("revoked")).toInt()
                                   : suspended.toInt();
}

std::optional<Approval> MandateApi::approvalFrom(const QJsonObject &answer)
{
    auto approval = ApprovalCodec::fromJson(answer);
    return approval ? std::optional<Approval>(std::move(approval.value())) : std::nullopt;
}

std::optional<Approval> MandateApi::currentApprovalOf(const ApiError &conflict)
{
    if (conflict.kind != ApiError::Kind::Conflict)
        return std::nullopt;
    return approvalFrom(conflict.body.value(QStringLiteral("approval")).toObject());
}

} // namespace mandate::client
