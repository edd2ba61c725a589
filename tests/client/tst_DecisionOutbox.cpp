#include "client/ApiClient.h"
#include "client/DecisionOutbox.h"
#include "client/MandateApi.h"
#include "tests/support/DemoFixtures.h"
#include "tests/support/NetworkCutProxy.h"
#include "tests/support/TestClient.h"
#include "tests/support/TestServer.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using mandate::ApprovalStatus;
using mandate::ApprovalVerdict;
using mandate::client::ApiError;
using mandate::client::DecisionOutbox;
using mandate::test::DemoFixtures;
using mandate::test::TestServer;

// Decisions survive a crash and a dropped network and reach the server exactly once.
class TstDecisionOutbox : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<mandate::test::TestClient> m_alice;
    std::unique_ptr<mandate::test::TestClient> m_carol;
    std::unique_ptr<mandate::test::TestClient> m_dave;
    std::unique_ptr<mandate::test::TestClient> m_payer;
    int m_files = 0;

    std::unique_ptr<mandate::client::ApiClient> consoleClient(const mandate::test::TestClient &person,
                                                              const QUrl &server = {})
    {
        auto client = std::make_unique<mandate::client::ApiClient>();
        client->setServer(server.isEmpty() ? QUrl(m_server.url()) : server);
        client->setToken(person.token());
        return client;
    }

    QString newFile() { return m_dir.filePath(QStringLiteral("outbox%1.sqlite").arg(++m_files)); }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        m_alice = DemoFixtures::person(m_server.url(), QStringLiteral("alice"));
        m_carol = DemoFixtures::person(m_server.url(), QStringLiteral("carol"));
        m_dave = DemoFixtures::person(m_server.url(), QStringLiteral("dave"));
        m_payer = DemoFixtures::agentClient(m_server.url(), QStringLiteral("Bill payer"));
        QVERIFY(m_alice && m_carol && m_dave && m_payer);
    }

    void writesBeforeSendingAndForgetsOnceAnswered()
    {
        const QString id = DemoFixtures::dualControlRequest(*m_alice, *m_payer);
        auto client = consoleClient(*m_carol);
        mandate::client::MandateApi api(*client);
        const QString file = newFile();
        DecisionOutbox outbox(file, api);
        QVERIFY2(outbox.isOpen(), qPrintable(outbox.errorString()));
        QCOMPARE(QFileInfo(file).permissions() & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        outbox.start(m_server.url(), QStringLiteral("carol"));
        QSignalSpy decided(&outbox, &DecisionOutbox::decided);
        QVERIFY(outbox.submit(id, ApprovalVerdict::Approve, QStringLiteral("Known landlord")));
        // On disk before any answer could have come.
        QCOMPARE(outbox.pending().size(), 1);
        QCOMPARE(outbox.pending().first().approvalId, id);
        QVERIFY(!outbox.pending().first().idempotencyKey.isEmpty());
        QTRY_COMPARE(decided.size(), 1);
        QCOMPARE(decided.first().first().value<mandate::Approval>().status, ApprovalStatus::Pending);
        QVERIFY(outbox.pending().isEmpty());
        QCOMPARE(DemoFixtures::decisionCount(*m_carol, id), 1);
    }

    void aKilledConsoleSendsItsDecisionExactlyOnce()
    {
        const QString id = DemoFixtures::dualControlRequest(*m_alice, *m_payer);
        auto client = consoleClient(*m_carol);
        mandate::client::MandateApi api(*client);
        const QString file = newFile();
        {
            auto outbox = std::make_unique<DecisionOutbox>(file, api);
            outbox->start(m_server.url(), QStringLiteral("carol"));
            QVERIFY(outbox->submit(id, ApprovalVerdict::Approve, {}));
            // Gone before the answer: nobody removes the entry, but the request itself left.
        }
        QTRY_COMPARE(DemoFixtures::decisionCount(*m_carol, id), 1);

        DecisionOutbox restarted(file, api);
        QSignalSpy decided(&restarted, &DecisionOutbox::decided);
        QSignalSpy refused(&restarted, &DecisionOutbox::refused);
        restarted.start(m_server.url(), QStringLiteral("carol"));
        QCOMPARE(restarted.pending().size(), 1);
        QTRY_COMPARE(decided.size(), 1); // the replay of the first answer, not a second decision
        QVERIFY(refused.isEmpty());
        QVERIFY(restarted.pending().isEmpty());
        QCOMPARE(DemoFixtures::decisionCount(*m_carol, id), 1);
    }

    void entriesBelongToThePersonWhoDecided()
    {
        const QString id = DemoFixtures::dualControlRequest(*m_alice, *m_payer);
        const QString file = newFile();
        mandate::test::NetworkCutProxy proxy(QUrl(m_server.url()));
        QVERIFY(proxy.start());
        proxy.cut();
        auto carolClient = consoleClient(*m_carol, proxy.url());
        mandate::client::MandateApi carolApi(*carolClient);
        {
            DecisionOutbox outbox(file, carolApi);
            outbox.start(m_server.url(), QStringLiteral("carol"));
            QSignalSpy deferred(&outbox, &DecisionOutbox::deferred);
            QVERIFY(outbox.submit(id, ApprovalVerdict::Approve, {}));
            QTRY_COMPARE(deferred.size(), 1);
        }
        auto daveClient = consoleClient(*m_dave);
        mandate::client::MandateApi daveApi(*daveClient);
        DecisionOutbox dave(file, daveApi);
        dave.start(m_server.url(), QStringLiteral("dave"));
        QVERIFY(dave.pending().isEmpty());
        QTest::qWait(200);
        QCOMPARE(DemoFixtures::decisionCount(*m_carol, id), 0);
    }

    void aCutNetworkDelaysTheDecisionUntilItIsBack()
    {
        const QString id = DemoFixtures::dualControlRequest(*m_alice, *m_payer);
        mandate::test::NetworkCutProxy proxy(QUrl(m_server.url()));
        QVERIFY(proxy.start());
        auto client = consoleClient(*m_carol, proxy.url());
        mandate::client::MandateApi api(*client);
        DecisionOutbox outbox(newFile(), api);
        outbox.setRetryInterval(200);
        outbox.start(m_server.url(), QStringLiteral("carol"));
        QSignalSpy deferred(&outbox, &DecisionOutbox::deferred);
        QSignalSpy decided(&outbox, &DecisionOutbox::decided);
        proxy.cut();
        QVERIFY(outbox.submit(id, ApprovalVerdict::Approve, QStringLiteral("Known landlord")));
        QTRY_VERIFY(!deferred.isEmpty());
        QVERIFY(deferred.first().at(1).value<ApiError>().isConnectivity());
        QCOMPARE(outbox.pending().size(), 1);
        QCOMPARE(DemoFixtures::decisionCount(*m_carol, id), 0);

        proxy.restore();
        QTRY_COMPARE(decided.size(), 1);
        QVERIFY(outbox.pending().isEmpty());
        QCOMPARE(DemoFixtures::decisionCount(*m_carol, id), 1);
    }

    // "Approve less" goes through the outbox too: written with its amount while the server cannot
    // be reached, kept across a restart, and delivered as the narrowed approval once it is back.
    void aNarrowedApprovalWaitsOutACutNetworkWithItsAmount()
    {
        const QString id = DemoFixtures::stepUpRequest(*m_alice, *m_payer); // EUR 250.00 asked
        QVERIFY(!id.isEmpty());
        mandate::test::NetworkCutProxy proxy(QUrl(m_server.url()));
        QVERIFY(proxy.start());
        auto client = consoleClient(*m_alice, proxy.url());
        mandate::client::MandateApi api(*client);
        const QString file = newFile();
        const mandate::Money narrowed = *mandate::Money::of(21000, QStringLiteral("EUR"));
        proxy.cut();
        {
            DecisionOutbox outbox(file, api);
            outbox.start(m_server.url(), QStringLiteral("alice"));
            QSignalSpy deferred(&outbox, &DecisionOutbox::deferred);
            QVERIFY(
                outbox.submit(id, ApprovalVerdict::Approve, QStringLiteral("Only the deposit"), narrowed));
            QTRY_VERIFY(!deferred.isEmpty());
            QCOMPARE(outbox.pending().size(), 1);
            QCOMPARE(outbox.pending().first().narrowed, std::optional<mandate::Money>(narrowed));
        }
        QCOMPARE(DemoFixtures::decisionCount(*m_alice, id), 0);

        DecisionOutbox restarted(file, api);
        restarted.setRetryInterval(200);
        QSignalSpy decided(&restarted, &DecisionOutbox::decided);
        restarted.start(m_server.url(), QStringLiteral("alice"));
        QCOMPARE(restarted.pending().size(), 1);
        QCOMPARE(restarted.pending().first().narrowed, std::optional<mandate::Money>(narrowed));
        proxy.restore();
        QTRY_COMPARE(decided.size(), 1);
        QVERIFY(restarted.pending().isEmpty());
        const QJsonObject approval = m_alice->get(QStringLiteral("/v1/approvals/") + id).json();
        QCOMPARE(approval.value(QStringLiteral("status")).toString(), QStringLiteral("approved"));
        const QJsonArray decisions = approval.value(QStringLiteral("decisions")).toArray();
        QCOMPARE(decisions.size(), 1);
        QCOMPARE(decisions.first()
                     .toObject()
                     .value(QStringLiteral("narrowed"))
                     .toObject()
                     .value(QStringLiteral("amount"))
                     .toObject()
                     .value(QStringLiteral("amount_minor"))
                     .toInteger(),
                 21000);
    }

    void finalRefusalsAreReportedAndForgotten()
    {
        const QString id = DemoFixtures::dualControlRequest(*m_alice, *m_payer);
        auto client = consoleClient(*m_carol);
        mandate::client::MandateApi api(*client);
        DecisionOutbox outbox(newFile(), api);
        outbox.start(m_server.url(), QStringLiteral("carol"));
        QSignalSpy decided(&outbox, &DecisionOutbox::decided);
        QSignalSpy refused(&outbox, &DecisionOutbox::refused);
        QVERIFY(outbox.submit(id, ApprovalVerdict::Approve, {}));
        QTRY_COMPARE(decided.size(), 1);

        // The same approver again: 403, nothing to resend.
        QVERIFY(outbox.submit(id, ApprovalVerdict::Approve, {}));
        QTRY_COMPARE(refused.size(), 1);
        QCOMPARE(refused.first().at(1).value<ApiError>().kind, ApiError::Kind::Forbidden);
        QVERIFY(outbox.pending().isEmpty());

        // Dave denies; a late decision gets 409 with the approval as Dave left it.
        QCOMPARE(m_dave
                     ->post(QStringLiteral("/v1/approvals/") + id + QStringLiteral("/decisions"),
                            {{QStringLiteral("decision"), QStringLiteral("deny")},
                             {QStringLiteral("reason"), QStringLiteral("Payee not on file")}})
                     .status,
                 200);
        QVERIFY(outbox.submit(id, ApprovalVerdict::Deny, QStringLiteral("Not needed after all")));
        QTRY_COMPARE(refused.size(), 2);
        QCOMPARE(refused.at(1).at(1).value<ApiError>().kind, ApiError::Kind::Conflict);
        const auto current = refused.at(1).at(2).value<std::optional<mandate::Approval>>();
        QVERIFY(current);
        QCOMPARE(current->status, ApprovalStatus::Denied);
        QVERIFY(current->decisions.last().user.name.startsWith(QStringLiteral("Dave")));
        QVERIFY(outbox.pending().isEmpty());
        QCOMPARE(DemoFixtures::decisionCount(*m_carol, id), 2);
    }
};

QTEST_GUILESS_MAIN(TstDecisionOutbox)
#include "tst_DecisionOutbox.moc"
