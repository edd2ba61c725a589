#pragma once

#include "tests/support/TestClient.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

#include <memory>

namespace mandate::test {

// Small builders over the seeded demo organisation, shared by the server integration tests.
class DemoFixtures
{
public:
    static QString agentId(TestClient &client, const QString &name)
    {
        const auto reply = client.get(QStringLiteral("/v1/agents?limit=500"));
        for (const QJsonValue &agent : reply.json().value(QStringLiteral("items")).toArray()) {
            if (agent.toObject().value(QStringLiteral("name")).toString() == name)
                return agent.toObject().value(QStringLiteral("id")).toString();
        }
        return QString();
    }

    static QString userId(TestClient &client)
    {
        return client.get(QStringLiteral("/v1/me")).json().value(QStringLiteral("id")).toString();
    }

    // A client signed in as one of the demo people; nullptr when sign-in fails.
    static std::unique_ptr<TestClient> person(const QString &baseUrl, const QString &username)
    {
        auto client = std::make_unique<TestClient>(baseUrl);
        return client->signIn(username) ? std::move(client) : nullptr;
    }

    // A client that speaks as the agent: signs in as ada, mints the agent a JWT-SVID, and uses it.
    static std::unique_ptr<TestClient> agentClient(const QString &baseUrl, const QString &agentName)
    {
        TestClient ada(baseUrl);
        if (!ada.signIn(QStringLiteral("ada")))
            return nullptr;
        const QString id = agentId(ada, agentName);
        const auto svid = ada.post(QStringLiteral("/v1/agents/") + id + QStringLiteral("/svid"), {});
        if (svid.status != 201)
            return nullptr;
        auto agent = std::make_unique<TestClient>(baseUrl);
        agent->setToken(svid.json().value(QStringLiteral("token")).toString());
        return agent;
    }

    // Grants `grant` as `customer`; the new delegation's id, or empty when it was refused.
    static QString granted(TestClient &customer, const QJsonObject &grant)
    {
        return customer.post(QStringLiteral("/v1/delegations"), grant)
            .json()
            .value(QStringLiteral("id"))
            .toString();
    }

    // What a delegation has used so far, as `reader` sees it.
    static QJsonObject usage(TestClient &reader, const QString &delegationId)
    {
        return reader.get(QStringLiteral("/v1/delegations/") + delegationId)
            .json()
            .value(QStringLiteral("usage"))
            .toObject();
    }

    static QJsonObject authorizeRequest(const QString &delegationId, qint64 amountMinor,
                                        const QString &destination = QStringLiteral("payee:landlord"))
    {
        return {{QStringLiteral("delegation_id"), delegationId},
                {QStringLiteral("action"), QStringLiteral("payments.initiate")},
                {QStringLiteral("resource"), QStringLiteral("account:acc_1")},
                {QStringLiteral("amount"), money(amountMinor)},
                {QStringLiteral("destination"), destination}};
    }

    // A fresh approval request: CUSTOMER grants the Bill payer a payments delegation whose
    // POLICY ("step_up" or "dual_control" object) the AMOUNT crosses, and the agent asks for it.
    // Returns the approval id, empty on any failure.
    static QString approvalRequest(TestClient &customer, TestClient &payerAgent, const QString &policyName,
                                   const QJsonObject &policy, qint64 amountMinor)
    {
        QJsonObject grant = paymentGrant(agentId(customer, QStringLiteral("Bill payer")));
        grant.insert(policyName, policy);
        const auto granted = customer.post(QStringLiteral("/v1/delegations"), grant);
        const QString delegationId = granted.json().value(QStringLiteral("id")).toString();
        if (delegationId.isEmpty())
            return QString();
        const auto asked =
            payerAgent.post(QStringLiteral("/v1/authorize"), authorizeRequest(delegationId, amountMinor));
        return asked.json().value(QStringLiteral("approval_id")).toString();
    }

    // Dual control above EUR 400.00, asked for EUR 450.00.
    static QString dualControlRequest(TestClient &customer, TestClient &payerAgent)
    {
        return approvalRequest(customer, payerAgent, QStringLiteral("dual_control"),
                               {{QStringLiteral("above"), money(40000)}}, 45000);
    }

    // Step-up above EUR 200.00 confirmed by the customer, asked for EUR 250.00.
    static QString stepUpRequest(TestClient &customer, TestClient &payerAgent)
    {
        return approvalRequest(customer, payerAgent, QStringLiteral("step_up"),
                               {{QStringLiteral("above"), money(20000)},
                                {QStringLiteral("approver"), QStringLiteral("customer")}},
                               25000);
    }

    // How many decisions the server has recorded on an approval, as `reader` sees it.
    static int decisionCount(TestClient &reader, const QString &approvalId)
    {
        return static_cast<int>(reader.get(QStringLiteral("/v1/approvals/") + approvalId)
                                    .json()
                                    .value(QStringLiteral("decisions"))
                                    .toArray()
                                    .size());
    }

    static QJsonObject money(qint64 minor, const QString &currency = QStringLiteral("EUR"))
    {
        return {{QStringLiteral("amount_minor"), minor}, {QStringLiteral("currency"), currency}};
    }

    // The part of a grant that asks for step-up above `minor` EUR, decided by `approver`
    // ("approver" or "customer"; empty: the delegation's default).
    static QJsonObject stepUpAbove(qint64 minor, const QString &approver = {})
    {
        QJsonObject stepUp{{QStringLiteral("above"), money(minor)}};
        if (!approver.isEmpty())
            stepUp.insert(QStringLiteral("approver"), approver);
        return {{QStringLiteral("step_up"), stepUp}};
    }

    // A valid payments grant, expiring in `days` days.
    static QJsonObject paymentGrant(const QString &agentId,
                                    const QString &purpose = QStringLiteral("Pay the rent"), int days = 7)
    {
        return {
            {QStringLiteral("agent_id"), agentId},
            {QStringLiteral("purpose"), purpose},
            {QStringLiteral("expires_at"),
             QDateTime::currentDateTimeUtc().addDays(days).toString(Qt::ISODateWithMs)},
            {QStringLiteral("scopes"),
             QJsonArray{QJsonObject{
                 {QStringLiteral("action"), QStringLiteral("payments.initiate")},
                 {QStringLiteral("resource"), QStringLiteral("account:acc_1")},
                 {QStringLiteral("max_per_action"), money(50000)},
                 {QStringLiteral("max_total"), money(120000)},
                 {QStringLiteral("destinations"), QJsonArray{QStringLiteral("payee:landlord")}},
             }}},
            {QStringLiteral("revoke_on"),
             QJsonObject{{QStringLiteral("task_complete"), true}, {QStringLiteral("context_change"), false}}},
        };
    }

    // A payments grant whose cap admits exactly `uses` payments of EUR 10.00; `extra` overrides fields.
    static QJsonObject cappedPaymentGrant(const QString &agentId, int uses, const QJsonObject &extra = {})
    {
        QJsonObject body = paymentGrant(agentId);
        QJsonArray scopes = body.value(QStringLiteral("scopes")).toArray();
        QJsonObject scope = scopes[0].toObject();
        scope.insert(QStringLiteral("max_per_action"), money(1000));
        scope.insert(QStringLiteral("max_total"), money(1000LL * uses));
        scopes[0] = scope;
        body.insert(QStringLiteral("scopes"), scopes);
        for (auto it = extra.begin(); it != extra.end(); ++it)
            body.insert(it.key(), it.value());
        return body;
    }
};

} // namespace mandate::test
