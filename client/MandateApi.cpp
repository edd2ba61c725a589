#include "client/MandateApi.h"

#include "client/ApiClient.h"
#include "client/ApiJob.h"
#include "client/ConsoleCodec.h"
#include "client/DownloadJob.h"
#include "core/ApprovalCodec.h"
#include "core/AuditEventCodec.h"
#include "core/AuditReceipt.h"
#include "core/AuthorizeCodec.h"
#include "core/DelegationCodec.h"
#include "core/MerkleTree.h"
#include "core/Timestamp.h"

#include <QJsonArray>
#include <QJsonDocument>

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
    addIfSet(query, QStringLiteral("q"), filter.text);
    return query;
}

} // namespace

// Turns a job's JSON answer into the reply's value; an answer that does not read fails the reply
// as a protocol error (ApiError::message() words it for people).
struct ApiReplyAccess
{
    template <typename T, typename Read>
    static Reply<T> wrap(ApiJob *job, Read read)
    {
        auto *reply = new ApiReply(job);
        QObject::connect(job, &ApiJob::succeeded, reply, [reply, read](const QJsonObject &body, int status) {
            std::optional<T> value;
            if constexpr (std::is_invocable_v<Read, const QJsonObject &, int>)
                value = read(body, status); // an answer whose status says as much as its body
            else
                value = read(body);
            if (!value) {
                ApiError error = ApiError::protocol({});
                error.status = status; // the server did answer, and took the request
                Q_EMIT reply->failed(error);
                return;
            }
            reply->m_value = std::move(*value);
            Q_EMIT reply->succeeded();
            reply->m_value.reset();
        });
        QObject::connect(job, &ApiJob::failed, reply, &ApiReply::failed);
        return Reply<T>(reply);
    }
};

namespace {

template <typename T, typename Read>
Reply<T> typed(ApiJob *job, Read read)
{
    return ApiReplyAccess::wrap<T>(job, read);
}

template <typename T, typename Codec>
std::optional<T> fromCodec(const QJsonObject &json, Codec codec)
{
    auto value = codec(json);
    return value ? std::optional<T>(std::move(value.value())) : std::nullopt;
}

// A list answer: items that do not read are left out (one bad row does not hide a page), a list
// that is not there fails the whole answer.
template <typename T, typename ReadItem>
std::optional<Page<T>> pageOf(const QJsonObject &body, ReadItem readItem)
{
    const QJsonValue items = body.value(QStringLiteral("items"));
    if (!items.isArray())
        return std::nullopt;
    Page<T> page;
    for (const QJsonValue &item : items.toArray()) {
        if (std::optional<T> value = readItem(item.toObject()))
            page.items.append(std::move(*value));
    }
    const QJsonValue next = body.value(QStringLiteral("next_cursor"));
    page.nextCursor = next.isString() ? next.toString() : QString();
    return page;
}

std::optional<Delegation> delegationFrom(const QJsonObject &json)
{
    return fromCodec<Delegation>(json, &DelegationCodec::fromJson);
}

std::optional<Approval> approvalFrom(const QJsonObject &json)
{
    return fromCodec<Approval>(json, &ApprovalCodec::fromJson);
}

std::optional<AuditEvent> auditEventFrom(const QJsonObject &json)
{
    return fromCodec<AuditEvent>(json, &AuditEventCodec::fromJson);
}

std::optional<EnforcementPointInfo> enforcementPointFrom(const QJsonObject &json)
{
    return ConsoleCodec::enforcementPointFromJson(json);
}

std::optional<MandateApi::RegisteredEnforcementPoint> registeredPointFrom(const QJsonObject &json)
{
    std::optional<EnforcementPointInfo> point = ConsoleCodec::enforcementPointFromJson(json);
    const QString token = json.value(QStringLiteral("token")).toString();
    if (!point || token.isEmpty())
        return std::nullopt;
    return MandateApi::RegisteredEnforcementPoint{std::move(*point), token};
}

std::optional<Money> authorityMoney(const QJsonValue &value)
{
    const QJsonObject o = value.toObject();
    const auto money = Money::of(o.value(QStringLiteral("amount_minor")).toInteger(-1),
                                 o.value(QStringLiteral("currency")).toString());
    return money ? std::optional<Money>(*money) : std::nullopt;
}

std::optional<qint64> authorityCount(const QJsonValue &value)
{
    return value.isDouble() ? std::optional<qint64>(value.toInteger()) : std::nullopt;
}

std::optional<AgentAuthorityInfo> authorityFrom(const QJsonObject &json)
{
    if (!json.value(QStringLiteral("delegations")).isArray() ||
        !json.value(QStringLiteral("reach")).isArray())
        return std::nullopt;
    AgentAuthorityInfo info;
    info.agentName = json.value(QStringLiteral("agent")).toObject().value(QStringLiteral("name")).toString();
    for (const QJsonValue &value : json.value(QStringLiteral("delegations")).toArray()) {
        const QJsonObject d = value.toObject();
        AgentAuthorityInfo::Held held;
        held.id = d.value(QStringLiteral("id")).toString();
        held.parentId = d.value(QStringLiteral("parent_id")).toString();
        held.purpose = d.value(QStringLiteral("purpose")).toString();
        held.depth = d.value(QStringLiteral("depth")).toInt(1);
        for (const QJsonValue &link : d.value(QStringLiteral("chain")).toArray())
            held.chainNames.append(link.toObject().value(QStringLiteral("name")).toString());
        const QJsonObject usage = d.value(QStringLiteral("usage")).toObject();
        held.uses = usage.value(QStringLiteral("uses")).toInteger();
        for (const QJsonValue &spent : usage.value(QStringLiteral("spent")).toArray()) {
            if (const auto money = authorityMoney(spent))
                held.spent.append(*money);
        }
        for (const QJsonValue &scopeValue : d.value(QStringLiteral("scopes")).toArray()) {
            const QJsonObject scope = scopeValue.toObject();
            const QJsonObject remaining = scope.value(QStringLiteral("remaining")).toObject();
            held.scopes.append({scope.value(QStringLiteral("action")).toString(),
                                scope.value(QStringLiteral("resource")).toString(),
                                authorityMoney(remaining.value(QStringLiteral("total"))),
                                authorityCount(remaining.value(QStringLiteral("uses")))});
        }
        info.delegations.append(held);
    }
    for (const QJsonValue &value : json.value(QStringLiteral("reach")).toArray()) {
        const QJsonObject r = value.toObject();
        AgentAuthorityInfo::Reach reach;
        reach.action = r.value(QStringLiteral("action")).toString();
        reach.resource = r.value(QStringLiteral("resource")).toString();
        if (r.value(QStringLiteral("remaining_total")).isArray()) {
            QList<Money> totals;
            for (const QJsonValue &total : r.value(QStringLiteral("remaining_total")).toArray()) {
                if (const auto money = authorityMoney(total))
                    totals.append(*money);
            }
            reach.remainingTotal = totals;
        }
        reach.remainingUses = authorityCount(r.value(QStringLiteral("remaining_uses")));
        reach.delegations = int(r.value(QStringLiteral("delegations")).toArray().size());
        reach.maxDepth = r.value(QStringLiteral("max_depth")).toInt();
        info.reach.append(reach);
    }
    const QJsonObject growth = json.value(QStringLiteral("growth")).toObject();
    info.grantsLast30Days = growth.value(QStringLiteral("grants_last_30d")).toInt();
    info.subdelegations = growth.value(QStringLiteral("subdelegations")).toInt();
    info.activeNow = growth.value(QStringLiteral("active_delegations")).toInt();
    info.activeMonthAgo = growth.value(QStringLiteral("active_delegations_30d_ago")).toInt();
    info.sprawl = growth.value(QStringLiteral("sprawl")).toBool();
    const QJsonObject history = json.value(QStringLiteral("history")).toObject();
    info.historyFrom = QDate::fromString(history.value(QStringLiteral("from")).toString(), Qt::ISODate);
    info.historyTo = QDate::fromString(history.value(QStringLiteral("to")).toString(), Qt::ISODate);
    for (const QJsonValue &value : history.value(QStringLiteral("spending")).toArray()) {
        const QJsonObject s = value.toObject();
        AgentAuthorityInfo::Spending spending{s.value(QStringLiteral("delegation_id")).toString(),
                                              s.value(QStringLiteral("purpose")).toString(),
                                              s.value(QStringLiteral("currency")).toString(),
                                              {}};
        for (const QJsonValue &day : s.value(QStringLiteral("days")).toArray())
            spending.days.append({QDate::fromString(day[QLatin1String("day")].toString(), Qt::ISODate),
                                  day[QLatin1String("amount_minor")].toInteger()});
        info.spending.append(spending);
    }
    for (const QJsonValue &day : history.value(QStringLiteral("grants")).toArray())
        info.grants.append({QDate::fromString(day[QLatin1String("day")].toString(), Qt::ISODate),
                            day[QLatin1String("count")].toInt()});
    return info;
}

std::optional<AgentInfo> agentFrom(const QJsonObject &json)
{
    AgentInfo agent = ConsoleCodec::agentFromJson(json);
    return agent.id.isEmpty() ? std::nullopt : std::optional(agent);
}

// POST /v1/customers/{id}/revoke-all → "revoked"; POST /v1/agents/{id}/suspend → "revoked_delegations".
std::optional<int> revokedCountFrom(const QJsonObject &json)
{
    const QJsonValue suspended = json.value(QStringLiteral("revoked_delegations"));
    return suspended.isUndefined() ? json.value(QStringLiteral("revoked")).toInt() : suspended.toInt();
}

std::optional<MandateApi::Done> done(const QJsonObject &)
{
    return MandateApi::Done{};
}

std::optional<qint64> nonNegative(const QJsonValue &value)
{
    const QVariant number = value.toVariant();
    if (number.typeId() != QMetaType::LongLong || number.toLongLong() < 0)
        return std::nullopt;
    return number.toLongLong();
}

// Proof hashes travel as lowercase hex; anything else is not a hash of this log.
std::optional<QByteArray> hashFrom(const QJsonValue &value)
{
    const QByteArray hex = value.toString().toLatin1();
    QByteArray hash = QByteArray::fromHex(hex);
    if (hash.size() != MerkleTree::HashSize || hash.toHex() != hex)
        return std::nullopt;
    return hash;
}

std::optional<QList<QByteArray>> hashesFrom(const QJsonValue &value)
{
    if (!value.isArray())
        return std::nullopt;
    QList<QByteArray> hashes;
    for (const QJsonValue &item : value.toArray()) {
        std::optional<QByteArray> hash = hashFrom(item);
        if (!hash)
            return std::nullopt;
        hashes.append(std::move(*hash));
    }
    return hashes;
}

std::optional<MandateApi::LogCheckpoint> checkpointFrom(const QJsonObject &json)
{
    const std::optional<qint64> size = nonNegative(json.value(QStringLiteral("tree_size")));
    const QJsonValue note = json.value(QStringLiteral("checkpoint"));
    const QJsonValue key = json.value(QStringLiteral("verifier_key"));
    if (!size || !note.isString() || !key.isString())
        return std::nullopt;
    return MandateApi::LogCheckpoint{*size, note.toString().toUtf8(), key.toString()};
}

std::optional<MandateApi::InclusionProof> inclusionFrom(const QJsonObject &json)
{
    const std::optional<qint64> index = nonNegative(json.value(QStringLiteral("leaf_index")));
    const std::optional<qint64> size = nonNegative(json.value(QStringLiteral("tree_size")));
    const std::optional<QByteArray> leaf = hashFrom(json.value(QStringLiteral("leaf_hash")));
    std::optional<QList<QByteArray>> path = hashesFrom(json.value(QStringLiteral("audit_path")));
    if (!index || !size || !leaf || !path)
        return std::nullopt;
    return MandateApi::InclusionProof{*index, *size, *leaf, std::move(*path)};
}

std::optional<MandateApi::ReceiptDocument> receiptFrom(const QJsonObject &json, int status)
{
    MandateApi::ReceiptDocument document;
    if (status == 202) {
        document.pending = true;
        return document;
    }
    const std::optional<AuditReceipt> receipt = AuditReceipt::fromJson(json);
    if (!receipt)
        return std::nullopt;
    document.json = QJsonDocument(json).toJson(QJsonDocument::Indented);
    document.eventType = receipt->event.value(QStringLiteral("type")).toString();
    document.seq = receipt->event.value(QStringLiteral("seq")).toInteger();
    document.treeSize = receipt->treeSize;
    document.verifierKey = receipt->verifierKey;
    document.checkpoint = receipt->checkpoint;
    document.verification = receipt->verify();
    return document;
}

} // namespace

Reply<MandateApi::SignedIn> MandateApi::signIn(const QString &username, const QString &password)
{
    ApiJob *job = m_client.post(QStringLiteral("/v1/sessions"), {{QStringLiteral("username"), username},
                                                                 {QStringLiteral("password"), password}});
    return typed<SignedIn>(job, [](const QJsonObject &body) {
        return std::optional(
            SignedIn{body.value(QStringLiteral("token")).toString(),
                     ConsoleCodec::userFromJson(body.value(QStringLiteral("user")).toObject())});
    });
}

Reply<MandateApi::Done> MandateApi::signOut()
{
    return typed<Done>(m_client.del(QStringLiteral("/v1/sessions/current")), &done);
}

Reply<UserInfo> MandateApi::unlockSignIn(const QString &userId)
{
    return typed<UserInfo>(
        m_client.post(QStringLiteral("/v1/users/") + segment(userId) + QStringLiteral("/unlock"),
                      QJsonObject()),
        [](const QJsonObject &body) { return std::optional(ConsoleCodec::userFromJson(body)); });
}

Reply<QList<MandateApi::SignInThrottle>> MandateApi::signInThrottles()
{
    return typed<QList<SignInThrottle>>(
        m_client.get(QStringLiteral("/v1/sign-in/throttles")), [](const QJsonObject &body) {
            QList<SignInThrottle> throttles;
            for (const QJsonValue &item : body.value(QStringLiteral("items")).toArray()) {
                const QJsonObject json = item.toObject();
                throttles.append(
                    {json.value(QStringLiteral("username")).toString(),
                     json.value(QStringLiteral("user_id")).toString(),
                     json.value(QStringLiteral("address")).toString(),
                     json.value(QStringLiteral("failures")).toInt(),
                     parseTimestamp(json.value(QStringLiteral("until")).toString()).value_or(QDateTime())});
            }
            return std::optional(throttles);
        });
}

Reply<UserInfo> MandateApi::me()
{
    return typed<UserInfo>(m_client.get(QStringLiteral("/v1/me")), [](const QJsonObject &body) {
        return std::optional(ConsoleCodec::userFromJson(body));
    });
}

Reply<DemoDirectory> MandateApi::demoDirectory()
{
    return typed<DemoDirectory>(m_client.get(QStringLiteral("/v1/demo")),
                                &ConsoleCodec::demoDirectoryFromJson);
}

Reply<Page<AgentInfo>> MandateApi::agents(const QString &cursor)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("500"));
    addIfSet(query, QStringLiteral("cursor"), cursor);
    return typed<Page<AgentInfo>>(
        m_client.get(QStringLiteral("/v1/agents"), query),
        [](const QJsonObject &body) { return pageOf<AgentInfo>(body, &agentFrom); });
}

Reply<int> MandateApi::suspendAgent(const QString &agentId, const QString &reason)
{
    return typed<int>(
        m_client.post(QStringLiteral("/v1/agents/") + segment(agentId) + QStringLiteral("/suspend"),
                      reasonBody(reason)),
        &revokedCountFrom);
}

Reply<AgentInfo> MandateApi::reinstateAgent(const QString &agentId, const QString &reason)
{
    return typed<AgentInfo>(
        m_client.post(QStringLiteral("/v1/agents/") + segment(agentId) + QStringLiteral("/reinstate"),
                      reasonBody(reason)),
        &agentFrom);
}

Reply<Page<Delegation>> MandateApi::delegations(const DelegationFilter &filter, const QString &cursor,
                                                int limit)
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
    return typed<Page<Delegation>>(
        m_client.get(QStringLiteral("/v1/delegations"), query),
        [](const QJsonObject &body) { return pageOf<Delegation>(body, &delegationFrom); });
}

Reply<Delegation> MandateApi::delegation(const QString &id)
{
    return typed<Delegation>(m_client.get(QStringLiteral("/v1/delegations/") + segment(id)), &delegationFrom);
}

Reply<Delegation> MandateApi::grant(const DelegationGrant &grant)
{
    return typed<Delegation>(
        m_client.post(QStringLiteral("/v1/delegations"),
                      DelegationCodec::grantToJson(grant, DelegationCodec::GrantKind::Customer)),
        &delegationFrom);
}

Reply<Delegation> MandateApi::revoke(const QString &delegationId, const QString &reason)
{
    return typed<Delegation>(
        m_client.post(QStringLiteral("/v1/delegations/") + segment(delegationId) + QStringLiteral("/revoke"),
                      reasonBody(reason)),
        &delegationFrom);
}

Reply<int> MandateApi::revokeAll(const QString &customerId, const QString &reason)
{
    return typed<int>(
        m_client.post(QStringLiteral("/v1/customers/") + segment(customerId) + QStringLiteral("/revoke-all"),
                      reasonBody(reason)),
        &revokedCountFrom);
}

Reply<Page<AuditEvent>> MandateApi::audit(const AuditFilter &filter, const QString &cursor, int limit)
{
    QUrlQuery query = auditQuery(filter);
    query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    if (const qint64 afterSeq = cursor.toLongLong(); afterSeq > 0)
        query.addQueryItem(QStringLiteral("after_seq"), QString::number(afterSeq));
    return typed<Page<AuditEvent>>(
        m_client.get(QStringLiteral("/v1/audit"), query),
        [](const QJsonObject &body) { return pageOf<AuditEvent>(body, &auditEventFrom); });
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

Reply<MandateApi::AuditVerification> MandateApi::verifyAudit()
{
    return typed<AuditVerification>(
        m_client.get(QStringLiteral("/v1/audit/verify")), [](const QJsonObject &body) {
            return std::optional(AuditVerification{body.value(QStringLiteral("ok")).toBool(),
                                                   body.value(QStringLiteral("events")).toInteger(),
                                                   body.value(QStringLiteral("first_bad_seq")).toInteger()});
        });
}

Reply<MandateApi::LogCheckpoint> MandateApi::auditCheckpoint()
{
    return typed<LogCheckpoint>(m_client.get(QStringLiteral("/v1/audit/checkpoint")), &checkpointFrom);
}

Reply<QList<QByteArray>> MandateApi::consistencyProof(qint64 from, qint64 to)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("from"), QString::number(from));
    query.addQueryItem(QStringLiteral("to"), QString::number(to));
    return typed<QList<QByteArray>>(
        m_client.get(QStringLiteral("/v1/audit/proofs/consistency"), query),
        [](const QJsonObject &body) { return hashesFrom(body.value(QStringLiteral("proof"))); });
}

Reply<MandateApi::InclusionProof> MandateApi::inclusionProof(qint64 seq, qint64 treeSize)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("seq"), QString::number(seq));
    query.addQueryItem(QStringLiteral("tree_size"), QString::number(treeSize));
    return typed<InclusionProof>(m_client.get(QStringLiteral("/v1/audit/proofs/inclusion"), query),
                                 &inclusionFrom);
}

Reply<MandateApi::ReceiptDocument> MandateApi::delegationReceipt(const QString &delegationId)
{
    return typed<ReceiptDocument>(
        m_client.get(QStringLiteral("/v1/delegations/") + segment(delegationId) + QStringLiteral("/receipt")),
        &receiptFrom);
}

Reply<MandateApi::ReceiptDocument> MandateApi::decisionReceipt(const QString &decisionId)
{
    return typed<ReceiptDocument>(
        m_client.get(QStringLiteral("/v1/decisions/") + segment(decisionId) + QStringLiteral("/receipt")),
        &receiptFrom);
}

Reply<Page<Approval>> MandateApi::approvals(std::optional<ApprovalStatus> status,
                                            std::optional<ApprovalKind> kind, const QString &cursor,
                                            int limit)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    if (status)
        query.addQueryItem(QStringLiteral("status"), approvalStatusToString(*status));
    if (kind)
        query.addQueryItem(QStringLiteral("kind"), approvalKindToString(*kind));
    addIfSet(query, QStringLiteral("cursor"), cursor);
    return typed<Page<Approval>>(
        m_client.get(QStringLiteral("/v1/approvals"), query),
        [](const QJsonObject &body) { return pageOf<Approval>(body, &approvalFrom); });
}

Reply<Approval> MandateApi::approval(const QString &id)
{
    return typed<Approval>(m_client.get(QStringLiteral("/v1/approvals/") + segment(id)), &approvalFrom);
}

Reply<Approval> MandateApi::decide(const QString &approvalId, ApprovalVerdict verdict, const QString &reason,
                                   const QByteArray &idempotencyKey)
{
    return typed<Approval>(
        m_client.post(QStringLiteral("/v1/approvals/") + segment(approvalId) + QStringLiteral("/decisions"),
                      ApprovalCodec::decisionBodyToJson({verdict, reason}), idempotencyKey),
        &approvalFrom);
}

Reply<OrgPolicyInfo> MandateApi::orgPolicy()
{
    return typed<OrgPolicyInfo>(m_client.get(QStringLiteral("/v1/policy")),
                                [](const QJsonObject &body) -> std::optional<OrgPolicyInfo> {
                                    const QJsonValue healthy = body.value(QStringLiteral("healthy"));
                                    if (!healthy.isBool())
                                        return std::nullopt;
                                    return OrgPolicyInfo{body.value(QStringLiteral("pdp")).toString(),
                                                         body.value(QStringLiteral("failure")).toString() ==
                                                             u"open",
                                                         healthy.toBool()};
                                });
}

Reply<ActionCatalog> MandateApi::actions()
{
    return typed<ActionCatalog>(m_client.get(QStringLiteral("/v1/actions")),
                                [](const QJsonObject &body) -> std::optional<ActionCatalog> {
                                    ActionCatalog catalog;
                                    for (const QJsonValue &item :
                                         body.value(QStringLiteral("items")).toArray()) {
                                        const auto action = ActionCatalog::fromJson(item.toObject());
                                        if (!action)
                                            return std::nullopt;
                                        // The built-in ones are in every catalog already.
                                        if (!catalog.isBuiltIn(action->name))
                                            catalog.add(*action);
                                    }
                                    return catalog;
                                });
}

Reply<Approval> MandateApi::approveNarrowed(const QString &approvalId, const QString &reason,
                                            const Money &narrowed, const QByteArray &idempotencyKey)
{
    ApprovalCodec::DecisionBody body{ApprovalVerdict::Approve, reason};
    body.narrowed = narrowed;
    return typed<Approval>(
        m_client.post(QStringLiteral("/v1/approvals/") + segment(approvalId) + QStringLiteral("/decisions"),
                      ApprovalCodec::decisionBodyToJson(body), idempotencyKey),
        &approvalFrom);
}

Reply<AgentAuthorityInfo> MandateApi::agentAuthority(const QString &agentId)
{
    return typed<AgentAuthorityInfo>(
        m_client.get(QStringLiteral("/v1/agents/") + segment(agentId) + QStringLiteral("/authority")),
        &authorityFrom);
}

Reply<SimulatedDecision> MandateApi::simulate(const AuthorizeRequest &request)
{
    return typed<SimulatedDecision>(
        m_client.post(QStringLiteral("/v1/authorize/simulate"), AuthorizeCodec::requestToJson(request)),
        [](const QJsonObject &body) { return SimulatedDecision::fromJson(body); });
}

Reply<Page<EnforcementPointInfo>> MandateApi::enforcementPoints()
{
    return typed<Page<EnforcementPointInfo>>(
        m_client.get(QStringLiteral("/v1/enforcement-points")),
        [](const QJsonObject &body) { return pageOf<EnforcementPointInfo>(body, &enforcementPointFrom); });
}

Reply<MandateApi::RegisteredEnforcementPoint> MandateApi::registerEnforcementPoint(const QString &name)
{
    return typed<RegisteredEnforcementPoint>(
        m_client.post(QStringLiteral("/v1/enforcement-points"), {{QStringLiteral("name"), name}}),
        &registeredPointFrom);
}

Reply<EnforcementPointInfo> MandateApi::revokeEnforcementPoint(const QString &id)
{
    return typed<EnforcementPointInfo>(
        m_client.post(QStringLiteral("/v1/enforcement-points/") + segment(id) + QStringLiteral("/revoke"),
                      {}),
        &enforcementPointFrom);
}

std::optional<Approval> MandateApi::currentApprovalOf(const ApiError &conflict)
{
    if (conflict.kind != ApiError::Kind::Conflict)
        return std::nullopt;
    return approvalFrom(
        QJsonDocument::fromJson(conflict.body).object().value(QStringLiteral("approval")).toObject());
}

Reply<Page<SignalReceiverInfo>> MandateApi::signalReceivers(const QString &cursor)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QString::number(PageSize));
    addIfSet(query, QStringLiteral("cursor"), cursor);
    return typed<Page<SignalReceiverInfo>>(
        m_client.get(QStringLiteral("/v1/ssf/receivers"), query), [](const QJsonObject &body) {
            return pageOf<SignalReceiverInfo>(
                body, [](const QJsonObject &json) -> std::optional<SignalReceiverInfo> {
                    SignalReceiverInfo receiver = ConsoleCodec::signalReceiverFromJson(json);
                    return receiver.id.isEmpty() ? std::nullopt : std::optional(receiver);
                });
        });
}

Reply<SignalStreamInfo> MandateApi::setSignalStreamStatus(const QString &streamId, bool enabled,
                                                          const QString &reason)
{
    QJsonObject body{
        {QStringLiteral("status"), enabled ? QStringLiteral("enabled") : QStringLiteral("paused")}};
    if (!reason.isEmpty())
        body.insert(QStringLiteral("reason"), reason);
    return typed<SignalStreamInfo>(
        m_client.post(QStringLiteral("/v1/ssf/streams/") + segment(streamId) + QStringLiteral("/status"),
                      body),
        [](const QJsonObject &json) -> std::optional<SignalStreamInfo> {
            SignalStreamInfo stream = ConsoleCodec::signalStreamFromJson(json);
            return stream.id.isEmpty() ? std::nullopt : std::optional(stream);
        });
}

Reply<MandateApi::Done> MandateApi::sendVerificationEvent(const QString &streamId)
{
    return typed<Done>(m_client.post(QStringLiteral("/v1/ssf/streams/") + segment(streamId) +
                                         QStringLiteral("/verification"),
                                     {}),
                       &done);
}

} // namespace mandate::client
