#include "tests/support/DemoFixtures.h"
#include "tests/support/SseClient.h"
#include "tests/support/TestClient.h"
#include "tests/support/TestServer.h"

#include <QFile>
#include <QJsonArray>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <limits>
#include <memory>
#include <vector>

using namespace mandate::test;

// The attacks of docs/THREAT-MODEL.md that need a running server, each as the attacker would try
// it over the wire: a customer holding connections, an agent widening or re-routing what it was
// given, a replayed approval, a raced sign-in throttle, an overflowing total, a suspended agent.
class TstServerAttacks : public QObject
{
    Q_OBJECT

private:
    // Small connection caps so that exhausting them is cheap: streams get at most 12 of the 16.
    TestServer m_server{
        {QStringLiteral("--demo"), QStringLiteral("--max-connections"), QStringLiteral("16")}};
    std::unique_ptr<TestClient> m_alice;
    std::unique_ptr<TestClient> m_sam;
    std::unique_ptr<TestClient> m_payer;  // the Bill payer agent
    std::unique_ptr<TestClient> m_helper; // the Travel helper agent
    QString m_payerId;

    static QJsonObject paymentScope(const QString &resource, std::optional<qint64> perAction,
                                    std::optional<qint64> total = std::nullopt)
    {
        QJsonObject scope{{QStringLiteral("action"), QStringLiteral("payments.initiate")},
                          {QStringLiteral("resource"), resource}};
        if (perAction)
            scope.insert(QStringLiteral("max_per_action"), DemoFixtures::money(*perAction));
        if (total)
            scope.insert(QStringLiteral("max_total"), DemoFixtures::money(*total));
        return scope;
    }

    QString grant(const QJsonArray &scopes, const QJsonObject &extra = {}, const QString &agent = {})
    {
        QJsonObject body = DemoFixtures::paymentGrant(agent.isEmpty() ? m_payerId : agent);
        body.insert(QStringLiteral("scopes"), scopes);
        for (auto it = extra.begin(); it != extra.end(); ++it)
            body.insert(it.key(), it.value());
        const auto reply = m_alice->post(QStringLiteral("/v1/delegations"), body);
        if (reply.status != 201)
            qWarning("grant refused: %s", reply.body.constData());
        return reply.json().value(QStringLiteral("id")).toString();
    }

    static QJsonObject toHelper(const QJsonArray &scopes, const QJsonObject &extra = {})
    {
        QJsonObject body{
            {QStringLiteral("agent_spiffe_id"),
             QStringLiteral("spiffe://demo.mandate.local/agents/travel-helper")},
            {QStringLiteral("purpose"), QStringLiteral("Pay from savings")},
            {QStringLiteral("expires_at"),
             QDateTime::currentDateTimeUtc().addDays(1).toString(Qt::ISODateWithMs)},
            {QStringLiteral("scopes"), scopes},
            {QStringLiteral("revoke_on"), QJsonObject{{QStringLiteral("task_complete"), true}}},
        };
        for (auto it = extra.begin(); it != extra.end(); ++it)
            body.insert(it.key(), it.value());
        return body;
    }

    static QJsonObject request(const QString &delegationId, const QString &resource, qint64 amount)
    {
        QJsonObject body = DemoFixtures::authorizeRequest(delegationId, amount);
        body.insert(QStringLiteral("resource"), resource);
        body.remove(QStringLiteral("destination"));
        return body;
    }

    static QString reason(const TestClient::Reply &reply)
    {
        return reply.json().value(QStringLiteral("reason")).toString();
    }

    QByteArray rawExchange(const QByteArray &bytes)
    {
        const QUrl url(m_server.url());
        QTcpSocket socket;
        socket.connectToHost(url.host(), static_cast<quint16>(url.port()));
        if (!socket.waitForConnected(5000))
            return {};
        socket.write(bytes);
        QByteArray answer;
        QElapsedTimer timer;
        timer.start();
        while (!answer.contains("\r\n\r\n") && timer.elapsed() < 5000) {
            socket.waitForReadyRead(200);
            answer += socket.readAll();
        }
        return answer;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        m_alice = DemoFixtures::person(m_server.url(), QStringLiteral("alice"));
        m_sam = DemoFixtures::person(m_server.url(), QStringLiteral("sam"));
        QVERIFY(m_alice && m_sam);
        m_payerId = DemoFixtures::agentId(*m_alice, QStringLiteral("Bill payer"));
        m_payer = DemoFixtures::agentClient(m_server.url(), QStringLiteral("Bill payer"));
        m_helper = DemoFixtures::agentClient(m_server.url(), QStringLiteral("Travel helper"));
        QVERIFY(m_payer && m_helper);
    }

    // Finding 1: EUR 1.00 a payment from savings, EUR 10,000 from any account. The agent may not
    // pay EUR 5,000 from savings, so it may not give anyone the right to either.
    void aSubDelegationCannotLiftItsParentsPerPaymentLimit()
    {
        const QString id = grant({paymentScope(QStringLiteral("account:acc_savings"), 100),
                                  paymentScope(QStringLiteral("account:*"), 1000000)});
        QVERIFY(!id.isEmpty());
        QCOMPARE(reason(m_payer->post(QStringLiteral("/v1/authorize"),
                                      request(id, QStringLiteral("account:acc_savings"), 500000))),
                 QStringLiteral("per_action_limit_exceeded"));
        const QString path = QStringLiteral("/v1/delegations/") + id + QStringLiteral("/subdelegations");
        const auto refused =
            m_payer->post(path, toHelper({paymentScope(QStringLiteral("account:acc_savings"), 500000)}));
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.errorFields(), QStringList{QStringLiteral("scopes[0].max_per_action.amount_minor")});

        // What the agent may pay from its other accounts it may hand on, and the helper is still
        // held to every limit above it.
        const auto created =
            m_payer->post(path, toHelper({paymentScope(QStringLiteral("account:acc_main"), 500000)}));
        QVERIFY2(created.status == 201, created.body.constData());
        const QString child = created.json().value(QStringLiteral("id")).toString();
        QCOMPARE(reason(m_helper->post(QStringLiteral("/v1/authorize"),
                                       request(child, QStringLiteral("account:acc_main"), 500000))),
                 QStringLiteral("within_scope"));
        QCOMPARE(reason(m_helper->post(QStringLiteral("/v1/authorize"),
                                       request(child, QStringLiteral("account:acc_savings"), 50))),
                 QStringLiteral("resource_not_in_scope"));
    }

    // Finding 3: a step-up given for confidential data does not cover restricted data.
    void anApprovalCoversOnlyTheSensitivityItWasGivenFor()
    {
        const QString id =
            grant({paymentScope(QStringLiteral("account:acc_1"), 50000)},
                  {{QStringLiteral("step_up"),
                    QJsonObject{{QStringLiteral("sensitivity_at_or_above"), QStringLiteral("confidential")},
                                {QStringLiteral("approver"), QStringLiteral("customer")}}}});
        QJsonObject ask = request(id, QStringLiteral("account:acc_1"), 1000);
        ask.insert(QStringLiteral("sensitivity"), QStringLiteral("confidential"));
        const auto first = m_payer->post(QStringLiteral("/v1/authorize"), ask);
        QCOMPARE(reason(first), QStringLiteral("sensitivity_step_up"));
        const QString approvalId = first.json().value(QStringLiteral("approval_id")).toString();
        QCOMPARE(m_alice
                     ->post(QStringLiteral("/v1/approvals/") + approvalId + QStringLiteral("/decisions"),
                            {{QStringLiteral("decision"), QStringLiteral("approve")}})
                     .status,
                 200);

        QJsonObject riskier = ask;
        riskier.insert(QStringLiteral("sensitivity"), QStringLiteral("restricted"));
        riskier.insert(QStringLiteral("approval_id"), approvalId);
        const auto replayed = m_payer->post(QStringLiteral("/v1/authorize"), riskier);
        QCOMPARE(replayed.json().value(QStringLiteral("decision")).toString(), QStringLiteral("deny"));
        QCOMPARE(reason(replayed), QStringLiteral("approval_mismatch"));
        QVERIFY(replayed.json()
                    .value(QStringLiteral("message"))
                    .toString()
                    .contains(QStringLiteral("sensitivity")));

        ask.insert(QStringLiteral("approval_id"), approvalId);
        QCOMPARE(reason(m_payer->post(QStringLiteral("/v1/authorize"), ask)), QStringLiteral("approved"));
    }

    // Finding 4: who confirms a step-up is part of what the customer granted.
    void aSubDelegationCannotTakeTheCustomerOutOfTheLoop()
    {
        const QString id = grant({paymentScope(QStringLiteral("account:acc_1"), 50000)},
                                 DemoFixtures::stepUpAbove(20000, QStringLiteral("customer")));
        const QJsonObject stepUp{{QStringLiteral("above"), DemoFixtures::money(20000)},
                                 {QStringLiteral("approver"), QStringLiteral("approver")}};
        const auto refused =
            m_payer->post(QStringLiteral("/v1/delegations/") + id + QStringLiteral("/subdelegations"),
                          toHelper({paymentScope(QStringLiteral("account:acc_1"), 50000)},
                                   {{QStringLiteral("step_up"), stepUp}}));
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.errorFields(), QStringList{QStringLiteral("step_up.approver")});
    }

    // Finding 7: two totals near the int64 limit; the second allow would overflow the
    // delegation-wide spent total. A denial with a reason, never a 500.
    void anOverflowingTotalIsADenialNotAServerError()
    {
        const qint64 huge = std::numeric_limits<qint64>::max() - 10;
        const QString id = grant({paymentScope(QStringLiteral("account:acc_a"), std::nullopt, huge),
                                  paymentScope(QStringLiteral("account:acc_b"), std::nullopt, huge)});
        QVERIFY(!id.isEmpty());
        const qint64 amount = std::numeric_limits<qint64>::max() / 4 * 3;
        QCOMPARE(reason(m_payer->post(QStringLiteral("/v1/authorize"),
                                      request(id, QStringLiteral("account:acc_a"), amount))),
                 QStringLiteral("within_scope"));
        const auto second = m_payer->post(QStringLiteral("/v1/authorize"),
                                          request(id, QStringLiteral("account:acc_b"), amount));
        QCOMPARE(second.status, 200);
        QCOMPARE(second.json().value(QStringLiteral("decision")).toString(), QStringLiteral("deny"));
        QCOMPARE(reason(second), QStringLiteral("total_limit_exceeded"));
        // The refused amount was not recorded anywhere.
        const QJsonObject usage = m_alice->get(QStringLiteral("/v1/delegations/") + id)
                                      .json()
                                      .value(QStringLiteral("usage"))
                                      .toObject();
        QCOMPARE(usage.value(QStringLiteral("uses")).toInteger(), 1);
    }

    // Finding 6: sixty wrong passwords at once for one person from one address. Each attempt is
    // counted before its password is checked, so only the first five are tried.
    void parallelGuessesCannotRaceTheThrottle()
    {
        QList<TestClient::Call> calls;
        for (int i = 0; i < 60; ++i)
            calls.append({QString(),
                          "POST",
                          QStringLiteral("/v1/sessions"),
                          {{QStringLiteral("username"), QStringLiteral("dave")},
                           {QStringLiteral("password"), QStringLiteral("guess-%1").arg(i)}}});
        const auto replies = TestClient::sendConcurrently(m_server.url(), calls, 12);
        int tried = 0;
        int throttled = 0;
        for (const auto &reply : replies) {
            tried += reply.status == 401;
            throttled += reply.status == 429;
        }
        QCOMPARE(tried, 5);
        QCOMPARE(throttled, 55);
    }

    // Finding 8: a suspended agent's old credential cannot complete a revoked delegation, and
    // completing never writes an event into a delegation that is no longer active.
    void aSuspendedAgentCannotCompleteARevokedDelegation()
    {
        const QString exporterId = DemoFixtures::agentId(*m_alice, QStringLiteral("CRM exporter"));
        auto exporter = DemoFixtures::agentClient(m_server.url(), QStringLiteral("CRM exporter"));
        QVERIFY(exporter);
        const QString id = grant({paymentScope(QStringLiteral("account:acc_1"), 100)}, {}, exporterId);
        QVERIFY(!id.isEmpty());
        const QString complete = QStringLiteral("/v1/delegations/") + id + QStringLiteral("/complete");
        QCOMPARE(m_alice
                     ->post(QStringLiteral("/v1/delegations/") + id + QStringLiteral("/revoke"),
                            {{QStringLiteral("reason"), QStringLiteral("Changed my mind")}})
                     .status,
                 200);
        QCOMPARE(exporter->post(complete, {}).status, 409);
        QCOMPARE(m_sam
                     ->post(QStringLiteral("/v1/agents/") + exporterId + QStringLiteral("/suspend"),
                            {{QStringLiteral("reason"), QStringLiteral("Leaked credential")}})
                     .status,
                 200);
        QCOMPARE(exporter->post(complete, {}).status, 403);
        QCOMPARE(exporter->post(complete, {}).status, 403);
        const auto trail =
            m_sam->get(QStringLiteral("/v1/audit?type=delegation.completed&delegation_id=") + id).json();
        QCOMPARE(trail.value(QStringLiteral("items")).toArray().size(), 0);
    }

    // RFC 9112 §5.1 and §2.3: whitespace before the colon, and a version this server does not speak.
    void malformedRequestsAreRefused()
    {
        QVERIFY(rawExchange("POST /v1/sessions HTTP/1.1\r\nHost: x\r\nContent-Length : 2\r\n\r\n{}")
                    .startsWith("HTTP/1.1 400"));
        QVERIFY(rawExchange("GET /healthz HTTP/9.9\r\nHost: x\r\n\r\n").startsWith("HTTP/1.1 400"));
        QVERIFY(rawExchange("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n").startsWith("HTTP/1.1 200"));
    }

    // Finding 2: one person opening streams until the server refuses. Each session gets four,
    // each person eight, and the rest of the server stays reachable throughout; signing out ends
    // the session's streams at once.
    void onePersonCannotTakeTheServerDown()
    {
        std::vector<std::unique_ptr<TestClient>> sessions;
        std::vector<std::unique_ptr<SseClient>> streams;
        for (int s = 0; s < 3; ++s) {
            sessions.push_back(DemoFixtures::person(m_server.url(), QStringLiteral("bob")));
            QVERIFY(sessions.back());
            for (int i = 0; i < 5; ++i) {
                streams.push_back(std::make_unique<SseClient>(m_server.url(), sessions.back()->token()));
                SseClient &stream = *streams.back();
                QVERIFY(stream.waitFor([&stream] { return stream.status() != 0; }));
            }
        }
        QList<int> statuses;
        for (const auto &stream : streams)
            statuses.append(stream->status());
        // Session 1: four streams, the fifth refused; session 2: the same; session 3: bob's eight are used
        // up.
        QCOMPARE(statuses,
                 (QList<int>{200, 200, 200, 200, 429, 200, 200, 200, 200, 429, 429, 429, 429, 429, 429}));

        TestClient anyone(m_server.url());
        QCOMPARE(anyone.get(QStringLiteral("/healthz")).status, 200);
        auto carol = DemoFixtures::person(m_server.url(), QStringLiteral("carol"));
        QVERIFY(carol);
        const QString id = grant({paymentScope(QStringLiteral("account:acc_1"), 50000)});
        QCOMPARE(reason(m_payer->post(QStringLiteral("/v1/authorize"),
                                      request(id, QStringLiteral("account:acc_1"), 100))),
                 QStringLiteral("within_scope"));

        // Signing out ends that session's streams now, not when the client gives up.
        QCOMPARE(sessions.front()->del(QStringLiteral("/v1/sessions/current")).status, 204);
        for (int i = 0; i < 4; ++i) {
            SseClient &stream = *streams.at(static_cast<std::size_t>(i));
            QVERIFY2(stream.waitFor([&stream] { return stream.isFinished(); }, 3000),
                     qPrintable(QString::number(i)));
        }
        SseClient &other = *streams.at(5);
        QVERIFY(!other.isFinished());
        // The freed room is bob's again.
        SseClient again(m_server.url(), sessions.at(1)->token());
        QVERIFY(again.waitFor([&again] { return again.status() != 0; }));
        QCOMPARE(again.status(), 429); // session 2 still holds its four
        SseClient third(m_server.url(), sessions.at(2)->token());
        QVERIFY(third.waitFor([&third] { return third.status() != 0; }));
        QCOMPARE(third.status(), 200);
    }

    // Finding 5: a stream ends when its session expires.
    void aStreamEndsWithItsSession()
    {
        TestServer shortSessions{
            {QStringLiteral("--demo"), QStringLiteral("--session-ttl"), QStringLiteral("2")}};
        QString error;
        QVERIFY2(shortSessions.start(&error), qPrintable(error));
        auto bob = DemoFixtures::person(shortSessions.url(), QStringLiteral("bob"));
        QVERIFY(bob);
        SseClient stream(shortSessions.url(), bob->token());
        QVERIFY(stream.waitFor([&stream] { return stream.status() == 200; }));
        QVERIFY(!stream.isFinished());
        QVERIFY(stream.waitFor([&stream] { return stream.isFinished(); }, 5000));
    }

    // /metrics is the operator's: on this machine without a token, or with the scrape token.
    void metricsNeedTheScrapeToken()
    {
        TestClient local(m_server.url());
        QCOMPARE(local.get(QStringLiteral("/metrics")).status, 200);

        QTemporaryDir dir;
        QFile tokenFile(dir.filePath(QStringLiteral("metrics-token")));
        QVERIFY(tokenFile.open(QIODevice::WriteOnly));
        tokenFile.write("scrape-token-0123456789abcdef\n");
        tokenFile.close();
        TestServer guarded{{QStringLiteral("--metrics-token"), tokenFile.fileName()}};
        QString error;
        QVERIFY2(guarded.start(&error), qPrintable(error));
        TestClient scraper(guarded.url());
        const auto anonymous = scraper.get(QStringLiteral("/metrics"));
        QCOMPARE(anonymous.status, 401);
        QCOMPARE(anonymous.header("www-authenticate"), QByteArray("Bearer"));
        scraper.setToken(QStringLiteral("scrape-token-0123456789abcdeX"));
        QCOMPARE(scraper.get(QStringLiteral("/metrics")).status, 401);
        scraper.setToken(QStringLiteral("scrape-token-0123456789abcdef"));
        const auto scraped = scraper.get(QStringLiteral("/metrics"));
        QCOMPARE(scraped.status, 200);
        QVERIFY(scraped.body.contains("mandate_"));

        tokenFile.resize(0);
        QVERIFY(tokenFile.open(QIODevice::WriteOnly));
        tokenFile.write("short");
        tokenFile.close();
        TestServer weak{{QStringLiteral("--metrics-token"), tokenFile.fileName()}};
        QVERIFY2(!weak.start(&error), "a guessable scrape token is refused at start");
    }

    // Connections from one address are capped: three slow requests in flight hold the address's
    // share, and a fourth connection is refused while they last.
    void connectionsPerAddressAreCapped()
    {
        TestServer capped{
            {QStringLiteral("--demo"), QStringLiteral("--max-connections-per-address"), QStringLiteral("3")}};
        QString error;
        QVERIFY2(capped.start(&error), qPrintable(error));
        const QUrl url(capped.url());
        std::vector<std::unique_ptr<QTcpSocket>> held;
        for (int i = 0; i < 3; ++i) {
            held.push_back(std::make_unique<QTcpSocket>());
            held.back()->connectToHost(url.host(), static_cast<quint16>(url.port()));
            QVERIFY(held.back()->waitForConnected(5000));
            held.back()->write("GET /healthz HTTP/1.1\r\nHost: x\r\n");
            QVERIFY(held.back()->waitForBytesWritten(5000));
        }
        QTest::qWait(200);
        QTcpSocket extra;
        extra.connectToHost(url.host(), static_cast<quint16>(url.port()));
        QVERIFY(extra.waitForConnected(5000));
        extra.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
        QByteArray answer;
        for (int i = 0; i < 25 && !answer.contains("\r\n\r\n"); ++i) {
            extra.waitForReadyRead(200);
            answer += extra.readAll();
        }
        QVERIFY2(answer.startsWith("HTTP/1.1 429"), answer.left(200).constData());
    }
};

QTEST_GUILESS_MAIN(TstServerAttacks)
#include "tst_ServerAttacks.moc"
