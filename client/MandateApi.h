#pragma once

#include "client/AgentAuthorityInfo.h"
#include "client/AgentInfo.h"
#include "client/ApiReply.h"
#include "client/DemoDirectory.h"
#include "client/EnforcementPointInfo.h"
#include "client/OrgPolicyInfo.h"
#include "client/Page.h"
#include "client/SignalReceiverInfo.h"
#include "client/UserInfo.h"
#include "core/ActionCatalog.h"
#include "core/Approval.h"
#include "core/AuditEvent.h"
#include "core/Delegation.h"
#include "core/LogError.h"
#include "core/SimulatedDecision.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace mandate::client {

class ApiClient;
class DownloadJob;

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
    QString text; // names, usernames or ids (the server's q)

    friend bool operator==(const AuditFilter &, const AuditFilter &) = default;
};

// The REST contract of API.md as calls: paths and bodies are built, and answers read (with core's
// codecs), here and nowhere else in the console, so pages and models speak in domain terms only.
class MandateApi
{
public:
    static constexpr int PageSize = 100;

    explicit MandateApi(ApiClient &client)
        : m_client(client)
    {}

    ApiClient &client() { return m_client; }

    // POST /v1/sessions: the session token and who it belongs to.
    struct SignedIn
    {
        QString token;
        UserInfo user;
    };
    // GET /v1/sign-in/throttles: who cannot sign in now, from where, until when (admins).
    struct SignInThrottle
    {
        QString username; // empty: the address, for every username
        QString userId;   // empty when no such user exists
        QString address;
        int failures = 0;
        QDateTime until;
    };
    struct AuditVerification
    {
        bool ok = false;
        qint64 events = 0;
        qint64 firstBadSeq = 0; // 0 when the chain is intact
    };
    // POST /v1/enforcement-points: the point and its bearer token, which the server never shows
    // again. Whoever receives it shows it once and forgets it.
    struct RegisteredEnforcementPoint
    {
        EnforcementPointInfo point;
        QString token;
    };
    // An answer the console only needs to know arrived (204, or a body nobody reads).
    struct Done
    {};
    // GET /v1/audit/checkpoint as the server offers it. Only the signed note counts: a witness opens
    // it with the key it pinned, never with the key the server names here.
    struct LogCheckpoint
    {
        qint64 treeSize = 0;
        QByteArray note;     // the C2SP signed note
        QString verifierKey; // "<name>+<key id>+<key>", as the server names its key
    };
    // GET /v1/audit/proofs/inclusion; hashes raw (32 bytes each).
    struct InclusionProof
    {
        qint64 leafIndex = 0;
        qint64 treeSize = 0;
        QByteArray leafHash;
        QList<QByteArray> auditPath;
    };
    // A decision's or a grant's receipt. While its event is not yet in a signed checkpoint the
    // server answers 202 and the receipt is pending, which is no failure.
    struct ReceiptDocument
    {
        bool pending = false;
        QByteArray json; // the receipt as the server sent it, indented, to be saved as it is
        QString eventType;
        qint64 seq = 0;
        qint64 treeSize = 0;
        QString verifierKey;
        QByteArray checkpoint; // the signed note the inclusion proof leads to
        // The receipt checked offline against the key it names: intact and included (whose log it
        // is, only a pinned key can say).
        LogError verification = LogError::None;
    };

    Reply<SignedIn> signIn(const QString &username, const QString &password);
    Reply<Done> signOut();
    Reply<UserInfo> me();
    // Admins: forgets a person's failed sign-ins from every address.
    Reply<UserInfo> unlockSignIn(const QString &userId);
    Reply<QList<SignInThrottle>> signInThrottles();
    // GET /v1/demo: who to sign in as, on a demo server.
    Reply<DemoDirectory> demoDirectory();

    Reply<Page<AgentInfo>> agents(const QString &cursor = {});
    // The number of delegations the kill switch revoked with the agent.
    Reply<int> suspendAgent(const QString &agentId, const QString &reason);
    Reply<AgentInfo> reinstateAgent(const QString &agentId, const QString &reason);

    Reply<Page<Delegation>> delegations(const DelegationFilter &filter, const QString &cursor = {},
                                        int limit = PageSize);
    Reply<Delegation> delegation(const QString &id);
    Reply<Delegation> grant(const DelegationGrant &grant);
    Reply<Delegation> revoke(const QString &delegationId, const QString &reason);
    // The number of delegations revoked.
    Reply<int> revokeAll(const QString &customerId, const QString &reason);

    // The cursor of an audit page is the seq it ends at (after_seq on the wire).
    Reply<Page<AuditEvent>> audit(const AuditFilter &filter, const QString &cursor = {},
                                  int limit = PageSize);
    Reply<AuditVerification> verifyAudit();
    enum class ExportFormat
    {
        JsonLines,
        Csv
    };
    Reply<LogCheckpoint> auditCheckpoint();
    // RFC 9162 consistency proof between tree sizes 1 <= from <= to; raw hashes.
    Reply<QList<QByteArray>> consistencyProof(qint64 from, qint64 to);
    // The inclusion proof of event `seq` (leaf seq - 1) in the tree of `treeSize` events.
    Reply<InclusionProof> inclusionProof(qint64 seq, qint64 treeSize);
    // The consent receipt of a grant, and the receipt of one authorize decision (dec_…).
    Reply<ReceiptDocument> delegationReceipt(const QString &delegationId);
    Reply<ReceiptDocument> decisionReceipt(const QString &decisionId);
    // Streams GET /v1/audit/export for `filter` into `file`.
    DownloadJob *exportAudit(const AuditFilter &filter, ExportFormat format, const QString &file);

    Reply<Page<Approval>> approvals(std::optional<ApprovalStatus> status, std::optional<ApprovalKind> kind,
                                    const QString &cursor = {}, int limit = PageSize);
    Reply<Approval> approval(const QString &id);
    // The key is the caller's: a decision outbox resends the same one until the server answered.
    Reply<Approval> decide(const QString &approvalId, ApprovalVerdict verdict, const QString &reason,
                           const QByteArray &idempotencyKey);

    // The organisation's policy engine, and the action catalog grants and labels read.
    Reply<OrgPolicyInfo> orgPolicy();
    Reply<ActionCatalog> actions();
    // Approves letting at most `narrowed` through (less than the amount asked for).
    Reply<Approval> approveNarrowed(const QString &approvalId, const QString &reason, const Money &narrowed,
                                    const QByteArray &idempotencyKey);
    // GET /v1/agents/{id}/authority: what the agent can still do now, and how that grew.
    Reply<AgentAuthorityInfo> agentAuthority(const QString &agentId);
    // POST /v1/authorize/simulate: what the delegation's agent would be told now; changes nothing.
    Reply<SimulatedDecision> simulate(const AuthorizeRequest &request);

    // Admin only: the gateways and MCP servers that ask the AuthZEN endpoints, newest first (one
    // page: the server lists them all).
    Reply<Page<EnforcementPointInfo>> enforcementPoints();
    Reply<RegisteredEnforcementPoint> registerEnforcementPoint(const QString &name);
    // Its token answers 401 from the next request on; revoking twice is harmless.
    Reply<EnforcementPointInfo> revokeEnforcementPoint(const QString &id);
    // Shared Signals (admins): receivers with their streams and delivery state; pausing or resuming
    // a stream (the receiver hears so); a verification event on a stream.
    Reply<Page<SignalReceiverInfo>> signalReceivers(const QString &cursor = {});
    Reply<SignalStreamInfo> setSignalStreamStatus(const QString &streamId, bool enabled,
                                                  const QString &reason);
    Reply<Done> sendVerificationEvent(const QString &streamId);

    // The approval a 409 carries as it stands now (who resolved it and how).
    static std::optional<Approval> currentApprovalOf(const ApiError &conflict);

private:
    ApiClient &m_client;
};

} // namespace mandate::client
