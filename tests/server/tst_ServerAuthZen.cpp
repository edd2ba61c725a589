#include "tests/support/DemoFixtures.h"
#include "tests/support/TestClient.h"
#include "tests/support/TestServer.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

using mandate::test::DemoFixtures;
using mandate::test::TestClient;
using mandate::test::TestServer;

// Mandate as an OpenID AuthZEN 1.0 PDP, over a real server: the certification scenario's
// structural tests that apply to a PDP whose policy is Mandate's own, and the Mandate semantics
// (one decision path with /v1/authorize, access requests, batches, searches, enforcement points).
class TstServerAuthZen : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    std::unique_ptr<TestClient> m_alice;
    std::unique_ptr<TestClient> m_ada;
    std::unique_ptr<TestClient> m_payer;
    std::unique_ptr<TestClient> m_gatewayClient;
    QString m_payerSpiffe;
    QString m_delegation;

    TestClient &gateway() { return *m_gatewayClient; }

    QJsonObject subject() const
    {
        return {{QStringLiteral("type"), QStringLiteral("agent")}, {QStringLiteral("id"), m_payerSpiffe}};
    }
    static QJsonObject action(const QString &name = QStringLiteral("payments.initiate"))
    {
        return {{QStringLiteral("name"), name}};
    }
    static QJsonObject resource(const QString &id = QStringLiteral("acc_1"))
    {
        return {{QStringLiteral("type"), QStringLiteral("account")}, {QStringLiteral("id"), id}};
    }
    QJsonObject payment(qint64 minor, const QString &delegation = {}) const
    {
        return {{QStringLiteral("delegation_id"), delegation.isEmpty() ? m_delegation : delegation},
                {QStringLiteral("amount"), DemoFixtures::money(minor)},
                {QStringLiteral("destination"), QStringLiteral("payee:landlord")}};
    }
    QJsonObject evaluation(const QJsonObject &context) const
    {
        return {{QStringLiteral("subject"), subject()},
                {QStringLiteral("action"), action()},
                {QStringLiteral("resource"), resource()},
                {QStringLiteral("context"), context}};
    }
    TestClient::Reply evaluate(TestClient &client, const QJsonObject &body, const QByteArray &requestId = {})
    {
        QList<QPair<QByteArray, QByteArray>> headers{{"Content-Type", "application/json"}};
        if (!requestId.isEmpty())
            headers.append({"X-Request-ID", requestId});
        return client.send("POST", QStringLiteral("/access/v1/evaluation"),
                           QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
    }
    qint64 uses(const QString &delegation)
    {
        return m_alice->get(QStringLiteral("/v1/delegations/") + delegation)
            .json()
            .value(QStringLiteral("usage"))
            .toObject()
            .value(QStringLiteral("uses"))
            .toInteger();
    }
    QString grant(const QJsonObject &body)
    {
        return m_alice->post(QStringLiteral("/v1/delegations"), body)
            .json()
            .value(QStringLiteral("id"))
            .toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        m_alice = DemoFixtures::person(m_server.url(), QStringLiteral("alice"));
        m_ada = DemoFixtures::person(m_server.url(), QStringLiteral("ada"));
        m_payer = DemoFixtures::agentClient(m_server.url(), QStringLiteral("Bill payer"));
        QVERIFY(m_alice && m_ada && m_payer);
        const QString payerId = DemoFixtures::agentId(*m_alice, QStringLiteral("Bill payer"));
        m_payerSpiffe = m_ada->get(QStringLiteral("/v1/agents/") + payerId)
                            .json()
                            .value(QStringLiteral("spiffe_id"))
                            .toString();
        m_delegation = grant(DemoFixtures::paymentGrant(payerId));
        const auto point = m_ada->post(QStringLiteral("/v1/enforcement-points"),
                                       {{QStringLiteral("name"), QStringLiteral("API gateway")}});
        QCOMPARE(point.status, 201);
        m_gatewayClient = std::make_unique<TestClient>(m_server.url());
        m_gatewayClient->setToken(point.json().value(QStringLiteral("token")).toString());
    }

    void discoveryNamesEveryEndpointAbsolutely()
    {
        const QJsonObject metadata =
            TestClient(m_server.url()).get(QStringLiteral("/.well-known/authzen-configuration")).json();
        QCOMPARE(metadata.value(QStringLiteral("policy_decision_point")).toString(), m_server.url());
        QCOMPARE(metadata.value(QStringLiteral("access_evaluation_endpoint")).toString(),
                 m_server.url() + QStringLiteral("/access/v1/evaluation"));
        QCOMPARE(metadata.value(QStringLiteral("search_resource_endpoint")).toString(),
                 m_server.url() + QStringLiteral("/access/v1/search/resource"));
        QVERIFY(!metadata.contains(QStringLiteral("capabilities")));
    }

    // The certification scenario's error cases (c-2-4): each a 400 with AuthZEN's {"error"} body.
    void malformedRequestsAre400_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        const QByteArray json = "application/json";
        QTest::newRow("missing subject")
            << QByteArray(R"({"action":{"name":"read"},"resource":{"type":"r","id":"1"}})") << json;
        QTest::newRow("missing action")
            << QByteArray(R"({"subject":{"type":"u","id":"a"},"resource":{"type":"r","id":"1"}})") << json;
        QTest::newRow("missing resource")
            << QByteArray(R"({"subject":{"type":"u","id":"a"},"action":{"name":"read"}})") << json;
        QTest::newRow("subject without type")
            << QByteArray(
                   R"({"subject":{"id":"a"},"action":{"name":"read"},"resource":{"type":"r","id":"1"}})")
            << json;
        QTest::newRow("subject without id")
            << QByteArray(
                   R"({"subject":{"type":"u"},"action":{"name":"read"},"resource":{"type":"r","id":"1"}})")
            << json;
        QTest::newRow("action without name")
            << QByteArray(R"({"subject":{"type":"u","id":"a"},"action":{},"resource":{"type":"r","id":"1"}})")
            << json;
        QTest::newRow("resource without type")
            << QByteArray(
                   R"({"subject":{"type":"u","id":"a"},"action":{"name":"read"},"resource":{"id":"1"}})")
            << json;
        QTest::newRow("resource without id")
            << QByteArray(
                   R"({"subject":{"type":"u","id":"a"},"action":{"name":"read"},"resource":{"type":"r"}})")
            << json;
        QTest::newRow("subject a string")
            << QByteArray(R"({"subject":"alice","action":{"name":"read"},"resource":{"type":"r","id":"1"}})")
            << json;
        QTest::newRow("action.name a number")
            << QByteArray(
                   R"({"subject":{"type":"u","id":"a"},"action":{"name":123},"resource":{"type":"r","id":"1"}})")
            << json;
        QTest::newRow("malformed JSON") << QByteArray(R"({"subject":)") << json;
        QTest::newRow("empty body") << QByteArray() << json;
        QTest::newRow("text/plain")
            << QByteArray(
                   R"({"subject":{"type":"u","id":"a"},"action":{"name":"read"},"resource":{"type":"r","id":"1"}})")
            << QByteArray("text/plain");
        QTest::newRow("an array") << QByteArray("[]") << json;
    }
    void malformedRequestsAre400()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        const auto reply = gateway().send("POST", QStringLiteral("/access/v1/evaluation"), body,
                                          {{"Content-Type", contentType}, {"X-Request-ID", "bad-1"}});
        QCOMPARE(reply.status, 400);
        QVERIFY(!reply.json().value(QStringLiteral("error")).toString().isEmpty());
        QCOMPARE(reply.header("X-Request-ID"), QByteArray("bad-1"));
    }

    // c-2-2-3, c-2-2-8, c-2-2-9, c-2-5, c-2-6: optional context, extra properties and unknown
    // members are accepted; the request id is echoed; repeating gives the same decision.
    void wellFormedRequestsAreAnsweredTheSameEachTime()
    {
        QJsonObject body{
            {QStringLiteral("subject"),
             QJsonObject{{QStringLiteral("type"), QStringLiteral("user")},
                         {QStringLiteral("id"), QStringLiteral("alice")},
                         {QStringLiteral("properties"),
                          QJsonObject{{QStringLiteral("role"), QStringLiteral("manager")}}}}},
            {QStringLiteral("action"), QJsonObject{{QStringLiteral("name"), QStringLiteral("read")}}},
            {QStringLiteral("resource"), QJsonObject{{QStringLiteral("type"), QStringLiteral("record")},
                                                     {QStringLiteral("id"), QStringLiteral("record-1")}}},
            {QStringLiteral("context"), QJsonObject{{QStringLiteral("ip"), QStringLiteral("192.168.1.1")}}},
            {QStringLiteral("futureField"), QJsonObject{{QStringLiteral("nested"), true}}}};
        for (int i = 0; i < 3; ++i) {
            const auto reply = evaluate(gateway(), body, "same-" + QByteArray::number(i));
            QCOMPARE(reply.status, 200);
            QCOMPARE(reply.json().value(QStringLiteral("decision")).toBool(), false);
            QCOMPARE(reply.json()
                         .value(QStringLiteral("context"))
                         .toObject()
                         .value(QStringLiteral("reason"))
                         .toString(),
                     QStringLiteral("unknown_subject"));
            QCOMPARE(reply.header("X-Request-ID"), "same-" + QByteArray::number(i));
        }
        QVERIFY(evaluate(gateway(), body).header("X-Request-ID").isEmpty());
    }

    // The same decision as /v1/authorize: an allow reserves, and is audited naming the gateway.
    void anEvaluationIsTheAuthorizeDecision()
    {
        const qint64 before = uses(m_delegation);
        const auto reply = evaluate(gateway(), evaluation(payment(1000)));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(QStringLiteral("decision")).toBool(), true);
        const QJsonObject context = reply.json().value(QStringLiteral("context")).toObject();
        QCOMPARE(context.value(QStringLiteral("reason")).toString(), QStringLiteral("within_scope"));
        QCOMPARE(uses(m_delegation), before + 1);
        const QJsonArray trail =
            m_alice->get(QStringLiteral("/v1/audit?type=decision.made&delegation_id=") + m_delegation)
                .json()
                .value(QStringLiteral("items"))
                .toArray();
        const QJsonObject data = trail.last().toObject().value(QStringLiteral("data")).toObject();
        QCOMPARE(data.value(QStringLiteral("decision_id")), context.value(QStringLiteral("decision_id")));
        QCOMPARE(data.value(QStringLiteral("enforcement_point"))
                     .toObject()
                     .value(QStringLiteral("name"))
                     .toString(),
                 QStringLiteral("API gateway"));

        // Over the per-action limit: a deny, with the engine's reason.
        const auto over = evaluate(gateway(), evaluation(payment(60000)));
        QCOMPARE(over.json().value(QStringLiteral("decision")).toBool(), false);
        QCOMPARE(over.json()
                     .value(QStringLiteral("context"))
                     .toObject()
                     .value(QStringLiteral("reason"))
                     .toString(),
                 QStringLiteral("per_action_limit_exceeded"));
    }

    void aStepUpIsAnAccessRequestThatTheNextEvaluationConsumes()
    {
        QJsonObject body =
            DemoFixtures::paymentGrant(DemoFixtures::agentId(*m_alice, QStringLiteral("Bill payer")));
        body.insert(
            QStringLiteral("step_up"),
            DemoFixtures::stepUpAbove(20000, QStringLiteral("customer")).value(QStringLiteral("step_up")));
        const QString delegation = grant(body);
        const auto asked = evaluate(gateway(), evaluation(payment(25000, delegation)));
        QCOMPARE(asked.json().value(QStringLiteral("decision")).toBool(), false);
        const QJsonObject request = asked.json()
                                        .value(QStringLiteral("context"))
                                        .toObject()
                                        .value(QStringLiteral("access_request"))
                                        .toObject();
        QCOMPARE(request.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
        const QString approval = request.value(QStringLiteral("id")).toString();
        QVERIFY(request.value(QStringLiteral("status_url"))
                    .toString()
                    .endsWith(QStringLiteral("/v1/approvals/") + approval));
        QCOMPARE(m_alice
                     ->post(QStringLiteral("/v1/approvals/") + approval + QStringLiteral("/decisions"),
                            {{QStringLiteral("decision"), QStringLiteral("approve")}})
                     .status,
                 200);
        QJsonObject withApproval = payment(25000, delegation);
        withApproval.insert(QStringLiteral("approval_id"), approval);
        QCOMPARE(
            evaluate(gateway(), evaluation(withApproval)).json().value(QStringLiteral("decision")).toBool(),
            true);
        // Consumed: the same approval does not let a second payment through.
        QCOMPARE(
            evaluate(gateway(), evaluation(withApproval)).json().value(QStringLiteral("decision")).toBool(),
            false);
    }

    void batchesMergeDefaultsAndStopAsTheirSemanticSays()
    {
        const QJsonArray items{QJsonObject{{QStringLiteral("resource"), resource(QStringLiteral("acc_1"))}},
                               QJsonObject{{QStringLiteral("resource"), resource(QStringLiteral("acc_9"))}},
                               QJsonObject{{QStringLiteral("resource"), resource(QStringLiteral("acc_1"))},
                                           {QStringLiteral("action"), action(QStringLiteral("crm.export"))}}};
        const QJsonObject context = payment(100);
        const auto batch = [&](const QString &semantic) {
            QJsonObject body{{QStringLiteral("subject"), subject()},
                             {QStringLiteral("action"), action()},
                             {QStringLiteral("context"), context},
                             {QStringLiteral("evaluations"), items}};
            if (!semantic.isEmpty())
                body.insert(QStringLiteral("options"),
                            QJsonObject{{QStringLiteral("evaluations_semantic"), semantic}});
            const auto reply =
                gateway().send("POST", QStringLiteral("/access/v1/evaluations"), QJsonDocument(body).toJson(),
                               {{"Content-Type", "application/json"}});
            QList<bool> decisions;
            for (const QJsonValue &one : reply.json().value(QStringLiteral("evaluations")).toArray())
                decisions.append(one.toObject().value(QStringLiteral("decision")).toBool());
            return decisions;
        };
        QCOMPARE(batch(QString()), (QList<bool>{true, false, false}));
        QCOMPARE(batch(QStringLiteral("execute_all")), (QList<bool>{true, false, false}));
        QCOMPARE(batch(QStringLiteral("deny_on_first_deny")), (QList<bool>{true, false}));
        QCOMPARE(batch(QStringLiteral("permit_on_first_permit")), (QList<bool>{true}));
        // c-3-4-1: a malformed item is denied in place; the batch is still answered.
        QJsonObject withBadItem{
            {QStringLiteral("subject"), subject()},
            {QStringLiteral("action"), action()},
            {QStringLiteral("context"), context},
            {QStringLiteral("evaluations"),
             QJsonArray{QJsonObject{{QStringLiteral("resource"), resource()}},
                        QJsonObject{{QStringLiteral("resource"),
                                     QJsonObject{{QStringLiteral("type"), QStringLiteral("account")}}}}}}};
        const QJsonArray partial =
            gateway()
                .send("POST", QStringLiteral("/access/v1/evaluations"), QJsonDocument(withBadItem).toJson(),
                      {{"Content-Type", "application/json"}})
                .json()
                .value(QStringLiteral("evaluations"))
                .toArray();
        QCOMPARE(partial.size(), 2);
        QCOMPARE(partial.at(0).toObject().value(QStringLiteral("decision")).toBool(), true);
        QCOMPARE(partial.at(1).toObject().value(QStringLiteral("decision")).toBool(), false);
        QVERIFY(partial.at(1)
                    .toObject()
                    .value(QStringLiteral("context"))
                    .toObject()
                    .contains(QStringLiteral("error")));
        // c-3-4-3: an empty evaluations array is the single endpoint.
        QJsonObject empty = evaluation(payment(100));
        empty.insert(QStringLiteral("evaluations"), QJsonArray());
        const QJsonObject single =
            gateway()
                .send("POST", QStringLiteral("/access/v1/evaluations"), QJsonDocument(empty).toJson(),
                      {{"Content-Type", "application/json"}})
                .json();
        QCOMPARE(single.value(QStringLiteral("decision")).toBool(), true);
        const auto wrong = gateway().send("POST", QStringLiteral("/access/v1/evaluations"),
                                          R"({"evaluations":[{}],"options":{"evaluations_semantic":"some"}})",
                                          {{"Content-Type", "application/json"}});
        QCOMPARE(wrong.status, 400);
    }

    void searchesSeeOnlyLiveDelegations()
    {
        const QString payerId = DemoFixtures::agentId(*m_alice, QStringLiteral("Bill payer"));
        QJsonObject body = DemoFixtures::paymentGrant(payerId);
        QJsonArray scopes = body.value(QStringLiteral("scopes")).toArray();
        QJsonObject scope = scopes.first().toObject();
        scope.insert(QStringLiteral("resource"), QStringLiteral("account:acc_77"));
        scopes[0] = scope;
        body.insert(QStringLiteral("scopes"), scopes);
        const QString revoked = grant(body);
        QCOMPARE(m_alice
                     ->post(QStringLiteral("/v1/delegations/") + revoked + QStringLiteral("/revoke"),
                            {{QStringLiteral("reason"), QStringLiteral("no longer needed")}})
                     .status,
                 200);
        const QJsonObject search{
            {QStringLiteral("subject"), subject()},
            {QStringLiteral("action"), action()},
            {QStringLiteral("resource"), QJsonObject{{QStringLiteral("type"), QStringLiteral("account")}}},
            {QStringLiteral("page"), QJsonObject{{QStringLiteral("limit"), 1}}}};
        QSet<QString> ids;
        QJsonObject page = search;
        for (int guard = 0; guard < 10; ++guard) {
            const QJsonObject reply =
                gateway()
                    .send("POST", QStringLiteral("/access/v1/search/resource"), QJsonDocument(page).toJson(),
                          {{"Content-Type", "application/json"}})
                    .json();
            for (const QJsonValue &result : reply.value(QStringLiteral("results")).toArray())
                ids.insert(result.toObject().value(QStringLiteral("id")).toString());
            const QString next =
                reply.value(QStringLiteral("page")).toObject().value(QStringLiteral("next_token")).toString();
            if (next.isEmpty())
                break;
            page.insert(QStringLiteral("page"),
                        QJsonObject{{QStringLiteral("limit"), 1}, {QStringLiteral("token"), next}});
        }
        QVERIFY(ids.contains(QStringLiteral("acc_1")));
        QVERIFY(!ids.contains(QStringLiteral("acc_77")));

        const QJsonObject actions =
            gateway()
                .send("POST", QStringLiteral("/access/v1/search/action"),
                      QJsonDocument(
                          QJsonObject{{QStringLiteral("subject"), subject()},
                                      {QStringLiteral("resource"), resource(QStringLiteral("acc_77"))}})
                          .toJson(),
                      {{"Content-Type", "application/json"}})
                .json();
        QCOMPARE(actions.value(QStringLiteral("results")).toArray().size(), 0);
        QCOMPARE(
            actions.value(QStringLiteral("page")).toObject().value(QStringLiteral("next_token")).toString(),
            QString());
    }

    void callersAreWhoTheySayAndNoMore()
    {
        QCOMPARE(
            evaluate(*m_payer, evaluation(payment(100))).json().value(QStringLiteral("decision")).toBool(),
            true);
        const auto booker = DemoFixtures::agentClient(m_server.url(), QStringLiteral("Travel booker"));
        QCOMPARE(evaluate(*booker, evaluation(payment(100))).status, 403);
        QCOMPARE(evaluate(*m_alice, evaluation(payment(100))).status, 403);
        TestClient nobody(m_server.url());
        QCOMPARE(evaluate(nobody, evaluation(payment(100))).status, 401);
        // Enforcement points are for the AuthZEN endpoints only.
        QCOMPARE(gateway().get(QStringLiteral("/v1/delegations")).status, 403);
        QCOMPARE(m_alice->get(QStringLiteral("/v1/enforcement-points")).status, 403);

        const auto second = m_ada->post(QStringLiteral("/v1/enforcement-points"),
                                        {{QStringLiteral("name"), QStringLiteral("MCP server")}});
        TestClient mcp(m_server.url());
        mcp.setToken(second.json().value(QStringLiteral("token")).toString());
        QCOMPARE(evaluate(mcp, evaluation(payment(100))).status, 200);
        const QString id = second.json().value(QStringLiteral("id")).toString();
        QCOMPARE(m_ada->post(QStringLiteral("/v1/enforcement-points/") + id + QStringLiteral("/revoke"), {})
                     .status,
                 200);
        QCOMPARE(evaluate(mcp, evaluation(payment(100))).status, 401);
        const QJsonArray points = m_ada->get(QStringLiteral("/v1/enforcement-points"))
                                      .json()
                                      .value(QStringLiteral("items"))
                                      .toArray();
        for (const QJsonValue &point : points) {
            QVERIFY(!point.toObject().contains(QStringLiteral("token")));
            if (point.toObject().value(QStringLiteral("id")).toString() == id) {
                QVERIFY(!point.toObject().value(QStringLiteral("revoked_at")).isNull());
                QVERIFY(!point.toObject().value(QStringLiteral("last_used_at")).isNull());
            }
        }
    }

    // 32 concurrent retries of one X-Request-ID: one decision, one reservation, the same answer.
    void aRetriedEvaluationReservesOnce()
    {
        const qint64 before = uses(m_delegation);
        QList<TestClient::Call> calls;
        const QJsonObject body = evaluation(payment(100));
        for (int i = 0; i < 32; ++i)
            calls.append({gateway().token(),
                          "POST",
                          QStringLiteral("/access/v1/evaluation"),
                          body,
                          {{"X-Request-ID", "retry-7f3a"}}});
        const QList<TestClient::Reply> replies = TestClient::sendConcurrently(m_server.url(), calls, 32);
        QSet<QString> decisions;
        for (const TestClient::Reply &reply : replies) {
            QCOMPARE(reply.status, 200);
            QCOMPARE(reply.header("X-Request-ID"), QByteArray("retry-7f3a"));
            decisions.insert(reply.json()
                                 .value(QStringLiteral("context"))
                                 .toObject()
                                 .value(QStringLiteral("decision_id"))
                                 .toString());
        }
        QCOMPARE(decisions.size(), 1);
        QCOMPARE(uses(m_delegation), before + 1);
    }

    // The cap holds exactly under 300 concurrent evaluations against a cap of 100, as for /v1/authorize.
    void theCapIsExactUnderConcurrentEvaluations()
    {
        const QString capped = grant(DemoFixtures::cappedPaymentGrant(
            DemoFixtures::agentId(*m_alice, QStringLiteral("Bill payer")), 100));
        QList<TestClient::Call> calls;
        for (int i = 0; i < 300; ++i)
            calls.append({gateway().token(), "POST", QStringLiteral("/access/v1/evaluation"),
                          evaluation(payment(1000, capped))});
        int allowed = 0;
        for (const TestClient::Reply &reply : TestClient::sendConcurrently(m_server.url(), calls, 32))
            allowed += reply.json().value(QStringLiteral("decision")).toBool() ? 1 : 0;
        QCOMPARE(allowed, 100);
        QCOMPARE(uses(capped), 100);
    }
};

QTEST_GUILESS_MAIN(TstServerAuthZen)
#include "tst_ServerAuthZen.moc"
