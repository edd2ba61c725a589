#pragma once

#include "core/AuthorizeRequest.h"
#include "core/Money.h"
#include "core/ReasonCode.h"
#include "core/Sensitivity.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace mandate {

enum class ApprovalKind
{
    StepUp,
    DualControl
};
enum class ApprovalStatus
{
    Pending,
    Approved,
    Denied,
    Expired,
    Cancelled // its delegation stopped being active while it waited
};
enum class ApprovalVerdict
{
    Approve,
    Deny
};

QString approvalKindToString(ApprovalKind kind);
std::optional<ApprovalKind> approvalKindFromString(QStringView text);
QString approvalStatusToString(ApprovalStatus status);
std::optional<ApprovalStatus> approvalStatusFromString(QStringView text);
QString approvalVerdictToString(ApprovalVerdict verdict);
std::optional<ApprovalVerdict> approvalVerdictFromString(QStringView text);

struct ApprovalRequestDetails
{
    QString action;
    QString resource;
    std::optional<Money> amount;
    std::optional<QString> destination;
    std::optional<Sensitivity> sensitivity;

    // Everything about a request that can make it riskier: an approval given for one set of these
    // lets exactly that through, and a pending approval is reused only for the same set.
    static ApprovalRequestDetails of(const AuthorizeRequest &request)
    {
        return {request.action, request.resource, request.amount, request.destination, request.sensitivity};
    }

    friend bool operator==(const ApprovalRequestDetails &, const ApprovalRequestDetails &) = default;
};

struct PartyRef
{
    QString id;
    QString name;
    QString spiffeId; // agents only

    friend bool operator==(const PartyRef &, const PartyRef &) = default;
};

struct ApprovalDecisionRecord
{
    PartyRef user;
    ApprovalVerdict verdict = ApprovalVerdict::Approve;
    QString reason;
    QDateTime at;
    std::optional<Money> narrowed = std::nullopt; // an approve that lets through at most this amount

    friend bool operator==(const ApprovalDecisionRecord &, const ApprovalDecisionRecord &) = default;
};

// A step-up or dual-control request waiting for (or resolved by) people.
struct Approval
{
    QString id;
    ApprovalKind kind = ApprovalKind::StepUp;
    ApprovalStatus status = ApprovalStatus::Pending;
    QString delegationId;
    QString purpose; // the delegation's, so whoever decides sees what it is for
    PartyRef agent;
    PartyRef customer;
    ApprovalRequestDetails request;
    ReasonCode reason = ReasonCode::StepUpThreshold;
    QString summary;
    int requiredApprovals = 1;
    QList<ApprovalDecisionRecord> decisions;
    QDateTime createdAt;
    QDateTime expiresAt;
    std::optional<QDateTime> resolvedAt;
    bool consumed = false;

    // The most the approval lets through when an approver narrowed it: the lowest narrowed amount
    // among its approvals; nothing when no one narrowed it (then the request must match exactly).
    std::optional<Money> narrowedAmount() const;

    friend bool operator==(const Approval &, const Approval &) = default;
};

} // namespace mandate
