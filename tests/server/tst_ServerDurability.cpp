#include "tests/support/DemoFixtures.h"
#include "tests/support/TestClient.h"
#include "tests/support/TestServer.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QTest>

#include <csignal>

using mandate::test::DemoFixtures;
using mandate::test::TestClient;
using mandate::test::TestServer;

// What a client was told is committed survives: a restart, a SIGTERM in the middle of traffic,
// and a SIGKILL in the middle of traffic.
class TstServerDurability : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;

    // Sends every call at once and interrupts the server with `signal` after `after` answers.
    QList<TestClient::Reply> fire(const QList<TestClient::Call> &calls, int after, int signal)
    {
        std::vector<std::unique_ptr<QNetworkAccessManager>> managers;
        for (int i = 0; i < 6; ++i)
            managers.push_back(std::make_unique<QNetworkAccessManager>());
        QList<TestClient::Reply> replies(calls.size());
        qsizetype pending = calls.size();
        int answered = 0;
        bool signalled = false;
        QEventLoop loop;
        for (qsizetype i = 0; i < calls.size(); ++i) {
            QNetworkRequest request(QUrl(m_server.url() + calls[i].path));
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
            request.setRawHeader("Authorization", "Bearer " + calls[i].token.toUtf8());
            QNetworkReply *reply = managers[static_cast<std::size_t>(i) % managers.size()]->post(
                request, QJsonDocument(calls[i].body).toJson(QJsonDocument::Compact));
            connect(reply, &QNetworkReply::finished, &loop, [&, reply, i] {
                replies[i].status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                replies[i].body = reply->readAll();
                reply->deleteLater();
                if (++answered >= after && !signalled) {
                    signalled = true;
                    ::kill(static_cast<pid_t>(m_server.pid()), signal);
                }
                if (--pending == 0)
                    loop.quit();
            });
        }
        loop.exec();
        return replies;
    }

    struct Burst
    {
        QSet<QString> created; // ids the server answered 201 for
    };

    // Grants at once and interrupts the server with `signal` after `after` answers.
    Burst grantBurst(int count, int after, int signal)
    {
        TestClient alice(m_server.url());
        if (!alice.signIn(QStringLiteral("alice")))
            return {};
        const QString payer = DemoFixtures::agentId(alice, QStringLiteral("Bill payer"));
        QList<TestClient::Call> calls;
        for (int i = 0; i < count; ++i)
            calls.append({alice.token(), "POST", QStringLiteral("/v1/delegations"),
                          DemoFixtures::paymentGrant(payer, QStringLiteral("Burst %1").arg(i))});
        Burst burst;
        for (const TestClient::Reply &reply : fire(calls, after, signal)) {
            if (reply.status == 201)
                burst.created.insert(reply.json().value(QStringLiteral("id")).toString());
        }
        return burst;
    }

    QSet<QString> storedIds()
    {
        TestClient sam(m_server.url());
        if (!sam.signIn(QStringLiteral("sam")))
            return {};
        QSet<QString> ids;
        QString cursor;
        do {
            const auto page = sam.get(QStringLiteral("/v1/delegations?limit=500") +
                                      (cursor.isEmpty() ? QString() : QStringLiteral("&cursor=") + cursor));
            for (const QJsonValue &d : page.json().value(QStringLiteral("items")).toArray())
                ids.insert(d.toObject().value(QStringLiteral("id")).toString());
            cursor = page.json().value(QStringLiteral("next_cursor")).toString();
        } while (!cursor.isEmpty());
        return ids;
    }

    bool chainVerifies()
    {
        TestClient sam(m_server.url());
        return sam.signIn(QStringLiteral("sam")) &&
               sam.get(QStringLiteral("/v1/audit/verify")).json().value(QStringLiteral("ok")).toBool();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
    }

    void restartKeepsEverything()
    {
        const QSet<QString> before = storedIds();
        QVERIFY(before.size() >= 5);
        QCOMPARE(m_server.stop(), 0);
        QVERIFY(m_server.restart());
        QCOMPARE(storedIds(), before);
        QVERIFY(chainVerifies());
        // --demo on a seeded data dir seeds nothing twice.
        TestClient sam(m_server.url());
        QVERIFY(sam.signIn(QStringLiteral("sam")));
        QCOMPARE(sam.get(QStringLiteral("/v1/agents")).json().value(QStringLiteral("items")).toArray().size(),
                 4);
    }

    void sigtermDrainsAndLosesNothing()
    {
        const Burst burst = grantBurst(60, 10, SIGTERM);
        QVERIFY(burst.created.size() >= 10);
        QCOMPARE(m_server.stop(), 0);
        QVERIFY(m_server.restart());
        const QSet<QString> stored = storedIds();
        for (const QString &id : burst.created)
            QVERIFY2(stored.contains(id), qPrintable(id));
        QVERIFY(chainVerifies());
    }

    // kill -9 at several points of an authorize load: every allow a client heard of is in the
    // audit trail and in the delegation's usage, and the chain still verifies.
    void sigkillUnderAuthorizeLoadKeepsEveryAllow()
    {
        TestClient alice(m_server.url());
        QVERIFY(alice.signIn(QStringLiteral("alice")));
        const QString payer = DemoFixtures::agentId(alice, QStringLiteral("Bill payer"));
        const QString id = alice.post(QStringLiteral("/v1/delegations"), DemoFixtures::paymentGrant(payer))
                               .json()
                               .value(QStringLiteral("id"))
                               .toString();
        QSet<QString> allowed;
        for (const int after : {5, 40, 120}) {
            const auto agent = DemoFixtures::agentClient(m_server.url(), QStringLiteral("Bill payer"));
            QVERIFY(agent);
            QList<TestClient::Call> calls;
            for (int i = 0; i < 200; ++i)
                calls.append({agent->token(), "POST", QStringLiteral("/v1/authorize"),
                              DemoFixtures::authorizeRequest(id, 1)});
            for (const TestClient::Reply &reply : fire(calls, after, SIGKILL)) {
                if (reply.status == 200 &&
                    reply.json().value(QStringLiteral("decision")).toString() == QStringLiteral("allow"))
                    allowed.insert(reply.json().value(QStringLiteral("decision_id")).toString());
            }
            m_server.kill();
            QVERIFY(m_server.restart());
        }
        QVERIFY(allowed.size() >= 100);

        TestClient sam(m_server.url());
        QVERIFY(sam.signIn(QStringLiteral("sam")));
        QSet<QString> audited;
        QString after = QStringLiteral("0");
        while (true) {
            const auto page =
                sam.get(QStringLiteral("/v1/audit?type=decision.made&limit=500&delegation_id=") + id +
                        QStringLiteral("&after_seq=") + after);
            const QJsonArray items = page.json().value(QStringLiteral("items")).toArray();
            for (const QJsonValue &event : items) {
                const QJsonObject data = event.toObject().value(QStringLiteral("data")).toObject();
                if (data.value(QStringLiteral("decision")).toString() == QStringLiteral("allow"))
                    audited.insert(data.value(QStringLiteral("decision_id")).toString());
            }
            if (page.json().value(QStringLiteral("next_cursor")).isNull())
                break;
            after = page.json().value(QStringLiteral("next_cursor")).toString();
        }
        for (const QString &decisionId : allowed)
            QVERIFY2(audited.contains(decisionId), qPrintable(decisionId));
        // The server came back on a new port: read through a new session.
        const QJsonObject usage =
            sam.get(QStringLiteral("/v1/delegations/") + id).json().value(QStringLiteral("usage")).toObject();
        QCOMPARE(usage.value(QStringLiteral("uses")).toInteger(), audited.size());
        QVERIFY(chainVerifies());
    }

    void sigkillLosesNothingAnswered()
    {
        const Burst burst = grantBurst(60, 15, SIGKILL);
        QVERIFY(burst.created.size() >= 15);
        m_server.kill();
        QVERIFY(m_server.restart());
        const QSet<QString> stored = storedIds();
        for (const QString &id : burst.created)
            QVERIFY2(stored.contains(id), qPrintable(id));
        QVERIFY(chainVerifies());
    }
};

QTEST_GUILESS_MAIN(TstServerDurability)
#include "tst_ServerDurability.moc"
