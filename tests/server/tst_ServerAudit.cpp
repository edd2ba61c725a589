#include "tests/support/DemoFixtures.h"
#include "tests/support/TestClient.h"
#include "tests/support/TestServer.h"

#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using mandate::test::DemoFixtures;
using mandate::test::TestClient;
using mandate::test::TestServer;

class TstServerAudit : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;

    QJsonArray items(const TestClient::Reply &reply)
    {
        return reply.json().value(QStringLiteral("items")).toArray();
    }

    // Edits the stored database behind the server's back, as an attacker with file access would.
    static bool tamper(const QString &dataDir, const QString &sql)
    {
        bool ok = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
            db.setDatabaseName(dataDir + QStringLiteral("/mandate.db"));
            ok = db.open() && QSqlQuery(db).exec(sql);
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
        return ok;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
    }

    void grantIsRecordedWithItsChain()
    {
        TestClient alice(m_server.url());
        QVERIFY(alice.signIn(QStringLiteral("alice")));
        const auto grant = alice.post(
            QStringLiteral("/v1/delegations"),
            DemoFixtures::paymentGrant(DemoFixtures::agentId(alice, QStringLiteral("Bill payer"))));
        const QString id = grant.json().value(QStringLiteral("id")).toString();
        const auto trail = alice.get(QStringLiteral("/v1/audit?delegation_id=") + id);
        QCOMPARE(trail.status, 200);
        const QJsonArray events = items(trail);
        QCOMPARE(events.size(), 1);
        const QJsonObject event = events[0].toObject();
        QCOMPARE(event.value(QStringLiteral("type")).toString(), QStringLiteral("delegation.granted"));
        QCOMPARE(event.value(QStringLiteral("delegation_id")).toString(), id);
        QCOMPARE(event.value(QStringLiteral("actor")).toObject().value(QStringLiteral("kind")).toString(),
                 QStringLiteral("user"));
        QCOMPARE(event.value(QStringLiteral("actor")).toObject().value(QStringLiteral("id")).toString(),
                 DemoFixtures::userId(alice));
        QCOMPARE(event.value(QStringLiteral("chain")).toArray().size(), 2);
        QCOMPARE(event.value(QStringLiteral("hash")).toString().size(), 64);
    }

    void eventsAreChainedInOrder()
    {
        TestClient sam(m_server.url());
        QVERIFY(sam.signIn(QStringLiteral("sam")));
        const QJsonArray events = items(sam.get(QStringLiteral("/v1/audit?limit=500")));
        QVERIFY(events.size() >= 6);
        for (qsizetype i = 1; i < events.size(); ++i) {
            const QJsonObject prev = events[i - 1].toObject();
            const QJsonObject cur = events[i].toObject();
            QCOMPARE(cur.value(QStringLiteral("seq")).toInteger(),
                     prev.value(QStringLiteral("seq")).toInteger() + 1);
            QCOMPARE(cur.value(QStringLiteral("prev_hash")).toString(),
                     prev.value(QStringLiteral("hash")).toString());
        }
        const auto verify = sam.get(QStringLiteral("/v1/audit/verify"));
        QCOMPARE(verify.status, 200);
        QCOMPARE(verify.json().value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(verify.json().value(QStringLiteral("events")).toInteger(), events.size());
    }

    void customersReadOnlyTheirOwnTrail()
    {
        TestClient bob(m_server.url());
        QVERIFY(bob.signIn(QStringLiteral("bob")));
        const QString bobId = DemoFixtures::userId(bob);
        const QJsonArray events = items(bob.get(QStringLiteral("/v1/audit?limit=500")));
        QVERIFY(!events.isEmpty());
        TestClient sam(m_server.url());
        QVERIFY(sam.signIn(QStringLiteral("sam")));
        const QJsonArray bobsBySupport =
            items(sam.get(QStringLiteral("/v1/audit?limit=500&customer_id=") + bobId));
        QCOMPARE(events, bobsBySupport);
        TestClient alice(m_server.url());
        QVERIFY(alice.signIn(QStringLiteral("alice")));
        QCOMPARE(items(alice.get(QStringLiteral("/v1/audit?customer_id=") + bobId)).size(), 0);
        QCOMPARE(alice.get(QStringLiteral("/v1/audit/verify")).status, 403);

        TestClient carol(m_server.url());
        QVERIFY(carol.signIn(QStringLiteral("carol")));
        QCOMPARE(carol.get(QStringLiteral("/v1/audit")).status, 403);
        QCOMPARE(carol.get(QStringLiteral("/v1/audit/export?format=jsonl")).status, 403);
    }

    // Decisions are left out of the type index (migration 10), so listing them by type reads the log
    // in order; a rarer type is found through the index. Either way only that type, oldest first.
    void aTypeFilterReturnsOnlyThatType()
    {
        TestClient sam(m_server.url());
        QVERIFY(sam.signIn(QStringLiteral("sam")));
        for (const QString &type : {QStringLiteral("decision.made"), QStringLiteral("delegation.granted")}) {
            const QJsonArray events = items(sam.get(QStringLiteral("/v1/audit?type=") + type));
            QVERIFY2(!events.isEmpty(), qPrintable(type));
            qint64 previous = 0;
            for (const QJsonValue &value : events) {
                const QJsonObject event = value.toObject();
                QCOMPARE(event.value(QStringLiteral("type")).toString(), type);
                QVERIFY(event.value(QStringLiteral("seq")).toInteger() > previous);
                previous = event.value(QStringLiteral("seq")).toInteger();
            }
        }
    }

    void exportsMatchTheRecords()
    {
        TestClient sam(m_server.url());
        QVERIFY(sam.signIn(QStringLiteral("sam")));
        const QJsonArray events = items(sam.get(QStringLiteral("/v1/audit?limit=500")));

        const auto jsonl = sam.get(QStringLiteral("/v1/audit/export?format=jsonl"));
        QCOMPARE(jsonl.status, 200);
        QCOMPARE(jsonl.header("Content-Type"), QByteArray("application/x-ndjson"));
        QVERIFY(jsonl.header("Content-Disposition").contains("mandate-audit.jsonl"));
        QList<QByteArray> lines = jsonl.body.split('\n');
        QCOMPARE(lines.takeLast(), QByteArray());
        QCOMPARE(lines.size(), events.size());
        for (qsizetype i = 0; i < lines.size(); ++i)
            QCOMPARE(QJsonDocument::fromJson(lines[i]).object(), events[i].toObject());

        const auto csv = sam.get(QStringLiteral("/v1/audit/export?format=csv&type=delegation.granted"));
        QCOMPARE(csv.status, 200);
        QVERIFY(csv.body.startsWith("seq,at,type,actor_kind,actor_id,actor_name,delegation_id,summary,chain,"
                                    "data,prev_hash,hash\r\n"));
        qsizetype granted = 0;
        for (const QJsonValue &e : events)
            granted +=
                e.toObject().value(QStringLiteral("type")).toString() == QStringLiteral("delegation.granted");
        QCOMPARE(csv.body.count("\r\n") - 1, granted);
        QCOMPARE(sam.get(QStringLiteral("/v1/audit/export?format=xml")).status, 400);
    }

    void tamperingIsReportedAtTheRightEvent()
    {
        if (TestServer::usesPostgres())
            QSKIP(
                "edits the SQLite file behind the server; the PostgreSQL chain is verified in ServerCluster");
        QCOMPARE(m_server.stop(), 0);
        QVERIFY(
            tamper(m_server.dataDir(),
                   QStringLiteral("UPDATE audit_events SET event = replace(event, '\"delegation.granted\"', "
                                  "'\"delegation.revoked\"') WHERE seq = 3")));
        QVERIFY(m_server.restart());
        TestClient sam(m_server.url());
        QVERIFY(sam.signIn(QStringLiteral("sam")));
        const auto verify = sam.get(QStringLiteral("/v1/audit/verify"));
        QCOMPARE(verify.json().value(QStringLiteral("ok")).toBool(), false);
        QCOMPARE(verify.json().value(QStringLiteral("first_bad_seq")).toInteger(), 3);

        QCOMPARE(m_server.stop(), 0);
        QVERIFY(tamper(m_server.dataDir(),
                       QStringLiteral("UPDATE audit_events SET event = replace(event, "
                                      "'\"delegation.revoked\"', '\"delegation.granted\"') WHERE seq = 3")));
        QVERIFY(tamper(m_server.dataDir(), QStringLiteral("DELETE FROM audit_events WHERE seq = 2")));
        QVERIFY(m_server.restart());
        TestClient sam2(m_server.url());
        QVERIFY(sam2.signIn(QStringLiteral("sam")));
        const auto afterDelete = sam2.get(QStringLiteral("/v1/audit/verify"));
        QCOMPARE(afterDelete.json().value(QStringLiteral("ok")).toBool(), false);
        // A deleted event is named by the seq that should have stood there.
        QCOMPARE(afterDelete.json().value(QStringLiteral("first_bad_seq")).toInteger(), 2);
    }
};

QTEST_GUILESS_MAIN(TstServerAudit)
#include "tst_ServerAudit.moc"
