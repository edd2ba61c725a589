#include "server/instance/MandateServer.h"
#include "tests/support/DemoFixtures.h"
#include "tests/support/MockClock.h"
#include "tests/support/TestClient.h"

#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using mandate::server::MandateServer;
using mandate::server::ServerOptions;
using mandate::test::DemoFixtures;
using mandate::test::MockClock;
using mandate::test::TestClient;

// Seeing before doing, against a real server on loopback with a hand-moved clock: the what-if
// simulation (no effect, and the same answer as the real decision), approving with less,
// schedules across a daylight-saving change, start times, and attenuation of schedules.
class TstServerSimulate : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    // Thursday 22 October 2026, 09:00 UTC: the Sunday after next, Berlin leaves summer time.
    MockClock m_clock{QDateTime(QDate(2026, 10, 22), QTime(9, 0), Qt::UTC)};
    std::unique_ptr<MandateServer> m_server;
    QString m_payerId;

    QString url() const { return m_server->url(); }

    // Signed in now, so a session is never older than the clock that moved on.
    std::unique_ptr<TestClient> person(const QString &name) { return DemoFixtures::person(url(), name); }

    // The Bill payer with an SVID minted now (SVIDs live an hour of the mock clock).
    std::unique_ptr<TestClient> payer()
    {
        return DemoFixtures::agentClient(url(), QStringLiteral("Bill payer"));
    }

    QString grant(TestClient &customer, const QJsonObject &extra = {})
    {
        QJsonObject body = DemoFixtures::paymentGrant(m_payerId);
        body.insert(QStringLiteral("expires_at"), m_clock.now().addDays(20).toString(Qt::ISODateWithMs));
        for (auto it = extra.begin(); it != extra.end(); ++it)
            body.insert(it.key(), it.value());
        const auto reply = customer.post(QStringLiteral("/v1/delegations"), body);
        return reply.json().value(QStringLiteral("id")).toString();
    }

    static QJsonObject scheduled(const QJsonObject &schedule)
    {
        QJsonObject scope = DemoFixtures::paymentGrant(QString())
                                .value(QStringLiteral("scopes"))
                                .toArray()
                                .first()
                                .toObject();
        scope.insert(QStringLiteral("schedule"), schedule);
        return {{QStringLiteral("scopes"), QJsonArray{scope}}};
    }

    static QJsonObject officeHours(const QJsonArray &days)
    {
        return {{QStringLiteral("time_zone"), QStringLiteral("Europe/Berlin")},
                {QStringLiteral("days"), days},
                {QStringLiteral("from"), QStringLiteral("08:00")},
                {QStringLiteral("to"), QStringLiteral("18:00")}};
    }

    static QJsonArray weekdays()
    {
        return {QStringLiteral("mon"), QStringLiteral("tue"), QStringLiteral("wed"), QStringLiteral("thu"),
                QStringLiteral("fri")};
    }

    static QString field(const TestClient::Reply &reply, const QString &name)
    {
        return reply.json().value(name).toString();
    }

    // Everything a decision can change, read behind the server's back: usage, status and bound
    // context of every delegation, and how many audit events, approvals and live events exist.
    QString effects()
    {
        QString state;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
            db.setDatabaseName(m_dir.path() + QStringLiteral("/mandate.db"));
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
            if (db.open()) {
                QSqlQuery q(db);
                for (const QString &sql :
                     {QStringLiteral("SELECT id || status || usage || coalesce(bound_context, '') FROM "
                                     "delegations ORDER BY id"),
                      // The log moves events from its inbox into the tree on its own time.
                      QStringLiteral("SELECT (SELECT count(*) FROM audit_events) + "
                                     "(SELECT count(*) FROM audit_inbox)"),
                      QStringLiteral("SELECT id || status || body FROM approvals ORDER BY id"),
                      QStringLiteral("SELECT count(*) FROM live_events")}) {
                    q.exec(sql);
                    while (q.next())
                        state += q.value(0).toString() + u'\n';
                }
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("peek"));
        return state;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        ServerOptions options;
        options.port = 0;
        options.dataDir = m_dir.path();
        options.demo = true;
        options.accessLog = false;
        options.trustDomain = QStringLiteral("demo.mandate.local");
        options.sweepInterval = std::chrono::hours(1);
        m_server = std::make_unique<MandateServer>(options, m_clock);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        const auto alice = person(QStringLiteral("alice"));
        QVERIFY(alice);
        m_payerId = DemoFixtures::agentId(*alice, QStringLiteral("Bill payer"));
        QVERIFY(!m_payerId.isEmpty());
    }

    void simulationChangesNothing()
    {
        const auto alice = person(QStringLiteral("alice"));
        const auto agent = payer();
        QVERIFY(alice && agent);
        const QString id = grant(
            *alice,
            {{QStringLiteral("step_up"),
              DemoFixtures::stepUpAbove(20000, QStringLiteral("customer")).value(QStringLiteral("step_up"))},
             {QStringLiteral("revoke_on"), QJsonObject{{QStringLiteral("context_change"), true}}}});
        QVERIFY(!id.isEmpty());
        QTest::qWait(50);
        const QString before = effects();
        QVERIFY(!before.isEmpty());

        const auto allowed = alice->post(QStringLiteral("/v1/authorize/simulate"),
                                         DemoFixtures::authorizeRequest(id, 30000 - 20000));
        QCOMPARE(allowed.status, 200);
        QCOMPARE(field(allowed, QStringLiteral("decision")), QStringLiteral("allow"));
        const QJsonObject remaining = allowed.json().value(QStringLiteral("remaining")).toObject();
        QCOMPARE(remaining.value(QStringLiteral("total"))
                     .toObject()
                     .value(QStringLiteral("amount_minor"))
                     .toInteger(),
                 120000 - 10000);
        QVERIFY(remaining.value(QStringLiteral("uses")).isNull());
        QCOMPARE(
            allowed.json().value(QStringLiteral("binding_limit")).toObject().value(QStringLiteral("limit")),
            QJsonValue(QStringLiteral("max_total")));

        const auto stepUp =
            agent->post(QStringLiteral("/v1/authorize/simulate"), DemoFixtures::authorizeRequest(id, 45000));
        QCOMPARE(field(stepUp, QStringLiteral("decision")), QStringLiteral("step_up_required"));
        QVERIFY(stepUp.json().value(QStringLiteral("approval_id")).isNull());

        const auto tooMuch =
            agent->post(QStringLiteral("/v1/authorize/simulate"), DemoFixtures::authorizeRequest(id, 60000));
        QCOMPARE(field(tooMuch, QStringLiteral("reason")), QStringLiteral("per_action_limit_exceeded"));
        QCOMPARE(
            tooMuch.json().value(QStringLiteral("binding_limit")).toObject().value(QStringLiteral("limit")),
            QJsonValue(QStringLiteral("max_per_action")));

        QTest::qWait(50);
        QCOMPARE(effects(), before);
        // Nothing was bound: the first real request binds the context, not the simulations.
        QCOMPARE(field(agent->post(QStringLiteral("/v1/authorize"), DemoFixtures::authorizeRequest(id, 100)),
                       QStringLiteral("decision")),
                 QStringLiteral("allow"));
        QTest::qWait(50);
        QVERIFY(effects() != before);
    }

    void simulateIsSeenOnlyByThoseWhoSeeTheDelegation()
    {
        const auto alice = person(QStringLiteral("alice"));
        const QString id = grant(*alice);
        const QJsonObject request = DemoFixtures::authorizeRequest(id, 100);
        const auto sam = person(QStringLiteral("sam"));
        QCOMPARE(sam->post(QStringLiteral("/v1/authorize/simulate"), request).status, 200);
        const auto carol = person(QStringLiteral("carol"));
        QCOMPARE(carol->post(QStringLiteral("/v1/authorize/simulate"), request).status, 404);
        const auto helper = DemoFixtures::agentClient(url(), QStringLiteral("Travel helper"));
        QVERIFY(helper);
        QCOMPARE(helper->post(QStringLiteral("/v1/authorize/simulate"), request).status, 404);
        TestClient anonymous(url());
        QCOMPARE(anonymous.post(QStringLiteral("/v1/authorize/simulate"), request).status, 401);
    }

    // Hundreds of random requests, each simulated and then decided for real: the same decision,
    // reason and message every time, and what the simulation said would remain does remain.
    void simulationMatchesTheRealDecision()
    {
        const auto alice = person(QStringLiteral("alice"));
        const auto agent = payer();
        QVERIFY(alice && agent);
        QJsonObject pay = DemoFixtures::paymentGrant(QString())
                              .value(QStringLiteral("scopes"))
                              .toArray()
                              .first()
                              .toObject();
        pay.insert(QStringLiteral("max_total"), DemoFixtures::money(400000));
        pay.insert(QStringLiteral("max_uses"), 40);
        pay.insert(QStringLiteral("destinations"),
                   QJsonArray{QStringLiteral("payee:landlord"), QStringLiteral("payee:bank")});
        const QJsonObject read{{QStringLiteral("action"), QStringLiteral("data.read")},
                               {QStringLiteral("resource"), QStringLiteral("dataset:crm/*")},
                               {QStringLiteral("max_sensitivity"), QStringLiteral("confidential")},
                               {QStringLiteral("max_uses"), 25}};
        const QString id = grant(
            *alice, {{QStringLiteral("scopes"), QJsonArray{pay, read}},
                     {QStringLiteral("step_up"), DemoFixtures::stepUpAbove(30000, QStringLiteral("customer"))
                                                     .value(QStringLiteral("step_up"))}});
        QVERIFY(!id.isEmpty());

        QRandomGenerator random(20261205);
        const QStringList payees{QStringLiteral("payee:landlord"), QStringLiteral("payee:bank"),
                                 QStringLiteral("payee:mallory")};
        const QStringList levels{QStringLiteral("public"), QStringLiteral("internal"),
                                 QStringLiteral("confidential"), QStringLiteral("restricted")};
        QJsonObject retry; // a step-up request the customer approved, asked again with its approval
        int allows = 0;
        int approvedRetries = 0;
        for (int i = 0; i < 300; ++i) {
            QJsonObject request;
            const int kind = int(random.bounded(10));
            if (!retry.isEmpty()) {
                request = retry;
                retry = {};
            } else if (kind < 7) {
                request = DemoFixtures::authorizeRequest(id, 1 + random.bounded(60000),
                                                         payees.at(random.bounded(payees.size())));
                if (random.bounded(15) == 0)
                    request.insert(QStringLiteral("amount"), DemoFixtures::money(500, QStringLiteral("USD")));
            } else if (kind < 9) {
                request = {{QStringLiteral("delegation_id"), id},
                           {QStringLiteral("action"), QStringLiteral("data.read")},
                           {QStringLiteral("resource"), random.bounded(4) == 0
                                                            ? QStringLiteral("dataset:hr/x")
                                                            : QStringLiteral("dataset:crm/a")},
                           {QStringLiteral("sensitivity"), levels.at(random.bounded(levels.size()))}};
            } else {
                request = {{QStringLiteral("delegation_id"), id},
                           {QStringLiteral("action"), QStringLiteral("records.delete")},
                           {QStringLiteral("resource"), QStringLiteral("account:acc_1")}};
            }
            TestClient &asker = i % 3 == 0 ? *alice : *agent;
            const auto simulated = asker.post(QStringLiteral("/v1/authorize/simulate"), request);
            QCOMPARE(simulated.status, 200);
            const auto real = agent->post(QStringLiteral("/v1/authorize"), request);
            QCOMPARE(real.status, 200);
            const QString context =
                QStringLiteral("request %1: %2")
                    .arg(i)
                    .arg(QString::fromUtf8(QJsonDocument(request).toJson(QJsonDocument::Compact)));
            QVERIFY2(field(simulated, QStringLiteral("decision")) == field(real, QStringLiteral("decision")),
                     qPrintable(context));
            QVERIFY2(field(simulated, QStringLiteral("reason")) == field(real, QStringLiteral("reason")),
                     qPrintable(context));
            QVERIFY2(field(simulated, QStringLiteral("message")) == field(real, QStringLiteral("message")),
                     qPrintable(context));

            if (field(real, QStringLiteral("decision")) == QStringLiteral("allow")) {
                ++allows;
                if (field(real, QStringLiteral("reason")) == QStringLiteral("approved"))
                    ++approvedRetries;
                if (request.value(QStringLiteral("action")) == QStringLiteral("payments.initiate")) {
                    const QJsonObject scope = alice->get(QStringLiteral("/v1/delegations/") + id)
                                                  .json()
                                                  .value(QStringLiteral("scopes"))
                                                  .toArray()
                                                  .first()
                                                  .toObject();
                    const QJsonObject used = scope.value(QStringLiteral("used")).toObject();
                    const QJsonObject remaining =
                        simulated.json().value(QStringLiteral("remaining")).toObject();
                    QVERIFY2(remaining.value(QStringLiteral("uses")).toInteger() ==
                                 40 - used.value(QStringLiteral("uses")).toInteger(),
                             qPrintable(context));
                    QVERIFY2(remaining.value(QStringLiteral("total"))
                                     .toObject()
                                     .value(QStringLiteral("amount_minor"))
                                     .toInteger() == 400000 - used.value(QStringLiteral("spent"))
                                                                  .toObject()
                                                                  .value(QStringLiteral("amount_minor"))
                                                                  .toInteger(),
                             qPrintable(context));
                }
            }
            const QString approvalId = field(real, QStringLiteral("approval_id"));
            if (field(real, QStringLiteral("decision")) == QStringLiteral("step_up_required") &&
                !approvalId.isEmpty() && random.bounded(2) == 0) {
                const auto decided =
                    alice->post(QStringLiteral("/v1/approvals/") + approvalId + QStringLiteral("/decisions"),
                                {{QStringLiteral("decision"), QStringLiteral("approve")}});
                QCOMPARE(decided.status, 200);
                retry = request;
                retry.insert(QStringLiteral("approval_id"), approvalId);
            }
        }
        QVERIFY2(allows > 20, qPrintable(QString::number(allows)));
        QVERIFY2(approvedRetries > 0, "no approved retry was exercised");
    }

    void narrowedApprovalLetsOnlyTheNarrowedAmountThrough()
    {
        const auto alice = person(QStringLiteral("alice"));
        const auto agent = payer();
        const QString id = grant(*alice, DemoFixtures::stepUpAbove(20000, QStringLiteral("customer")));
        const QJsonObject full = DemoFixtures::authorizeRequest(id, 45000);
        const auto asked = agent->post(QStringLiteral("/v1/authorize"), full);
        QCOMPARE(field(asked, QStringLiteral("decision")), QStringLiteral("step_up_required"));
        const QString approvalId = field(asked, QStringLiteral("approval_id"));
        const QString path = QStringLiteral("/v1/approvals/") + approvalId + QStringLiteral("/decisions");

        // Not narrower, another currency, or on a deny: refused, and the approval stays pending.
        const auto notNarrower =
            alice->post(path, {{QStringLiteral("decision"), QStringLiteral("approve")},
                               {QStringLiteral("narrowed"),
                                QJsonObject{{QStringLiteral("amount"), DemoFixtures::money(45000)}}}});
        QCOMPARE(notNarrower.status, 400);
        QCOMPARE(notNarrower.json()
                     .value(QStringLiteral("errors"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("field"))
                     .toString(),
                 QStringLiteral("narrowed.amount"));
        QCOMPARE(alice
                     ->post(path, {{QStringLiteral("decision"), QStringLiteral("approve")},
                                   {QStringLiteral("narrowed"),
                                    QJsonObject{{QStringLiteral("amount"),
                                                 DemoFixtures::money(100, QStringLiteral("USD"))}}}})
                     .status,
                 400);

        const auto approved =
            alice->post(path, {{QStringLiteral("decision"), QStringLiteral("approve")},
                               {QStringLiteral("reason"), QStringLiteral("Only the deposit")},
                               {QStringLiteral("narrowed"),
                                QJsonObject{{QStringLiteral("amount"), DemoFixtures::money(30000)}}}});
        QCOMPARE(approved.status, 200);
        QCOMPARE(approved.json()
                     .value(QStringLiteral("decisions"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("narrowed"))
                     .toObject()
                     .value(QStringLiteral("amount"))
                     .toObject()
                     .value(QStringLiteral("amount_minor"))
                     .toInteger(),
                 30000);

        QJsonObject fullRetry = full;
        fullRetry.insert(QStringLiteral("approval_id"), approvalId);
        const auto refused = agent->post(QStringLiteral("/v1/authorize"), fullRetry);
        QCOMPARE(field(refused, QStringLiteral("decision")), QStringLiteral("deny"));
        QCOMPARE(field(refused, QStringLiteral("reason")), QStringLiteral("approval_mismatch"));
        QVERIFY2(field(refused, QStringLiteral("message")).contains(QStringLiteral("EUR 300.00")),
                 qPrintable(field(refused, QStringLiteral("message"))));

        QJsonObject narrowed = DemoFixtures::authorizeRequest(id, 30000);
        narrowed.insert(QStringLiteral("approval_id"), approvalId);
        const auto allowed = agent->post(QStringLiteral("/v1/authorize"), narrowed);
        QCOMPARE(field(allowed, QStringLiteral("decision")), QStringLiteral("allow"));
        QCOMPARE(field(allowed, QStringLiteral("reason")), QStringLiteral("approved"));
        // Once only.
        QCOMPARE(field(agent->post(QStringLiteral("/v1/authorize"), narrowed), QStringLiteral("reason")),
                 QStringLiteral("approval_mismatch"));
    }

    void scheduleFollowsTheLocalClockAcrossDaylightSaving()
    {
        // Friday 23 October 2026, 08:30 in Berlin (summer time, UTC+2).
        m_clock.set(QDateTime(QDate(2026, 10, 23), QTime(6, 30), Qt::UTC));
        const auto customer = person(QStringLiteral("alice"));
        const QString id = grant(*customer, scheduled(officeHours(weekdays())));
        QVERIFY(!id.isEmpty());
        const auto reasonAt = [this, &id](const QDateTime &at) {
            m_clock.set(at);
            const auto agent = payer();
            const QJsonObject request = DemoFixtures::authorizeRequest(id, 100);
            const auto alice = person(QStringLiteral("alice"));
            const QString simulated = field(alice->post(QStringLiteral("/v1/authorize/simulate"), request),
                                            QStringLiteral("reason"));
            const QString real =
                field(agent->post(QStringLiteral("/v1/authorize"), request), QStringLiteral("reason"));
            return simulated == real ? real : QStringLiteral("simulated %1, decided %2").arg(simulated, real);
        };
        QCOMPARE(reasonAt(QDateTime(QDate(2026, 10, 23), QTime(6, 30), Qt::UTC)),
                 QStringLiteral("within_scope"));
        // 07:30 in Berlin that Friday: before hours.
        QCOMPARE(reasonAt(QDateTime(QDate(2026, 10, 23), QTime(5, 30), Qt::UTC)),
                 QStringLiteral("outside_schedule"));
        // Saturday noon.
        QCOMPARE(reasonAt(QDateTime(QDate(2026, 10, 24), QTime(10, 0), Qt::UTC)),
                 QStringLiteral("outside_schedule"));
        // Monday after the change (winter time, UTC+1): 06:30 UTC is 07:30 local, 07:30 UTC is 08:30.
        QCOMPARE(reasonAt(QDateTime(QDate(2026, 10, 26), QTime(6, 30), Qt::UTC)),
                 QStringLiteral("outside_schedule"));
        QCOMPARE(reasonAt(QDateTime(QDate(2026, 10, 26), QTime(7, 30), Qt::UTC)),
                 QStringLiteral("within_scope"));
        // 17:59 local is in, 18:00 is out.
        QCOMPARE(reasonAt(QDateTime(QDate(2026, 10, 26), QTime(16, 59), Qt::UTC)),
                 QStringLiteral("within_scope"));
        QCOMPARE(reasonAt(QDateTime(QDate(2026, 10, 26), QTime(17, 0), Qt::UTC)),
                 QStringLiteral("outside_schedule"));
    }

    void notBeforeHoldsTheDelegationBack()
    {
        const auto alice = person(QStringLiteral("alice"));
        const QString id =
            grant(*alice,
                  {{QStringLiteral("not_before"), m_clock.now().addSecs(3600).toString(Qt::ISODateWithMs)}});
        QVERIFY(!id.isEmpty());
        QCOMPARE(
            field(payer()->post(QStringLiteral("/v1/authorize"), DemoFixtures::authorizeRequest(id, 100)),
                  QStringLiteral("reason")),
            QStringLiteral("outside_schedule"));
        m_clock.advanceSeconds(3600);
        QCOMPARE(
            field(payer()->post(QStringLiteral("/v1/authorize"), DemoFixtures::authorizeRequest(id, 100)),
                  QStringLiteral("reason")),
            QStringLiteral("within_scope"));
        QCOMPARE(person(QStringLiteral("alice"))
                     ->get(QStringLiteral("/v1/delegations/") + id)
                     .json()
                     .value(QStringLiteral("not_before"))
                     .toString()
                     .isEmpty(),
                 false);

        // A start after the end is refused.
        const auto backwards = alice->post(QStringLiteral("/v1/delegations"), [this] {
            QJsonObject body = DemoFixtures::paymentGrant(m_payerId);
            body.insert(QStringLiteral("expires_at"), m_clock.now().addDays(1).toString(Qt::ISODateWithMs));
            body.insert(QStringLiteral("not_before"), m_clock.now().addDays(2).toString(Qt::ISODateWithMs));
            return body;
        }());
        QCOMPARE(backwards.status, 400);
    }

    void subDelegationMayNotWidenASchedule()
    {
        const auto alice = person(QStringLiteral("alice"));
        const QString parent = grant(*alice, scheduled(officeHours(weekdays())));
        QVERIFY(!parent.isEmpty());
        const QString path = QStringLiteral("/v1/delegations/") + parent + QStringLiteral("/subdelegations");
        const auto childWith = [this](const QJsonObject &extra) {
            QJsonObject child = DemoFixtures::paymentGrant(QString(), QStringLiteral("Pay the deposit"));
            child.remove(QStringLiteral("agent_id"));
            child.insert(QStringLiteral("agent_spiffe_id"),
                         QStringLiteral("spiffe://demo.mandate.local/agents/travel-helper"));
            child.insert(QStringLiteral("expires_at"), m_clock.now().addDays(10).toString(Qt::ISODateWithMs));
            for (auto it = extra.begin(); it != extra.end(); ++it)
                child.insert(it.key(), it.value());
            return child;
        };
        const auto agent = payer();
        const auto weekend = agent->post(
            path, childWith(scheduled(officeHours({QStringLiteral("fri"), QStringLiteral("sat")}))));
        QVERIFY2(weekend.status == 422, weekend.body.constData());
        QCOMPARE(weekend.json()
                     .value(QStringLiteral("errors"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("field"))
                     .toString(),
                 QStringLiteral("scopes[0].schedule"));
        QCOMPARE(agent->post(path, childWith({})).status, 422);
        QJsonObject shorter = officeHours({QStringLiteral("mon"), QStringLiteral("tue")});
        shorter.insert(QStringLiteral("to"), QStringLiteral("12:00"));
        QCOMPARE(agent->post(path, childWith(scheduled(shorter))).status, 201);
    }

    // A chain of depth 3 with spending at every level: what the last agent can still move is
    // the least any link has left; a direct grant adds to it; revoked or expired ones never count.
    void authoritySumsAreExactAcrossAChain()
    {
        const auto alice = person(QStringLiteral("alice"));
        const auto payerAgent = payer();
        const auto helperAgent = DemoFixtures::agentClient(url(), QStringLiteral("Travel helper"));
        const auto bookerAgent = DemoFixtures::agentClient(url(), QStringLiteral("Travel booker"));
        QVERIFY(alice && payerAgent && helperAgent && bookerAgent);
        const QString bookerId = DemoFixtures::agentId(*alice, QStringLiteral("Travel booker"));
        const auto sam = person(QStringLiteral("sam"));
        // The demo's own grants to the Travel booker count too: growth is measured from here.
        const QJsonObject before =
            sam->get(QStringLiteral("/v1/agents/") + bookerId + QStringLiteral("/authority")).json();
        const auto capped = [this](qint64 total, const QString &agent) {
            QJsonObject body = DemoFixtures::paymentGrant(QString(), QStringLiteral("Chain link"), 5);
            body.insert(QStringLiteral("expires_at"), m_clock.now().addDays(5).toString(Qt::ISODateWithMs));
            QJsonArray scopes = body.value(QStringLiteral("scopes")).toArray();
            QJsonObject scope = scopes[0].toObject();
            scope.insert(QStringLiteral("max_total"), DemoFixtures::money(total));
            scope.insert(QStringLiteral("max_per_action"), DemoFixtures::money(qMin<qint64>(total, 50000)));
            scopes[0] = scope;
            body.insert(QStringLiteral("scopes"), scopes);
            body.remove(QStringLiteral("agent_id"));
            if (agent.startsWith(QStringLiteral("spiffe:")))
                body.insert(QStringLiteral("agent_spiffe_id"), agent);
            else
                body.insert(QStringLiteral("agent_id"), agent);
            return body;
        };
        const auto created = [](const TestClient::Reply &reply) {
            if (reply.status != 201)
                qWarning() << reply.body;
            return reply.json().value(QStringLiteral("id")).toString();
        };
        const QString d1 = created(alice->post(QStringLiteral("/v1/delegations"), capped(100000, m_payerId)));
        const QString d2 = created(payerAgent->post(
            QStringLiteral("/v1/delegations/") + d1 + QStringLiteral("/subdelegations"),
            capped(60000, QStringLiteral("spiffe://demo.mandate.local/agents/travel-helper"))));
        const QString d3 = created(helperAgent->post(
            QStringLiteral("/v1/delegations/") + d2 + QStringLiteral("/subdelegations"),
            capped(40000, QStringLiteral("spiffe://demo.mandate.local/agents/travel-booker"))));
        QVERIFY2(!d1.isEmpty() && !d2.isEmpty() && !d3.isEmpty(), qPrintable(d1 + u' ' + d2));
        const QString direct =
            created(alice->post(QStringLiteral("/v1/delegations"), capped(30000, bookerId)));
        QJsonObject shortLived = capped(20000, bookerId);
        shortLived.insert(QStringLiteral("expires_at"),
                          m_clock.now().addSecs(60).toString(Qt::ISODateWithMs));
        const QString shortLivedId = created(alice->post(QStringLiteral("/v1/delegations"), shortLived));
        QVERIFY(!shortLivedId.isEmpty());

        const auto pay = [](TestClient &agent, const QString &id, qint64 minor) {
            return agent.post(QStringLiteral("/v1/authorize"), DemoFixtures::authorizeRequest(id, minor))
                .json()
                .value(QStringLiteral("decision"))
                .toString();
        };
        QCOMPARE(pay(*bookerAgent, d3, 15000), QStringLiteral("allow"));
        QCOMPARE(pay(*payerAgent, d1, 50000), QStringLiteral("allow"));
        QCOMPARE(pay(*payerAgent, d1, 20000), QStringLiteral("allow"));
        m_clock.advanceSeconds(61); // the short-lived grant is over

        const auto authority = [&sam, &bookerId] {
            return sam->get(QStringLiteral("/v1/agents/") + bookerId + QStringLiteral("/authority")).json();
        };
        const auto reachOf = [](const QJsonObject &json) {
            for (const QJsonValue &value : json.value(QStringLiteral("reach")).toArray()) {
                const QJsonObject sum = value.toObject();
                if (sum.value(QStringLiteral("resource")) == QStringLiteral("account:acc_1"))
                    return sum.value(QStringLiteral("remaining_total"))
                        .toArray()
                        .first()
                        .toObject()
                        .value(QStringLiteral("amount_minor"))
                        .toInteger();
            }
            return qint64(-1);
        };
        QJsonObject json = authority();
        // The demo's own grants to the Travel booker are there too; ours are these.
        QJsonArray held;
        for (const QJsonValue &value : json.value(QStringLiteral("delegations")).toArray()) {
            const QString heldId = value.toObject().value(QStringLiteral("id")).toString();
            if (heldId == d3 || heldId == direct || heldId == shortLivedId)
                held.append(value);
        }
        QCOMPARE(held.size(), 2);
        // d3: min(400 - 150, 600 - 150, 1000 - 850) = 150; the direct grant adds its 300.
        QCOMPARE(reachOf(json), 15000 + 30000);
        for (const QJsonValue &value : std::as_const(held)) {
            const QJsonObject d = value.toObject();
            const qint64 left = d.value(QStringLiteral("scopes"))
                                    .toArray()
                                    .first()
                                    .toObject()
                                    .value(QStringLiteral("remaining"))
                                    .toObject()
                                    .value(QStringLiteral("total"))
                                    .toObject()
                                    .value(QStringLiteral("amount_minor"))
                                    .toInteger();
            QCOMPARE(d.value(QStringLiteral("depth")).toInt(), d.value(QStringLiteral("id")) == d3 ? 3 : 1);
            QCOMPARE(left, d.value(QStringLiteral("id")) == d3 ? 15000 : 30000);
        }
        const QJsonObject growth = json.value(QStringLiteral("growth")).toObject();
        const QJsonObject grown = before.value(QStringLiteral("growth")).toObject();
        QCOMPARE(growth.value(QStringLiteral("grants_last_30d")).toInt(),
                 grown.value(QStringLiteral("grants_last_30d")).toInt() + 3);
        QCOMPARE(growth.value(QStringLiteral("active_delegations")).toInt(),
                 grown.value(QStringLiteral("active_delegations")).toInt() + 2);
        QVERIFY(growth.value(QStringLiteral("sprawl")).toBool());

        QCOMPARE(alice
                     ->post(QStringLiteral("/v1/delegations/") + direct + QStringLiteral("/revoke"),
                            {{QStringLiteral("reason"), QStringLiteral("Not needed any more")}})
                     .status,
                 200);
        QCOMPARE(reachOf(authority()), 15000);

        // A customer sees her own; another customer nothing; an approver may not ask.
        QVERIFY(alice->get(QStringLiteral("/v1/agents/") + bookerId + QStringLiteral("/authority"))
                    .json()
                    .value(QStringLiteral("delegations"))
                    .toArray()
                    .size() >= 1);
        const auto bob = person(QStringLiteral("bob"));
        QCOMPARE(bob->get(QStringLiteral("/v1/agents/") + bookerId + QStringLiteral("/authority"))
                     .json()
                     .value(QStringLiteral("delegations"))
                     .toArray()
                     .size(),
                 0);
        QCOMPARE(person(QStringLiteral("carol"))
                     ->get(QStringLiteral("/v1/agents/") + bookerId + QStringLiteral("/authority"))
                     .status,
                 403);
        QCOMPARE(sam->get(QStringLiteral("/v1/agents/agt_nobody/authority")).status, 404);
    }

    void cleanupTestCase() { m_server.reset(); }
};

QTEST_GUILESS_MAIN(TstServerSimulate)
#include "tst_ServerSimulate.moc"
