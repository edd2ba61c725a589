#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace mandate::server {

// Who is calling: a signed-in person (with roles), an agent (a SPIFFE workload identity), or an
// enforcement point (a gateway or MCP server that asks the AuthZEN endpoints about agents).
struct Principal
{
    enum class Kind
    {
        Anonymous,
        User,
        Agent,
        EnforcementPoint,
        Receiver // a Shared Signals receiver, with the token an admin registered it with
    };

    Kind kind = Kind::Anonymous;
    QString id;
    QString name;
    QStringList roles;
    QString spiffeId;
    QByteArray sessionHash; // the session that authenticated a user, for sign-out
    QDateTime sessionExpiresAt;
    // Agents: a JIT credential is good for one delegation only; empty for a JWT-SVID.
    QString boundDelegationId;

    static Principal user(QString id, QString name, QStringList roles)
    {
        Principal principal;
        principal.kind = Kind::User;
        principal.id = std::move(id);
        principal.name = std::move(name);
        principal.roles = std::move(roles);
        return principal;
    }

    bool isUser() const { return kind == Kind::User; }
    bool isAgent() const { return kind == Kind::Agent; }
    bool isEnforcementPoint() const { return kind == Kind::EnforcementPoint; }
    bool isReceiver() const { return kind == Kind::Receiver; }
    bool hasRole(QStringView role) const { return roles.contains(role); }
    // May this agent principal act on the delegation? (a JIT credential names the one it may)
    bool mayUseDelegation(const QString &delegationId) const
    {
        return isAgent() && (boundDelegationId.isEmpty() || boundDelegationId == delegationId);
    }
    bool isStaff() const { return hasRole(u"support") || hasRole(u"admin"); }
    // The key idempotency records are kept under.
    QString idempotencyScope() const
    {
        if (isEnforcementPoint())
            return QStringLiteral("ep:") + id;
        if (isReceiver())
            return QStringLiteral("receiver:") + id;
        return (isAgent() ? QStringLiteral("agent:") : QStringLiteral("user:")) + id;
    }
};

} // namespace mandate::server
