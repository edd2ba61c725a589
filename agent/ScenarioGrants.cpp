#include "agent/ScenarioGrants.h"

namespace mandate::agent {

namespace {

// Long enough for a person to look at the pending approvals, short enough that the demo loop's
// grants lapse by themselves.
constexpr qint64 GrantSeconds = 30 * 60;

ResourcePattern pattern(const QString &text)
{
    return *ResourcePattern::parse(text);
}

Scope payments(const QString &account, qint64 perAction, qint64 total, const QStringList &payees)
{
    Scope scope;
    scope.action = QStringLiteral("payments.initiate");
    scope.resource = pattern(account);
    scope.maxPerAction = ScenarioGrants::eur(perAction);
    scope.maxTotal = ScenarioGrants::eur(total);
    QList<ResourcePattern> destinations;
    for (const QString &payee : payees)
        destinations.append(pattern(payee));
    scope.destinations = destinations;
    return scope;
}

Scope data(const QString &action, Sensitivity ceiling)
{
    Scope scope;
    scope.action = action;
    scope.resource = pattern(QStringLiteral("dataset:crm/*"));
    scope.maxSensitivity = ceiling;
    return scope;
}

RevokeOn revokeOnChange()
{
    RevokeOn revokeOn;
    revokeOn.taskComplete = true;
    revokeOn.contextChange = true;
    return revokeOn;
}

} // namespace

Money ScenarioGrants::eur(qint64 minor)
{
    return *Money::of(minor, QStringLiteral("EUR"));
}

DelegationGrant ScenarioGrants::trip(const QString &agentId, const QDateTime &now)
{
    DelegationGrant grant;
    grant.agentId = agentId;
    grant.purpose = QStringLiteral("Book flights and trains for the Berlin trip");
    grant.expiresAt = now.addSecs(GrantSeconds);
    grant.scopes = {payments(QStringLiteral("account:acc_alice_main"), 150000, 300000,
                             {QStringLiteral("payee:lufthansa"), QStringLiteral("payee:db-bahn")})};
    grant.stepUp = StepUpPolicy{eur(20000), std::nullopt, StepUpApprover::Customer};
    grant.revokeOn = revokeOnChange();
    return grant;
}

DelegationGrant ScenarioGrants::helperSeats(const QString &helperSpiffeId, const QDateTime &parentExpiry)
{
    DelegationGrant grant;
    grant.agentSpiffeId = helperSpiffeId;
    grant.purpose = QStringLiteral("Reserve rail seats for the Berlin trip");
    // Attenuation: never outlive, outspend or out-threshold the trip it comes from.
    grant.expiresAt = parentExpiry.addSecs(-60);
    grant.scopes = {
        payments(QStringLiteral("account:acc_alice_main"), 20000, 40000, {QStringLiteral("payee:db-bahn")})};
    grant.stepUp = StepUpPolicy{eur(20000), std::nullopt, StepUpApprover::Customer};
    grant.revokeOn = revokeOnChange();
    return grant;
}

DelegationGrant ScenarioGrants::bills(const QString &agentId, const QDateTime &now)
{
    DelegationGrant grant;
    grant.agentId = agentId;
    grant.purpose = QStringLiteral("Pay the December utility and phone bills");
    grant.expiresAt = now.addSecs(GrantSeconds);
    grant.scopes = {payments(QStringLiteral("account:acc_alice_main"), 50000, 200000,
                             {QStringLiteral("payee:stadtwerke"), QStringLiteral("payee:telekom")})};
    grant.revokeOn = revokeOnChange();
    return grant;
}

DelegationGrant ScenarioGrants::crmExport(const QString &agentId, const QDateTime &now)
{
    DelegationGrant grant;
    grant.agentId = agentId;
    grant.purpose = QStringLiteral("Quarterly CRM export for the board report");
    grant.expiresAt = now.addSecs(GrantSeconds);
    grant.scopes = {data(QStringLiteral("data.read"), Sensitivity::Confidential),
                    data(QStringLiteral("data.export"), Sensitivity::Confidential)};
    grant.dualControl = DualControlPolicy{std::nullopt, {QStringLiteral("data.export")}};
    grant.revokeOn.taskComplete = true;
    return grant;
}

AuthorizeRequest ScenarioGrants::payment(const QString &delegationId, const QString &account, qint64 minor,
                                         const QString &payee, const QString &agentVersion)
{
    AuthorizeRequest request;
    request.delegationId = delegationId;
    request.action = QStringLiteral("payments.initiate");
    request.resource = account;
    request.amount = eur(minor);
    request.destination = payee;
    request.context = {{QStringLiteral("agent_version"), agentVersion}};
    return request;
}

AuthorizeRequest ScenarioGrants::dataAccess(const QString &delegationId, const QString &action,
                                            const QString &dataset, Sensitivity sensitivity)
{
    AuthorizeRequest request;
    request.delegationId = delegationId;
    request.action = action;
    request.resource = dataset;
    request.sensitivity = sensitivity;
    return request;
}

} // namespace mandate::agent
