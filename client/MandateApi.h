#pragma once

#include "client/ApiClient.h"
#include "client/DownloadJob.h"
#include "core/Approval.h"
#include "core/Delegation.h"

#include <QString>

#include <optional>

namespace mandate::client {

// Filters of GET /v1/delegations.
struct DelegationFilter
{
    QString text; // q: purpose, agent, SPIFFE ID, customer, id
    std::optional<DelegationStatus> status;
    QString agentId;
    QString customerId;
    // created_at, expires_at or purpose; a leading '-' sorts descending. Newest first by default.
    QString sort = QStringLiteral("-created_at");

    friend bool operator==(const DelegationFilter &, const DelegationFilter &) = default;
};

// Filters of GET /v1/audit.
struct AuditFilter
{
    QString delegationId;
    QString agentId;
    QString customerId;
    QString type;

    friend bool operator==(const AuditFilter &, const AuditFilter &) = default;
};

// The REST contract of API.md as calls: paths and bodies are built here and nowhere else in the
// console, so pages and models speak in domain terms.
class MandateApi
{
public:
    static constexpr int PageSize = 100;

    explicit MandateApi(ApiClient &client)
        : m_client(client)
    {}

    ApiClient &client() { return m_client; }

    ApiJob *signIn(const QString &username, const QString &password);
    ApiJob *signOut();
    ApiJob *me();
    // GET /v1/demo: who to sign in as, on a demo server (DemoDirectory::fromJson reads it).
    ApiJob *demoDirectory();

    ApiJob *agents(const QString &cursor = {});
    ApiJob *suspendAgent(const QString &agentId, const QString &reason);

    ApiJob *delegations(const DelegationFilter &filter, const QString &cursor = {}, int limit = PageSize);
    ApiJob *delegation(const QString &id);
    ApiJob *grant(const DelegationGrant &grant);
    ApiJob *revoke(const QString &delegationId, const QString &reason);
    ApiJob *revokeAll(const QString &customerId, const QString &reason);

    ApiJob *audit(const AuditFilter &filter, qint64 afterSeq = 0, int limit = PageSize);
    ApiJob *verifyAudit();
    enum class ExportFormat
    {
        JsonLines,
        Csv
    };
    // Streams GET /v1/audit/export for `filter` into `file`.
    DownloadJob *exportAudit(const AuditFilter &filter, ExportFormat format, const QString &file);

    ApiJob *approvals(std::optional<ApprovalStatus> status, std::optional<ApprovalKind> kind,
                      const QString &cursor = {}, int limit = PageSize);
    ApiJob *approval(const QString &id);
    // The key is the caller's: a decision outbox resends the same one until the server answered.
    ApiJob *decide(const QString &approvalId, ApprovalVerdict verdict, const QString &reason,
                   const QByteArray &idempotencyKey);

    // Readers of the answers the console acts on, so pages never read wire fields themselves.
    struct PageInfo
    {
        int items = 0;
        QString nextCursor; // empty on the last page
    };
    static PageInfo pageInfo(const QJsonObject &listAnswer);
    // POST /v1/customers/{id}/revoke-all → "revoked"; POST /v1/agents/{id}/suspend → "revoked_delegations".
    static int revokedCount(const QJsonObject &revokeAnswer);
    struct AuditVerification
    {
        bool ok = false;
        qint64 events = 0;
        qint64 firstBadSeq = 0; // 0 when the chain is intact
    };
    static AuditVerification auditVerification(const QJsonObject &verifyAnswer);
    // An approval answer (GET, POST …/decisions, approval.* events); nullopt when malformed.
    static std::optional<Approval> approvalFrom(const QJsonObject &answer);
    // The approval a 409 carries as it stands now (who resolved it and how).
    static std::optional<Approval> currentApprovalOf(const ApiError &conflict);

private:
    ApiClient &m_client;
};

} // namespace mandate::client
