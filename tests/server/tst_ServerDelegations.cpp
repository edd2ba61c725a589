#include "tests/support/DemoFixtures.h"
#include "tests/support/TestClient.h"
#include "tests/support/TestServer.h"

#include <QTest>

using mandate::test::DemoFixtures;
using mandate::test::TestClient;
using mandate::test::TestServer;

class TstServerDelegations : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    std::unique_ptr<TestClient> m_alice;
    std::unique_ptr<TestClient> m_bob;
    std::unique_ptr<TestClient> m_sam;
    std::unique_ptr<TestClient> m_carol;

    QJsonArray items(const TestClient::Reply &reply)
    {
        return reply.json().value(QStringLiteral("items")).toArray();
    }

    QString grant(TestClient &client, const QString &agentName, const QString &purpose)
    {
        const auto reply =
            client.post(QStringLiteral("/v1/delegations"),
                        DemoFixtures::paymentGrant(DemoFixtures::agentId(client, agentName), purpose));
        return reply.status == 201 ? reply.json().value(QStringLiteral("id")).toString() : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        m_alice = DemoFixtures::person(m_server.url(), QStringLiteral("alice"));
        QVERIFY(m_alice);
        m_bob = DemoFixtures::person(m_server.url(), QStringLiteral("bob"));
        QVERIFY(m_bob);
        m_sam = DemoFixtures::person(m_server.url(), QStringLiteral("sam"));
        QVERIFY(m_sam);
        m_carol = DemoFixtures::person(m_server.url(), QStringLiteral("carol"));
        QVERIFY(m_carol);
    }

    void listSortsOnTheServerAndPagesInThatOrder()
    {
        auto bob = DemoFixtures::person(m_server.url(), QStringLiteral("bob"));
        const QString payer = DemoFixtures::agentId(*bob, QStringLiteral("Bill payer"));
        QStringList granted;
        for (const auto &[purpose, days] :
             {std::pair{QStringLiteral("Sort B"), 5}, std::pair{QStringLiteral("Sort A"), 9},
              std::pair{QStringLiteral("Sort C"), 2}}) {
            const auto reply = bob->post(QStringLiteral("/v1/delegations"),
                                         DemoFixtures::paymentGrant(payer, purpose, days));
            QCOMPARE(reply.status, 201);
        }
        const auto walk = [&](const QString &sort) {
            QStringList purposes;
            QString cursor;
            do {
                QString path = QStringLiteral("/v1/delegations?q=Sort&limit=1&sort=") + sort;
                if (!cursor.isEmpty())
                    path += QStringLiteral("&cursor=") + cursor;
                const auto reply = bob->get(path);
                if (reply.status != 200)
                    return QStringList{QString::number(reply.status)};
                for (const QJsonValue &item : items(reply))
                    purposes.append(item.toObject().value(QStringLiteral("purpose")).toString());
                cursor = reply.json().value(QStringLiteral("next_cursor")).toString();
            } while (!cursor.isEmpty());
            return purposes;
        };
        QCOMPARE(walk(QStringLiteral("purpose")),
                 (QStringList{QStringLiteral("Sort A"), QStringLiteral("Sort B"), QStringLiteral("Sort C")}));
        QCOMPARE(walk(QStringLiteral("-purpose")),
                 (QStringList{QStringLiteral("Sort C"), QStringLiteral("Sort B"), QStringLiteral("Sort A")}));
        QCOMPARE(walk(QStringLiteral("expires_at")),
                 (QStringList{QStringLiteral("Sort C"), QStringLiteral("Sort B"), QStringLiteral("Sort A")}));
        QCOMPARE(walk(QStringLiteral("-created_at")),
                 (QStringList{QStringLiteral("Sort C"), QStringLiteral("Sort A"), QStringLiteral("Sort B")}));

        const auto bad = bob->get(QStringLiteral("/v1/delegations?sort=agent"));
        QCOMPARE(bad.status, 400);
        QCOMPARE(bad.errorFields(), QStringList{QStringLiteral("sort")});
    }

    void grantCreatesAnActiveDelegationWithItsChain()
    {
        const QString payer = DemoFixtures::agentId(*m_alice, QStringLiteral("Bill payer"));
        const auto reply =
            m_alice->post(QStringLiteral("/v1/delegations"),
                          DemoFixtures::paymentGrant(payer, QStringLiteral("Pay the January rent")));
        QCOMPARE(reply.status, 201);
        const QJsonObject d = reply.json();
        QVERIFY(d.value(QStringLiteral("id")).toString().startsWith(QStringLiteral("dlg_")));
        QCOMPARE(d.value(QStringLiteral("status")).toString(), QStringLiteral("active"));
        QCOMPARE(d.value(QStringLiteral("customer_id")).toString(), DemoFixtures::userId(*m_alice));
        QCOMPARE(d.value(QStringLiteral("agent_id")).toString(), payer);
        QVERIFY(d.value(QStringLiteral("parent_id")).isNull());
        QCOMPARE(d.value(QStringLiteral("purpose")).toString(), QStringLiteral("Pay the January rent"));
        const QJsonArray chain = d.value(QStringLiteral("chain")).toArray();
        QCOMPARE(chain.size(), 2);
        QCOMPARE(chain[0].toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("customer"));
        QCOMPARE(chain[0].toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("Alice Martin"));
        QCOMPARE(chain[1].toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("agent"));
        QCOMPARE(chain[1].toObject().value(QStringLiteral("spiffe_id")).toString(),
                 QStringLiteral("spiffe://demo.mandate.local/agents/bill-payer"));
        const QJsonObject usage = d.value(QStringLiteral("usage")).toObject();
        QCOMPARE(usage.value(QStringLiteral("uses")).toInteger(), 0);
        const QJsonObject scope = d.value(QStringLiteral("scopes")).toArray().first().toObject();
        QCOMPARE(scope.value(QStringLiteral("max_total"))
                     .toObject()
                     .value(QStringLiteral("amount_minor"))
                     .toInteger(),
                 120000);

        const auto fetched =
            m_alice->get(QStringLiteral("/v1/delegations/") + d.value(QStringLiteral("id")).toString());
        QCOMPARE(fetched.status, 200);
        QCOMPARE(fetched.json().value(QStringLiteral("children")).toArray(), QJsonArray());
    }

    void onlyCustomersGrant()
    {
        const QString payer = DemoFixtures::agentId(*m_sam, QStringLiteral("Bill payer"));
        QCOMPARE(m_sam->post(QStringLiteral("/v1/delegations"), DemoFixtures::paymentGrant(payer)).status,
                 403);
        QCOMPARE(m_carol->post(QStringLiteral("/v1/delegations"), DemoFixtures::paymentGrant(payer)).status,
                 403);
    }

    void customersSeeOnlyTheirOwn()
    {
        const QString bobs = grant(*m_bob, QStringLiteral("Bill payer"), QStringLiteral("Bob's water bill"));
        QVERIFY(!bobs.isEmpty());
        // Alice neither finds it in lists nor learns that it exists.
        for (const QJsonValue &d : items(m_alice->get(QStringLiteral("/v1/delegations?limit=500"))))
            QVERIFY(d.toObject().value(QStringLiteral("customer_id")).toString() ==
                    DemoFixtures::userId(*m_alice));
        const auto peek = m_alice->get(QStringLiteral("/v1/delegations/") + bobs);
        QCOMPARE(peek.status, 404);
        QCOMPARE(m_alice->get(QStringLiteral("/v1/delegations/dlg_doesnotexist")).body,
                 QByteArray(peek.body).replace(bobs.toUtf8(), "dlg_doesnotexist"));
        const auto revoke =
            m_alice->post(QStringLiteral("/v1/delegations/") + bobs + QStringLiteral("/revoke"),
                          {{QStringLiteral("reason"), QStringLiteral("not mine")}});
        QCOMPARE(revoke.status, 404);
        QCOMPARE(
            items(m_alice->get(QStringLiteral("/v1/delegations?customer_id=") + DemoFixtures::userId(*m_bob)))
                .size(),
            0);
    }

    void approversWithoutApprovalsSeeNothing()
    {
        QCOMPARE(m_carol->get(QStringLiteral("/v1/delegations")).status, 200);
        QCOMPARE(items(m_carol->get(QStringLiteral("/v1/delegations"))).size(), 0);
    }

    void supportFindsBobsDelegationsBySearch()
    {
        const auto byName = m_sam->get(QStringLiteral("/v1/delegations?q=bob%20keller&limit=500"));
        QCOMPARE(byName.status, 200);
        QVERIFY(items(byName).size() >= 2);
        for (const QJsonValue &d : items(byName))
            QCOMPARE(d.toObject().value(QStringLiteral("customer_id")).toString(),
                     DemoFixtures::userId(*m_bob));
        const auto byAgent = m_sam->get(QStringLiteral("/v1/delegations?q=crm-exporter"));
        QCOMPARE(items(byAgent).size(), 1);
        const auto byPurpose = m_sam->get(QStringLiteral("/v1/delegations?q=BOARD%20report"));
        QCOMPARE(items(byPurpose).size(), 1);
        // LIKE wildcards in the query are matched literally, not as patterns.
        QCOMPARE(items(m_sam->get(QStringLiteral("/v1/delegations?q=%25"))).size(), 0);
        QCOMPARE(m_sam->get(QStringLiteral("/v1/delegations?status=paused")).status, 400);
    }

    void pagesAreStableAndComplete()
    {
        for (int i = 0; i < 7; ++i)
            QVERIFY(
                !grant(*m_alice, QStringLiteral("Bill payer"), QStringLiteral("Paging %1").arg(i)).isEmpty());
        const qsizetype total = items(m_sam->get(QStringLiteral("/v1/delegations?limit=500"))).size();
        QStringList seen;
        QString cursor;
        do {
            const auto page =
                m_sam->get(QStringLiteral("/v1/delegations?limit=3") +
                           (cursor.isEmpty() ? QString() : QStringLiteral("&cursor=") + cursor));
            for (const QJsonValue &d : items(page))
                seen.append(d.toObject().value(QStringLiteral("id")).toString());
            cursor = page.json().value(QStringLiteral("next_cursor")).toString();
        } while (!cursor.isEmpty());
        QCOMPARE(seen.size(), total);
        QCOMPARE(QSet<QString>(seen.begin(), seen.end()).size(), total);
    }

    void revokeIsFinalAndRepeatable()
    {
        const QString id = grant(*m_alice, QStringLiteral("Bill payer"), QStringLiteral("Revoke me"));
        const QString path = QStringLiteral("/v1/delegations/") + id + QStringLiteral("/revoke");
        QCOMPARE(m_carol->post(path, {{QStringLiteral("reason"), QStringLiteral("approver")}}).status, 404);
        const auto revoked =
            m_alice->post(path, {{QStringLiteral("reason"), QStringLiteral("Trip cancelled")}});
        QCOMPARE(revoked.status, 200);
        const QJsonObject d = revoked.json();
        QCOMPARE(d.value(QStringLiteral("status")).toString(), QStringLiteral("revoked"));
        QCOMPARE(d.value(QStringLiteral("revoke_reason")).toString(), QStringLiteral("Trip cancelled"));
        QCOMPARE(d.value(QStringLiteral("revoked_by")).toString(), DemoFixtures::userId(*m_alice));
        QVERIFY(!d.value(QStringLiteral("revoked_at")).toString().isEmpty());

        const auto again = m_sam->post(path, {{QStringLiteral("reason"), QStringLiteral("Second time")}});
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json().value(QStringLiteral("revoke_reason")).toString(),
                 QStringLiteral("Trip cancelled"));
        QCOMPARE(m_alice->post(path, {}).status, 400);
    }

    void supportRevokesAllOfACustomer()
    {
        grant(*m_bob, QStringLiteral("Bill payer"), QStringLiteral("Bob's gas bill"));
        const QString bobId = DemoFixtures::userId(*m_bob);
        const QString path = QStringLiteral("/v1/customers/") + bobId + QStringLiteral("/revoke-all");
        QCOMPARE(m_alice->post(path, {{QStringLiteral("reason"), QStringLiteral("x")}}).status, 403);
        QCOMPARE(m_sam
                     ->post(QStringLiteral("/v1/customers/usr_nobody/revoke-all"),
                            {{QStringLiteral("reason"), QStringLiteral("x")}})
                     .status,
                 404);
        const qsizetype active = items(m_bob->get(QStringLiteral("/v1/delegations?status=active"))).size();
        QVERIFY(active >= 2);
        const auto reply =
            m_sam->post(path, {{QStringLiteral("reason"), QStringLiteral("Account takeover suspected")}});
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(QStringLiteral("revoked")).toInteger(), active);
        QCOMPARE(items(m_bob->get(QStringLiteral("/v1/delegations?status=active"))).size(), 0);
        // Alice's delegations are untouched.
        QVERIFY(items(m_alice->get(QStringLiteral("/v1/delegations?status=active"))).size() > 0);
    }
};

QTEST_GUILESS_MAIN(TstServerDelegations)
#include "tst_ServerDelegations.moc"
