#include "tests/support/DemoFixtures.h"
#include "tests/support/TestClient.h"
#include "tests/support/TestServer.h"

#include <QTest>

using mandate::test::DemoFixtures;
using mandate::test::TestClient;
using mandate::test::TestServer;

class TstServerAgents : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;

    QJsonObject agentBody(const QString &spiffeId, const QString &name = QStringLiteral("Expense filer"))
    {
        return {{QStringLiteral("spiffe_id"), spiffeId},
                {QStringLiteral("name"), name},
                {QStringLiteral("description"), QStringLiteral("Files expense reports.")}};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
    }

    void everyoneSignedInSeesTheRegistry()
    {
        TestClient alice(m_server.url());
        QVERIFY(alice.signIn(QStringLiteral("alice")));
        const auto reply = alice.get(QStringLiteral("/v1/agents"));
        QCOMPARE(reply.status, 200);
        const QJsonArray items = reply.json().value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 4);
        QStringList names;
        for (const QJsonValue &item : items) {
            names.append(item.toObject().value(QStringLiteral("name")).toString());
            QVERIFY(item.toObject()
                        .value(QStringLiteral("spiffe_id"))
                        .toString()
                        .startsWith(QStringLiteral("spiffe://demo.mandate.local/")));
        }
        QVERIFY(names.contains(QStringLiteral("Travel booker")));
        QVERIFY(names.contains(QStringLiteral("CRM exporter")));
        QVERIFY(reply.json().value(QStringLiteral("next_cursor")).isNull());
    }

    void pagesWithCursor()
    {
        TestClient sam(m_server.url());
        QVERIFY(sam.signIn(QStringLiteral("sam")));
        QStringList seen;
        QString cursor;
        do {
            const auto page = sam.get(QStringLiteral("/v1/agents?limit=1") +
                                      (cursor.isEmpty() ? QString() : QStringLiteral("&cursor=") + cursor));
            QCOMPARE(page.status, 200);
            const QJsonArray items = page.json().value(QStringLiteral("items")).toArray();
            QVERIFY(items.size() <= 1);
            for (const QJsonValue &item : items)
                seen.append(item.toObject().value(QStringLiteral("id")).toString());
            cursor = page.json().value(QStringLiteral("next_cursor")).toString();
        } while (!cursor.isEmpty());
        QCOMPARE(seen.size(), 4);
        QCOMPARE(QSet<QString>(seen.begin(), seen.end()).size(), 4);
        QCOMPARE(sam.get(QStringLiteral("/v1/agents?cursor=garbage!")).status, 400);
        QCOMPARE(sam.get(QStringLiteral("/v1/agents?limit=0")).status, 400);
        QCOMPARE(sam.get(QStringLiteral("/v1/agents?limit=501")).status, 400);
    }

    void adminRegistersAgents()
    {
        TestClient ada(m_server.url());
        QVERIFY(ada.signIn(QStringLiteral("ada")));
        const auto created =
            ada.post(QStringLiteral("/v1/agents"),
                     agentBody(QStringLiteral("spiffe://demo.mandate.local/agents/expenses")));
        QCOMPARE(created.status, 201);
        const QString id = created.json().value(QStringLiteral("id")).toString();
        QVERIFY(id.startsWith(QStringLiteral("agt_")));
        QCOMPARE(created.json().value(QStringLiteral("status")).toString(), QStringLiteral("active"));
        QCOMPARE(ada.get(QStringLiteral("/v1/agents/") + id).json(), created.json());

        const auto duplicate =
            ada.post(QStringLiteral("/v1/agents"),
                     agentBody(QStringLiteral("spiffe://demo.mandate.local/agents/expenses")));
        QCOMPARE(duplicate.status, 409);
        QCOMPARE(duplicate.problemKind(), QStringLiteral("conflict"));
    }

    void spiffeIdsAreValidated_data()
    {
        QTest::addColumn<QString>("spiffeId");
        QTest::newRow("http scheme") << QStringLiteral("http://demo.mandate.local/a");
        QTest::newRow("uppercase domain") << QStringLiteral("spiffe://Demo.local/a");
        QTest::newRow("port") << QStringLiteral("spiffe://demo.local:8443/a");
        QTest::newRow("dot segment") << QStringLiteral("spiffe://demo.local/a/../b");
        QTest::newRow("percent") << QStringLiteral("spiffe://demo.local/a%20b");
        QTest::newRow("query") << QStringLiteral("spiffe://demo.local/a?x=1");
    }

    void spiffeIdsAreValidated()
    {
        QFETCH(QString, spiffeId);
        TestClient ada(m_server.url());
        QVERIFY(ada.signIn(QStringLiteral("ada")));
        const auto reply = ada.post(QStringLiteral("/v1/agents"), agentBody(spiffeId));
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.errorFields(), QStringList{QStringLiteral("spiffe_id")});
    }

    void onlyAdminsRegister()
    {
        for (const QString &user :
             {QStringLiteral("alice"), QStringLiteral("carol"), QStringLiteral("sam")}) {
            TestClient client(m_server.url());
            QVERIFY(client.signIn(user));
            const auto reply =
                client.post(QStringLiteral("/v1/agents"),
                            agentBody(QStringLiteral("spiffe://demo.mandate.local/agents/x-") + user));
            QCOMPARE(reply.status, 403);
        }
    }

    void suspendRevokesEveryActiveDelegationOfTheAgent()
    {
        TestClient alice(m_server.url());
        QVERIFY(alice.signIn(QStringLiteral("alice")));
        const QString booker = DemoFixtures::agentId(alice, QStringLiteral("Travel booker"));
        QCOMPARE(alice.post(QStringLiteral("/v1/delegations"), DemoFixtures::paymentGrant(booker)).status,
                 201);
        const auto before = alice.get(QStringLiteral("/v1/delegations?status=active&agent_id=") + booker);
        const qsizetype activeBefore = before.json().value(QStringLiteral("items")).toArray().size();
        QVERIFY(activeBefore >= 2);

        // Customers see agents but cannot pull the kill switch.
        QCOMPARE(alice
                     .post(QStringLiteral("/v1/agents/") + booker + QStringLiteral("/suspend"),
                           {{QStringLiteral("reason"), QStringLiteral("looks odd")}})
                     .status,
                 403);

        TestClient sam(m_server.url());
        QVERIFY(sam.signIn(QStringLiteral("sam")));
        const auto suspended =
            sam.post(QStringLiteral("/v1/agents/") + booker + QStringLiteral("/suspend"),
                     {{QStringLiteral("reason"), QStringLiteral("Compromised signing key")}});
        QCOMPARE(suspended.status, 200);
        QCOMPARE(suspended.json()
                     .value(QStringLiteral("agent"))
                     .toObject()
                     .value(QStringLiteral("status"))
                     .toString(),
                 QStringLiteral("suspended"));
        QCOMPARE(suspended.json().value(QStringLiteral("revoked_delegations")).toInteger(), activeBefore);
        const auto after = alice.get(QStringLiteral("/v1/delegations?status=active&agent_id=") + booker);
        QCOMPARE(after.json().value(QStringLiteral("items")).toArray().size(), 0);

        // Suspending again is harmless and revokes nothing more.
        const auto again = sam.post(QStringLiteral("/v1/agents/") + booker + QStringLiteral("/suspend"),
                                    {{QStringLiteral("reason"), QStringLiteral("Compromised signing key")}});
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json().value(QStringLiteral("revoked_delegations")).toInteger(), 0);

        // A suspended agent cannot receive new delegations.
        const auto grant = alice.post(QStringLiteral("/v1/delegations"), DemoFixtures::paymentGrant(booker));
        QCOMPARE(grant.status, 400);
        QCOMPARE(grant.errorFields(), QStringList{QStringLiteral("agent_id")});
    }

    void suspendNeedsAReasonAndAnAgent()
    {
        TestClient sam(m_server.url());
        QVERIFY(sam.signIn(QStringLiteral("sam")));
        QCOMPARE(sam.post(QStringLiteral("/v1/agents/agt_missing/suspend"),
                          {{QStringLiteral("reason"), QStringLiteral("x")}})
                     .status,
                 404);
        const QString payer = DemoFixtures::agentId(sam, QStringLiteral("Bill payer"));
        const auto noReason =
            sam.post(QStringLiteral("/v1/agents/") + payer + QStringLiteral("/suspend"), {});
        QCOMPARE(noReason.status, 400);
        QCOMPARE(noReason.errorFields(), QStringList{QStringLiteral("reason")});
    }
};

QTEST_GUILESS_MAIN(TstServerAgents)
#include "tst_ServerAgents.moc"
