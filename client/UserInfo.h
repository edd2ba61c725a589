#pragma once

#include <QString>
#include <QStringList>

namespace mandate::client {

// The signed-in person as the server describes them (GET /v1/me).
struct UserInfo
{
    QString id;
    QString username;
    QString displayName;
    QStringList roles;

    bool hasRole(const QString &role) const { return roles.contains(role); }
    bool isCustomer() const { return hasRole(QStringLiteral("customer")); }
    bool isApprover() const { return hasRole(QStringLiteral("approver")); }
    // Support and admin see every customer's delegations and may revoke and suspend.
    bool isStaff() const { return hasRole(QStringLiteral("support")) || hasRole(QStringLiteral("admin")); }
    // Only admins manage enforcement points (API.md, "Mandate as an AuthZEN 1.0 PDP").
    bool isAdmin() const { return hasRole(QStringLiteral("admin")); }
    bool isValid() const { return !id.isEmpty(); }
};

} // namespace mandate::client
