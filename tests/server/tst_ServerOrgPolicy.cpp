#include "tests/support/CerbosProcess.h"
#include "tests/support/DemoFixtures.h"
#include "tests/support/ScriptedPdp.h"
#include "tests/support/TestClient.h"
#include "tests/support/TestServer.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>
#include <QTimer>

using mandate::test::CerbosProcess;
using mandate::test::DemoFixtures;
using mandate::test::ScriptedPdp;
using mandate::test::TestClient;
using mandate::test::TestServer;

namespace {

const QString Policies = QStringLiteral(MANDATE_POLICY_DIR);
constexpr int PdpTimeoutMs = 300;

QJsonObject scope(const QString &action, const QString &resource, const QJsonObject &limits = {})
{
    QJsonObject json = limits;
    json.insert(QStringLiteral("action"), action);
    json.insert(QStringLiteral("resource"), resource);
    return json;
}

QJsonObject request(const QString &delegationId, const QString &action, const QString &resource,
                    const QJsonObject &facts = {})
{
    QJsonObject json = facts;
    json.insert(QStringLiteral("delegation_id"), delegationId);
    json.insert(QStringLiteral("action"), action);
    json.insert(QStringLiteral("resource"), resource);
    return json;
}

QJsonObject payment(const QString &delegationId, qint64 minor,
                    const QString &payee = QStringLiteral("payee:lufthansa"))
{
    return request(
        delegationId, QStringLiteral("payments.initiate"), QStringLiteral("account:acc_1"),
        {{QStringLiteral("amount"), DemoFixtures::money(minor)}, {QStringLiteral("destination"), payee}});
}

// Alice, the Bill payer and a fresh payments delegation of hers, on a server of the test's own.
struct Customer
{
    std::unique_ptr<TestClient> alice;
    std::unique_ptr<TestClient> payer;
    QString delegation;

    static Customer of(const QString &url)
    {
        Customer customer{DemoFixtures::person(url, QStringLiteral("alice")),
                          DemoFixtures::agentClient(url, QStringLiteral("Bill payer")), QString()};
        if (customer.alice)
            customer.delegation = customer.alice
                                      ->post(QStringLiteral("/v1/delegations"),
                                             DemoFixtures::paymentGrant(DemoFixtures::agentId(
                                                 *customer.alice, QStringLiteral("Bill payer"))))
                                      .json()
                                      .value(QStringLiteral("id"))
                                      .toString();
        return customer;
    }

    // The `org_policy` record of the delegation's latest decision.
    QJsonObject lastOrgPolicy() const
    {
        const QJsonArray trail =
            alice->get(QStringLiteral("/v1/audit?type=decision.made&delegation_id=") + delegation)
                .json()
                .value(QStringLiteral("items"))
                .toArray();
        return trail.last()
            .toObject()
            .value(QStringLiteral("data"))
            .toObject()
            .value(QStringLiteral("org_policy"))
            .toObject();
    }
};

QString field(const TestClient::Reply &reply, const char *name)
{
    return reply.json().value(QString::fromLatin1(name)).toString();
}

} // namespace

// The organisation's own rules as code, asked of a real Cerbos over AuthZEN with the example
// policies in resources/policy/cerbos: each policy's allow, step-up and deny; an engine that dies,
// comes back, hangs or answers nonsense; and the action catalog every decision checks first.
class TstServerOrgPolicy : public QObject
{
    Q_OBJECT

private:
    CerbosProcess m_cerbos;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestClient> m_alice;
    std::unique_ptr<TestClient> m_ada;
    std::unique_ptr<TestClient> m_payer;
    QString m_payerId;
    QString m_payments;
    QString m_data;

    QString grant(const QJsonArray &scopes, const QJsonObject &extra = {})
    {
        QJsonObject body = DemoFixtures::paymentGrant(m_payerId, QStringLiteral("Book the team's trips"));
        body.insert(QStringLiteral("scopes"), scopes);
        for (auto it = extra.begin(); it != extra.end(); ++it)
            body.insert(it.key(), it.value());
        const auto reply = m_alice->post(QStringLiteral("/v1/delegations"), body);
        if (reply.status != 201)
            qWarning("grant refused: %s", reply.body.constData());
        return field(reply, "id");
    }

    TestClient::Reply authorize(const QJsonObject &body)
    {
        return m_payer->post(QStringLiteral("/v1/authorize"), body);
    }

    QJsonObject lastDecisionEvent(const QString &delegationId)
    {
        const QJsonArray trail =
            m_alice->get(QStringLiteral("/v1/audit?type=decision.made&delegation_id=") + delegationId)
                .json()
                .value(QStringLiteral("items"))
                .toArray();
        return trail.last().toObject().value(QStringLiteral("data")).toObject();
    }

    static bool waitForHealth(TestClient &client, bool healthy)
    {
        for (int i = 0; i < 150; ++i) {
            if (client.get(QStringLiteral("/v1/policy")).json().value(QStringLiteral("healthy")).toBool() ==
                healthy)
                return true;
            QTest::qWait(100);
        }
        return false;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (CerbosProcess::binary().isEmpty())
            QSKIP(
                "Cerbos is not installed here: run scripts/install-deps.sh (CI does) to test the org policy");
        QString error;
        QVERIFY2(m_cerbos.start(Policies, &error), qPrintable(error));
        m_server = std::make_unique<TestServer>(
            QStringList{QStringLiteral("--demo"), QStringLiteral("--policy-pdp"), m_cerbos.url(),
                        QStringLiteral("--policy-timeout-ms"), QString::number(PdpTimeoutMs)});
        QVERIFY2(m_server->start(&error), qPrintable(error));
        m_alice = DemoFixtures::person(m_server->url(), QStringLiteral("alice"));
        m_ada = DemoFixtures::person(m_server->url(), QStringLiteral("ada"));
        QVERIFY(m_alice && m_ada);
        m_payerId = DemoFixtures::agentId(*m_alice, QStringLiteral("Bill payer"));
        m_payer = DemoFixtures::agentClient(m_server->url(), QStringLiteral("Bill payer"));
        QVERIFY(m_payer);
        m_payments = grant({scope(QStringLiteral("payments.initiate"), QStringLiteral("account:acc_1"),
                                  {{QStringLiteral("max_per_action"), DemoFixtures::money(2'000'000)}})});
        QVERIFY(!m_payments.isEmpty());
        const QJsonObject anySensitivity{{QStringLiteral("max_sensitivity"), QStringLiteral("restricted")}};
        m_data = grant(
            {scope(QStringLiteral("data.share_external"), QStringLiteral("dataset:crm/*"), anySensitivity),
             scope(QStringLiteral("data.export"), QStringLiteral("dataset:crm/*"), anySensitivity)});
        QVERIFY(!m_data.isEmpty());
    }

    void policyEndpointNamesTheEngine()
    {
        QVERIFY(waitForHealth(*m_alice, true));
        const QJsonObject policy = m_alice->get(QStringLiteral("/v1/policy")).json();
        QCOMPARE(policy.value(QStringLiteral("pdp")).toString(), m_cerbos.url());
        QCOMPARE(policy.value(QStringLiteral("failure")).toString(), QStringLiteral("closed"));
        TestClient anonymous(m_server->url());
        QCOMPARE(anonymous.get(QStringLiteral("/v1/policy")).status, 401);
    }

    void smallPaymentIsAllowedAndTheAnswerAudited()
    {
        const auto allowed = authorize(payment(m_payments, 35000));
        QCOMPARE(allowed.status, 200);
        QCOMPARE(field(allowed, "decision"), QStringLiteral("allow"));
        QCOMPARE(field(allowed, "reason"), QStringLiteral("within_scope"));
        const QJsonObject data = lastDecisionEvent(m_payments);
        QCOMPARE(data.value(QStringLiteral("decision_id")).toString(), field(allowed, "decision_id"));
        const QJsonObject org = data.value(QStringLiteral("org_policy")).toObject();
        QCOMPARE(org.value(QStringLiteral("pdp")).toString(), m_cerbos.url());
        QCOMPARE(org.value(QStringLiteral("decision")).toString(), QStringLiteral("allow"));
        QVERIFY(org.value(QStringLiteral("latency_ms")).toInteger() <= PdpTimeoutMs);
    }

    void overTwoThousandNeedsAPersonThenGoesThroughOnce()
    {
        const auto asked = authorize(payment(m_payments, 250000));
        QCOMPARE(field(asked, "decision"), QStringLiteral("step_up_required"));
        QCOMPARE(field(asked, "reason"), QStringLiteral("org_policy_step_up"));
        const QString approval = field(asked, "approval_id");
        QVERIFY(!approval.isEmpty());
        QCOMPARE(lastDecisionEvent(m_payments)
                     .value(QStringLiteral("org_policy"))
                     .toObject()
                     .value(QStringLiteral("decision")),
                 QStringLiteral("step_up"));

        const auto confirmed =
            m_alice->post(QStringLiteral("/v1/approvals/") + approval + QStringLiteral("/decisions"),
                          {{QStringLiteral("decision"), QStringLiteral("approve")},
                           {QStringLiteral("reason"), QStringLiteral("Booked with me on the phone")}});
        QCOMPARE(confirmed.status, 200);
        QJsonObject retry = payment(m_payments, 250000);
        retry.insert(QStringLiteral("approval_id"), approval);
        const auto allowed = authorize(retry);
        QCOMPARE(field(allowed, "decision"), QStringLiteral("allow"));
        QCOMPARE(field(allowed, "reason"), QStringLiteral("approved"));
        const auto again = authorize(retry);
        QCOMPARE(field(again, "decision"), QStringLiteral("deny"));
    }

    void sanctionsAndTheOrgCapDenyEvenWithAPerson()
    {
        const auto sanctioned = authorize(payment(m_payments, 1000, QStringLiteral("payee:acme-shell-co")));
        QCOMPARE(field(sanctioned, "decision"), QStringLiteral("deny"));
        QCOMPARE(field(sanctioned, "reason"), QStringLiteral("org_policy_denied"));
        QCOMPARE(field(sanctioned, "message"),
                 QStringLiteral("Your organisation's policy does not allow this."));
        const auto overCap = authorize(payment(m_payments, 1'200'000));
        QCOMPARE(field(overCap, "reason"), QStringLiteral("org_policy_denied"));
        QVERIFY(field(overCap, "approval_id").isEmpty());
    }

    void restrictedDataIsNeverSharedOutside()
    {
        const auto restricted = authorize(
            request(m_data, QStringLiteral("data.share_external"), QStringLiteral("dataset:crm/contacts"),
                    {{QStringLiteral("sensitivity"), QStringLiteral("restricted")},
                     {QStringLiteral("destination"), QStringLiteral("partner:acme")}}));
        QCOMPARE(field(restricted, "reason"), QStringLiteral("org_policy_denied"));
        const auto confidential = authorize(
            request(m_data, QStringLiteral("data.share_external"), QStringLiteral("dataset:crm/contacts"),
                    {{QStringLiteral("sensitivity"), QStringLiteral("confidential")},
                     {QStringLiteral("destination"), QStringLiteral("partner:acme")}}));
        QCOMPARE(field(confidential, "decision"), QStringLiteral("allow"));
    }

    void exportsOutsideBusinessHoursNeedAPerson()
    {
        const QDateTime berlin = QDateTime::currentDateTimeUtc().toTimeZone(QTimeZone("Europe/Berlin"));
        const bool businessHours =
            berlin.date().dayOfWeek() <= 5 && berlin.time().hour() >= 8 && berlin.time().hour() < 18;
        const auto exported =
            authorize(request(m_data, QStringLiteral("data.export"), QStringLiteral("dataset:crm/contacts"),
                              {{QStringLiteral("sensitivity"), QStringLiteral("internal")}}));
        if (businessHours) {
            QCOMPARE(field(exported, "decision"), QStringLiteral("allow"));
        } else {
            QCOMPARE(field(exported, "decision"), QStringLiteral("step_up_required"));
            QCOMPARE(field(exported, "reason"), QStringLiteral("org_policy_step_up"));
        }
    }

    void simulationHearsTheOrganisationToo()
    {
        const auto pendingOnPayments = [this] {
            int count = 0;
            for (const QJsonValue &approval : m_alice->get(QStringLiteral("/v1/approvals?status=pending"))
                                                  .json()
                                                  .value(QStringLiteral("items"))
                                                  .toArray())
                count += approval.toObject().value(QStringLiteral("delegation_id")).toString() == m_payments
                             ? 1
                             : 0;
            return count;
        };
        const int before = pendingOnPayments();
        const auto overTwo =
            m_alice->post(QStringLiteral("/v1/authorize/simulate"), payment(m_payments, 250000));
        QCOMPARE(overTwo.status, 200);
        QCOMPARE(field(overTwo, "decision"), QStringLiteral("step_up_required"));
        QCOMPARE(field(overTwo, "reason"), QStringLiteral("org_policy_step_up"));
        const auto sanctioned =
            m_payer->post(QStringLiteral("/v1/authorize/simulate"),
                          payment(m_payments, 1000, QStringLiteral("payee:acme-shell-co")));
        QCOMPARE(field(sanctioned, "reason"), QStringLiteral("org_policy_denied"));
        // Nobody was asked to confirm anything.
        QCOMPARE(pendingOnPayments(), before);
        const auto typo = m_payer->post(
            QStringLiteral("/v1/authorize/simulate"),
            request(m_payments, QStringLiteral("payments.initate"), QStringLiteral("account:acc_1")));
        QCOMPARE(typo.status, 422);
    }

    void theDelegationsOwnDenialNeedsNoSecondOpinion()
    {
        const auto outside = authorize(payment(m_payments, 3'000'000));
        QCOMPARE(field(outside, "reason"), QStringLiteral("per_action_limit_exceeded"));
        QVERIFY(!lastDecisionEvent(m_payments).contains(QStringLiteral("org_policy")));
    }

    void unknownActionsAreRefusedWithTheNearestName()
    {
        const auto typo = authorize(
            request(m_payments, QStringLiteral("payments.initate"), QStringLiteral("account:acc_1")));
        QVERIFY2(typo.status == 422, typo.body.constData());
        QCOMPARE(typo.errorFields(), QStringList{QStringLiteral("action")});
        QVERIFY2(typo.body.contains("did you mean payments.initiate?"), typo.body.constData());

        QJsonObject body = DemoFixtures::paymentGrant(m_payerId);
        body.insert(QStringLiteral("scopes"),
                    QJsonArray{scope(QStringLiteral("data.exprot"), QStringLiteral("dataset:crm/*"))});
        const auto grantTypo = m_alice->post(QStringLiteral("/v1/delegations"), body);
        QCOMPARE(grantTypo.status, 422);
        QCOMPARE(grantTypo.errorFields(), QStringList{QStringLiteral("scopes[0].action")});
        QVERIFY2(grantTypo.body.contains("did you mean data.export?"), grantTypo.body.constData());
    }

    void adminsRegisterActionsThatThenMoveValue()
    {
        const QJsonObject refund{
            {QStringLiteral("name"), QStringLiteral("crm.refund")},
            {QStringLiteral("label"), QStringLiteral("Refunds")},
            {QStringLiteral("moves_value"), true},
            {QStringLiteral("description"), QStringLiteral("Give a customer money back.")}};
        QCOMPARE(m_alice->post(QStringLiteral("/v1/actions"), refund).status, 403);
        const auto registered = m_ada->post(QStringLiteral("/v1/actions"), refund);
        QCOMPARE(registered.status, 201);
        QCOMPARE(registered.json().value(QStringLiteral("moves_value")).toBool(), true);
        QJsonObject builtIn = refund;
        builtIn.insert(QStringLiteral("name"), QStringLiteral("payments.initiate"));
        const auto changedBuiltIn = m_ada->post(QStringLiteral("/v1/actions"), builtIn);
        QVERIFY2(changedBuiltIn.status == 422, changedBuiltIn.body.constData());

        const QJsonArray items =
            m_payer->get(QStringLiteral("/v1/actions")).json().value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 7);
    }

    // Without an engine in the way: the catalog's moves_value alone decides.
    void aRegisteredActionThatMovesValueCrossesThresholdsWithoutAnAmount()
    {
        TestServer server;
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        auto alice = DemoFixtures::person(server.url(), QStringLiteral("alice"));
        auto ada = DemoFixtures::person(server.url(), QStringLiteral("ada"));
        auto payer = DemoFixtures::agentClient(server.url(), QStringLiteral("Bill payer"));
        QVERIFY(alice && ada && payer);
        QCOMPARE(
            ada->post(QStringLiteral("/v1/actions"), {{QStringLiteral("name"), QStringLiteral("crm.refund")},
                                                      {QStringLiteral("label"), QStringLiteral("Refunds")},
                                                      {QStringLiteral("moves_value"), true}})
                .status,
            201);
        QJsonObject body =
            DemoFixtures::paymentGrant(DemoFixtures::agentId(*alice, QStringLiteral("Bill payer")));
        body.insert(QStringLiteral("scopes"),
                    QJsonArray{scope(QStringLiteral("crm.refund"), QStringLiteral("account:acc_1"))});
        body.insert(QStringLiteral("step_up"),
                    DemoFixtures::stepUpAbove(10000).value(QStringLiteral("step_up")));
        const auto granted = alice->post(QStringLiteral("/v1/delegations"), body);
        const QString refunds = field(granted, "id");
        QVERIFY2(!refunds.isEmpty(), granted.body.constData());
        const auto unstated =
            payer->post(QStringLiteral("/v1/authorize"),
                        request(refunds, QStringLiteral("crm.refund"), QStringLiteral("account:acc_1")));
        QCOMPARE(field(unstated, "decision"), QStringLiteral("step_up_required"));
        QCOMPARE(field(unstated, "reason"), QStringLiteral("step_up_threshold"));
        const auto small =
            payer->post(QStringLiteral("/v1/authorize"),
                        request(refunds, QStringLiteral("crm.refund"), QStringLiteral("account:acc_1"),
                                {{QStringLiteral("amount"), DemoFixtures::money(500)}}));
        QCOMPARE(field(small, "decision"), QStringLiteral("allow"));
    }

    void metricsShowTheEngine()
    {
        const QByteArray metrics = TestClient(m_server->url()).get(QStringLiteral("/metrics")).body;
        QVERIFY(metrics.contains("mandate_policy_pdp_up 1"));
        QVERIFY(metrics.contains("mandate_policy_pdp_questions_total{outcome=\"allow\"}"));
        QVERIFY(metrics.contains("mandate_policy_pdp_latency_seconds_count"));
    }

    // Runs last among the Cerbos tests: it kills the engine and brings it back on the same port.
    void anEngineKilledMidLoadDeniesThenRecoversWithoutARestart()
    {
        QList<TestClient::Call> calls;
        for (int i = 0; i < 1000; ++i)
            calls.append(
                {m_payer->token(), "POST", QStringLiteral("/v1/authorize"), payment(m_payments, 100)});
        QTimer::singleShot(100, this, [this] { m_cerbos.kill(); });
        const QList<TestClient::Reply> replies = TestClient::sendConcurrently(m_server->url(), calls, 16);
        int unavailable = 0;
        for (const TestClient::Reply &reply : replies) {
            QCOMPARE(reply.status, 200);
            const QString reason = field(reply, "reason");
            QVERIFY2(reason == u"within_scope" || reason == u"org_policy_unavailable", qPrintable(reason));
            unavailable += reason == u"org_policy_unavailable" ? 1 : 0;
        }
        QVERIFY(unavailable > 0);
        QVERIFY(waitForHealth(*m_alice, false));

        QElapsedTimer one;
        one.start();
        const auto down = authorize(payment(m_payments, 100));
        QCOMPARE(field(down, "reason"), QStringLiteral("org_policy_unavailable"));
        QVERIFY2(one.elapsed() < PdpTimeoutMs + 1000, qPrintable(QString::number(one.elapsed())));

        QString error;
        QVERIFY2(m_cerbos.start(Policies, &error, m_cerbos.port()), qPrintable(error));
        QVERIFY(waitForHealth(*m_alice, true));
        QCOMPARE(field(authorize(payment(m_payments, 100)), "decision"), QStringLiteral("allow"));
    }

    void aSilentEngineDeniesAtTheTimeoutAndNonsenseIsNoAnswer()
    {
        ScriptedPdp engine(ScriptedPdp::Mode::Silent);
        TestServer server({QStringLiteral("--demo"), QStringLiteral("--policy-pdp"), engine.url(),
                           QStringLiteral("--policy-timeout-ms"), QStringLiteral("200")});
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        const Customer customer = Customer::of(server.url());
        QVERIFY(customer.alice && customer.payer && !customer.delegation.isEmpty());
        TestClient &payer = *customer.payer;
        const QString &id = customer.delegation;
        const QJsonObject asked = DemoFixtures::authorizeRequest(id, 1000);

        QElapsedTimer timer;
        timer.start();
        const auto silent = payer.post(QStringLiteral("/v1/authorize"), asked);
        QCOMPARE(silent.status, 200);
        QCOMPARE(field(silent, "reason"), QStringLiteral("org_policy_unavailable"));
        QVERIFY2(timer.elapsed() >= 195 && timer.elapsed() < 1500,
                 qPrintable(QString::number(timer.elapsed())));
        // Mandate asked as API.md says, naming the decision in X-Request-ID.
        const QJsonObject question = QJsonDocument::fromJson(engine.lastBody()).object();
        QCOMPARE(
            question.value(QStringLiteral("subject")).toObject().value(QStringLiteral("type")).toString(),
            QStringLiteral("agent"));
        QCOMPARE(
            question.value(QStringLiteral("resource")).toObject().value(QStringLiteral("type")).toString(),
            QStringLiteral("account"));
        const QJsonObject facts = question.value(QStringLiteral("resource"))
                                      .toObject()
                                      .value(QStringLiteral("properties"))
                                      .toObject();
        QCOMPARE(facts.value(QStringLiteral("amount_minor")).toInteger(), 1000);
        QCOMPARE(facts.value(QStringLiteral("approval")).toString(), QStringLiteral("none"));
        QCOMPARE(
            question.value(QStringLiteral("context")).toObject().value(QStringLiteral("purpose")).toString(),
            QStringLiteral("Pay the rent"));

        for (const ScriptedPdp::Mode mode : {ScriptedPdp::Mode::ServerError, ScriptedPdp::Mode::NotJson}) {
            engine.setMode(mode);
            const auto nonsense = payer.post(QStringLiteral("/v1/authorize"), asked);
            QCOMPARE(nonsense.status, 200);
            QCOMPARE(field(nonsense, "reason"), QStringLiteral("org_policy_unavailable"));
        }
        QCOMPARE(customer.lastOrgPolicy().value(QStringLiteral("decision")).toString(),
                 QStringLiteral("unavailable"));
    }

    void failingOpenIsTheOperatorsChoiceAndOnRecord()
    {
        ScriptedPdp engine(ScriptedPdp::Mode::ServerError);
        TestServer server({QStringLiteral("--demo"), QStringLiteral("--policy-pdp"), engine.url(),
                           QStringLiteral("--policy-failure"), QStringLiteral("open")});
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        const Customer customer = Customer::of(server.url());
        QVERIFY(customer.alice && customer.payer && !customer.delegation.isEmpty());
        TestClient &alice = *customer.alice;
        TestClient &payer = *customer.payer;
        const QString &id = customer.delegation;
        QCOMPARE(field(payer.post(QStringLiteral("/v1/authorize"), DemoFixtures::authorizeRequest(id, 1000)),
                       "decision"),
                 QStringLiteral("allow"));
        QCOMPARE(alice.get(QStringLiteral("/v1/policy")).json().value(QStringLiteral("failure")).toString(),
                 QStringLiteral("open"));
        const QJsonObject org = customer.lastOrgPolicy();
        QCOMPARE(org.value(QStringLiteral("failed_open")).toBool(), true);
    }
};

QTEST_GUILESS_MAIN(TstServerOrgPolicy)
#include "tst_ServerOrgPolicy.moc"
