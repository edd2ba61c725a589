#include "tests/support/DemoFixtures.h"
#include "tests/support/TestClient.h"
#include "tests/support/TestServer.h"

#include <QTest>

using mandate::test::DemoFixtures;
using mandate::test::TestClient;
using mandate::test::TestServer;

// Every role against every route, on its own objects and on someone else's: the answer is the
// one the Roles table and the 404-versus-403 rule of API.md give.
class TstServerAccessMatrix : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    QHash<QString, std::shared_ptr<TestClient>> m_clients; // by username; "anonymous" has no token
    QString m_aliceId;
    QString m_payer;
    int m_counter = 0;

    TestClient &as(const QString &who) { return *m_clients[who]; }

    QString aliceDelegation()
    {
        return as(QStringLiteral("alice"))
            .post(QStringLiteral("/v1/delegations"), DemoFixtures::paymentGrant(m_payer))
            .json()
            .value(QStringLiteral("id"))
            .toString();
    }

    QString freshAgent()
    {
        return as(QStringLiteral("ada"))
            .post(QStringLiteral("/v1/agents"),
                  {{QStringLiteral("spiffe_id"),
                    QStringLiteral("spiffe://demo.mandate.local/matrix/%1").arg(++m_counter)},
                   {QStringLiteral("name"), QStringLiteral("Matrix agent")},
                   {QStringLiteral("description"), QString()}})
            .json()
            .value(QStringLiteral("id"))
            .toString();
    }

    TestClient::Reply call(const QString &route, const QString &who)
    {
        TestClient &client = as(who);
        const QJsonObject reason{{QStringLiteral("reason"), QStringLiteral("access matrix")}};
        if (route == QStringLiteral("get own delegation"))
            return client.get(QStringLiteral("/v1/delegations/") + aliceDelegation());
        if (route == QStringLiteral("revoke alice's delegation"))
            return client.post(
                QStringLiteral("/v1/delegations/") + aliceDelegation() + QStringLiteral("/revoke"), reason);
        if (route == QStringLiteral("grant"))
            return client.post(QStringLiteral("/v1/delegations"), DemoFixtures::paymentGrant(m_payer));
        if (route == QStringLiteral("list delegations"))
            return client.get(QStringLiteral("/v1/delegations"));
        if (route == QStringLiteral("list agents"))
            return client.get(QStringLiteral("/v1/agents"));
        if (route == QStringLiteral("get agent"))
            return client.get(QStringLiteral("/v1/agents/") + m_payer);
        if (route == QStringLiteral("register agent"))
            return client.post(QStringLiteral("/v1/agents"),
                               {{QStringLiteral("spiffe_id"),
                                 QStringLiteral("spiffe://demo.mandate.local/reg/%1").arg(++m_counter)},
                                {QStringLiteral("name"), QStringLiteral("R")},
                                {QStringLiteral("description"), QString()}});
        if (route == QStringLiteral("suspend agent"))
            return client.post(QStringLiteral("/v1/agents/") + freshAgent() + QStringLiteral("/suspend"),
                               reason);
        if (route == QStringLiteral("revoke all of alice"))
            return client.post(QStringLiteral("/v1/customers/") + m_aliceId + QStringLiteral("/revoke-all"),
                               reason);
        if (route == QStringLiteral("read audit"))
            return client.get(QStringLiteral("/v1/audit"));
        if (route == QStringLiteral("list sign-in throttles"))
            return client.get(QStringLiteral("/v1/sign-in/throttles"));
        if (route == QStringLiteral("verify audit"))
            return client.get(QStringLiteral("/v1/audit/verify"));
        if (route == QStringLiteral("export audit"))
            return client.get(QStringLiteral("/v1/audit/export?format=jsonl"));
        if (route == QStringLiteral("me"))
            return client.get(QStringLiteral("/v1/me"));
        if (route == QStringLiteral("health"))
            return client.get(QStringLiteral("/healthz"));
        if (route == QStringLiteral("ready"))
            return client.get(QStringLiteral("/readyz"));
        if (route == QStringLiteral("metrics"))
            return client.get(QStringLiteral("/metrics"));
        if (route == QStringLiteral("list actions"))
            return client.get(QStringLiteral("/v1/actions"));
        if (route == QStringLiteral("register action"))
            return client.post(QStringLiteral("/v1/actions"),
                               {{QStringLiteral("name"), QStringLiteral("crm.merge")},
                                {QStringLiteral("label"), QStringLiteral("Merge")}});
        if (route == QStringLiteral("read org policy"))
            return client.get(QStringLiteral("/v1/policy"));
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        for (const QString &who :
             {QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol"), QStringLiteral("sam"),
              QStringLiteral("ada"), QStringLiteral("anonymous")}) {
            auto client = std::make_shared<TestClient>(m_server.url());
            if (who != QStringLiteral("anonymous"))
                QVERIFY(client->signIn(who));
            m_clients.insert(who, client);
        }
        m_aliceId = DemoFixtures::userId(as(QStringLiteral("alice")));
        m_payer = DemoFixtures::agentId(as(QStringLiteral("alice")), QStringLiteral("Bill payer"));
    }

    void matrix_data()
    {
        QTest::addColumn<QString>("route");
        QTest::addColumn<QString>("who");
        QTest::addColumn<int>("expected");
        const QStringList people{QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol"),
                                 QStringLiteral("sam"),   QStringLiteral("ada"), QStringLiteral("anonymous")};
        // Expected status for alice, bob, carol, sam, ada, anonymous.
        const QList<std::pair<QString, QList<int>>> table{
            {QStringLiteral("get own delegation"), {200, 404, 404, 200, 200, 401}},
            {QStringLiteral("revoke alice's delegation"), {200, 404, 404, 200, 200, 401}},
            {QStringLiteral("grant"), {201, 201, 403, 403, 403, 401}},
            {QStringLiteral("list delegations"), {200, 200, 200, 200, 200, 401}},
            {QStringLiteral("list agents"), {200, 200, 200, 200, 200, 401}},
            {QStringLiteral("get agent"), {200, 200, 200, 200, 200, 401}},
            {QStringLiteral("register agent"), {403, 403, 403, 403, 201, 401}},
            {QStringLiteral("suspend agent"), {403, 403, 403, 200, 200, 401}},
            {QStringLiteral("revoke all of alice"), {403, 403, 403, 200, 200, 401}},
            {QStringLiteral("read audit"), {200, 200, 403, 200, 200, 401}},
            {QStringLiteral("verify audit"), {403, 403, 403, 200, 200, 401}},
            {QStringLiteral("list sign-in throttles"), {403, 403, 403, 403, 200, 401}},
            {QStringLiteral("export audit"), {200, 200, 403, 200, 200, 401}},
            {QStringLiteral("me"), {200, 200, 200, 200, 200, 401}},
            {QStringLiteral("health"), {200, 200, 200, 200, 200, 200}},
            {QStringLiteral("ready"), {200, 200, 200, 200, 200, 200}},
            {QStringLiteral("metrics"), {200, 200, 200, 200, 200, 200}},
            {QStringLiteral("list actions"), {200, 200, 200, 200, 200, 401}},
            {QStringLiteral("register action"), {403, 403, 403, 403, 201, 401}},
            {QStringLiteral("read org policy"), {200, 200, 200, 200, 200, 401}},
        };
        for (const auto &[route, statuses] : table) {
            for (qsizetype i = 0; i < people.size(); ++i)
                QTest::addRow("%s as %s", qPrintable(route), qPrintable(people[i]))
                    << route << people[i] << statuses[i];
        }
    }

    void matrix()
    {
        QFETCH(QString, route);
        QFETCH(QString, who);
        QFETCH(int, expected);
        const auto reply = call(route, who);
        QVERIFY2(reply.status == expected, qPrintable(QStringLiteral("%1 as %2: got %3, expected %4: %5")
                                                          .arg(route, who)
                                                          .arg(reply.status)
                                                          .arg(expected)
                                                          .arg(QString::fromUtf8(reply.body.left(300)))));
        if (expected >= 400)
            QCOMPARE(reply.header("Content-Type"), QByteArray("application/problem+json"));
    }

    void unknownRoutesAndMethodsAreProblems()
    {
        const auto missing = as(QStringLiteral("anonymous")).get(QStringLiteral("/v1/nothing-here"));
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.header("Content-Type"), QByteArray("application/problem+json"));
        const auto wrongMethod = as(QStringLiteral("alice")).send("PUT", QStringLiteral("/v1/delegations"));
        QCOMPARE(wrongMethod.status, 405);
        QCOMPARE(wrongMethod.header("Allow"), QByteArray("POST, GET"));
        QCOMPARE(wrongMethod.header("Content-Type"), QByteArray("application/problem+json"));
    }
};

QTEST_GUILESS_MAIN(TstServerAccessMatrix)
#include "tst_ServerAccessMatrix.moc"
