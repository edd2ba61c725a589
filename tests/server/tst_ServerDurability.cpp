#include "ApiClient.h"
#include "DemoFixtures.h"
#include "TestServer.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QTest>

#include <csignal>

using mandate::test::ApiClient;
using mandate::test::DemoFixtures;
using mandate::test::TestServer;

// What a client was told is committed survives: a restart, a SIGTERM in the middle of traffic,
// and a SIGKILL in the middle of traffic.
class TstServerDurability : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;

    struct Burst
    {
        QSet<QString> created; // ids the server answered 201 for
        int failed = 0;
    };

    // Sends `count` grants at once and interrupts the server with `signal` after `after` answers.
    Burst grantBurst(int count, int after, int signal)
    {
        ApiClient alice(m_server.url());
        if (!alice.signIn(QStringLiteral("alice")))
            return {};
        const QString payer = DemoFixtures::agentId(alice, QStringLiteral("Bill payer"));
        QNetworkAccessManager network;
        Burst burst;
        int pending = count;
        int answered = 0;
        bool signalled = false;
        QEventLoop loop;
        for (int i = 0; i < count; ++i) {
            QNetworkRequest request(QUrl(m_server.url() + QStringLiteral("/v1/delegations")));
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
            request.setRawHeader("Authorization", "Bearer " + alice.token().toUtf8());
            const QByteArray body =
                QJsonDocument(DemoFixtures::paymentGrant(payer, QStringLiteral("Burst %1").arg(i)))
                    .toJson(QJsonDocument::Compact);
            QNetworkReply *reply = network.post(request, body);
            connect(reply, &QNetworkReply::finished, &loop, [&, reply] {
                const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                if (status == 201)
                    burst.created.insert(QJsonDocument::fromJson(reply->readAll())
                                             .object()
                                             .value(QStringLiteral("id"))
                                             .toString());
                else
                    ++burst.failed;
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
        return burst;
    }

    QSet<QString> storedIds()
    {
        ApiClient sam(m_server.url());
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
        ApiClient sam(m_server.url());
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
        ApiClient sam(m_server.url());
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
