#include "core/Delegation.h"

#include <array>

namespace mandate {

namespace {

constexpr std::array kStatuses{DelegationStatus::Active, DelegationStatus::Revoked, DelegationStatus::Expired,
                               DelegationStatus::Completed};

constexpr QStringView wireName(DelegationStatus status)
{
    switch (status) {
    case DelegationStatus::Active:
        return u"active";
    case DelegationStatus::Revoked:
        return u"revoked";
    case DelegationStatus::Expired:
        return u"expired";
    case DelegationStatus::Completed:
        return u"completed";
    }
    Q_UNREACHABLE();
    return {};
}

} // namespace

std::optional<DelegationStatus> delegationStatusFromString(QStringView text)
{
    for (const DelegationStatus status : kStatuses) {
        if (wireName(status) == text)
            return status;
    }
    return std::nullopt;
}

QString delegationStatusToString(DelegationStatus status)
{
    return wireName(status).toString();
}

std::optional<QDateTime> Delegation::idleDeadline() const
{
    if (!revokeOn.idleSeconds)
        return std::nullopt;
    return usage.lastUsedAt.value_or(createdAt).addSecs(*revokeOn.idleSeconds);
}

bool Delegation::isLiveAt(const QDateTime &now) const
{
    const std::optional<QDateTime> idle = idleDeadline();
    return status == DelegationStatus::Active && expiresAt > now && (!idle || *idle > now);
}

} // namespace mandate
