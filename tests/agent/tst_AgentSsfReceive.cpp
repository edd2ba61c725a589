#include "tests/support/DemoFixtures.h"
#include "tests/support/SignalFixtures.h"
#include "tests/support/TestClient.h"
#include "tests/support/TestServer.h"

#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using mandate::test::DemoFixtures;
using mandate::test::SignalFixtures;
using mandate::test::TestClient;
using mandate::test::TestServer;

// `mandate-agent ssf-receive` against a real server: it makes its own push stream, prints each
// SET it verified, and refuses one that does not verify.
class TstAgentSsfReceive : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void printsVerifiedEventsAndCleansUp()
    {
        TestServer server;
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        auto ada = DemoFixtures::person(server.url(), QStringLiteral("ada"));
        auto alice = DemoFixtures::person(server.url(), QStringLiteral("alice"));
        auto receiver = SignalFixtures::registerReceiver(*ada, server.url(), QStringLiteral("Demo receiver"));
        QTemporaryDir dir;
        QFile token(dir.filePath(QStringLiteral("receiver-token")));
        QVERIFY(token.open(QIODevice::WriteOnly));
        token.write(receiver.client->token().toLatin1() + '\n');
        token.close();

        QProcess agent;
        agent.start(QStringLiteral(MANDATE_AGENT_BINARY),
                    {QStringLiteral("--server"), server.url(), QStringLiteral("ssf-receive"),
                     QStringLiteral("--receiver-token"), token.fileName(), QStringLiteral("--count"),
                     QStringLiteral("1"), QStringLiteral("--seconds"), QStringLiteral("30")});
        QVERIFY(agent.waitForStarted());
        // Its stream exists once it says it listens.
        QByteArray said;
        QTRY_VERIFY2_WITH_TIMEOUT(
            (said += agent.readAllStandardError()).contains("listening on http://127.0.0.1:"),
            said.constData(), 10'000);
        QCOMPARE(receiver.client->get(QStringLiteral("/v1/ssf/stream")).json().isEmpty(), true);
        const QString payer = DemoFixtures::agentId(*alice, QStringLiteral("Bill payer"));
        const QString id = alice->post(QStringLiteral("/v1/delegations"), DemoFixtures::paymentGrant(payer))
                               .json()
                               .value(u"id")
                               .toString();
        QCOMPARE(alice
                     ->post(QStringLiteral("/v1/delegations/%1/revoke").arg(id),
                            {{QStringLiteral("reason"), QStringLiteral("Done.")}})
                     .status,
                 200);
        QVERIFY(agent.waitForFinished(20'000));
        QCOMPARE(agent.exitCode(), 0);
        const QJsonObject claims = QJsonDocument::fromJson(agent.readAllStandardOutput().trimmed()).object();
        QCOMPARE(claims.value(u"sub_id").toObject().value(u"session").toObject().value(u"id").toString(), id);
        QVERIFY(claims.value(u"events").toObject().contains(SignalFixtures::SessionRevoked));
        // Its stream went with it.
        QCOMPARE(receiver.client->get(QStringLiteral("/v1/ssf/stream")).body, QByteArray("[]"));
        // The token never reached the terminal.
        QVERIFY(!agent.readAll().contains(receiver.client->token().toLatin1()));
    }
};

QTEST_GUILESS_MAIN(TstAgentSsfReceive)
#include "tst_AgentSsfReceive.moc"
