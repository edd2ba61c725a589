#include "core/Approval.h"

#include <array>

namespace mandate {

namespace {

constexpr std::array kKinds{ApprovalKind::StepUp, ApprovalKind::DualControl};
constexpr std::array kStatuses{ApprovalStatus::Pending, ApprovalStatus::Approved, ApprovalStatus::Denied,
                               ApprovalStatus::Expired, ApprovalStatus::Cancelled};
constexpr std::array kVerdicts{ApprovalVerdict::Approve, ApprovalVerdict::Deny};

constexpr QStringView wireName(ApprovalKind kind)
{
    switch (kind) {
    case ApprovalKind::StepUp:
        return u"step_up";
    case ApprovalKind::DualControl:
        return u"dual_control";
    }
    Q_UNREACHABLE();
    return {};
}

constexpr QStringView wireName(ApprovalStatus status)
{
    switch (status) {
    case ApprovalStatus::Pending:
        return u"pending";
    case ApprovalStatus::Approved:
        return u"approved";
    case ApprovalStatus::Denied:
        return u"denied";
    case ApprovalStatus::Expired:
        return u"expired";
    case ApprovalStatus::Cancelled:
        return u"cancelled";
    }
    Q_UNREACHABLE();
    return {};
}

constexpr QStringView wireName(ApprovalVerdict verdict)
{
    switch (verdict) {
    case ApprovalVerdict::Approve:
        return u"approve";
    case ApprovalVerdict::Deny:
        return u"deny";
    }
    Q_UNREACHABLE();
    return {};
}

template <typename Enum, std::size_t N>
std::optional<Enum> fromWireName(const std::array<Enum, N> &values, QStringView text)
{
    for (const Enum value : values) {
        if (wireName(value) == text)
            return value;
    }
    return std::nullopt;
}

} // namespace

QString approvalKindToString(ApprovalKind kind)
{
    return wireName(kind).toString();
}

std::optional<ApprovalKind> approvalKindFromString(QStringView text)
{
    return fromWireName(kKinds, text);
}

QString approvalStatusToString(ApprovalStatus status)
{
    return wireName(status).toString();
}

std::optional<ApprovalStatus> approvalStatusFromString(QStringView text)
{
    return fromWireName(kStatuses, text);
}

QString approvalVerdictToString(ApprovalVerdict verdict)
{
    return wireName(verdict).toString();
}

std::optional<ApprovalVerdict> approvalVerdictFromString(QStringView text)
{
    return fromWireName(kVerdicts, text);
}

std::optional<Money> Approval::narrowedAmount() const
{
    std::optional<Money> lowest;
    for (const ApprovalDecisionRecord &record : decisions) {
        if (record.verdict == ApprovalVerdict::Approve && record.narrowed &&
            (!lowest || record.narrowed->amountMinor() < lowest->amountMinor()))
            lowest = record.narrowed;
    }
    return lowest;
}

} // namespace mandate
