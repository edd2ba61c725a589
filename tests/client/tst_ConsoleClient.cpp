#include "client/ApiClient.h"
#include "client/ConnectionMonitor.h"
#include "client/ConsoleSession.h"
#include "client/EventStream.h"
#include "client/MandateApi.h"
#include "client/SandboxLauncher.h"
#include "client/TokenVault.h"
#include "tests/support/DemoFixtures.h"
#include "tests/support/NetworkCutProxy.h"
#include "tests/support/TestServer.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QPointer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using mandate::client::ApiError;
using mandate::client::ApiJob;
using mandate::test::DemoFixtures;
using mandate::test::NetworkCutProxy;
using mandate::test::TestServer;

namespace {

// What one job ended with.
struct Outcome
{
    bool done = false;
    bool ok = false;
    QJsonObject body;
    ApiError error;
    int attempts = 0;
};

Outcome wait(ApiJob *job, int timeoutMs = 15000)
{
    Outcome outcome;
    QObject::connect(job, &ApiJob::succeeded, job, [&outcome, job](const QJsonObject &body) {
        outcome = {true, true, body, {}, job->attempts()};
    });
    QObject::connect(job, &ApiJob::failed, job, [&outcome, job](const ApiError &error) {
        outcome = {true, false, {}, error, job->attempts()};
    });
    QDeadlineTimer deadline(timeoutMs);
    while (!outcome.done && !deadline.hasExpired())
        QTest::qWait(10);
    return outcome;
}

// Signs in through MandateApi's typed reader; nullopt when the server refused or did not answer.
std::optional<mandate::client::MandateApi::SignedIn> signIn(mandate::client::MandateApi &api,
                                                            const QString &username)
{
    std::optional<mandate::client::MandateApi::SignedIn> signedIn;
    bool done = false;
    QObject context;
    api.signIn(username, QStringLiteral("mandate-demo"))
        .onSucceeded(&context,
                     [&](const mandate::client::MandateApi::SignedIn &answer) {
                         signedIn = answer;
                         done = true;
                     })
        .onFailed(&context, [&done] { done = true; });
    if (!QTest::qWaitFor([&done] { return done; }, 15000))
        qWarning("no answer to the sign-in within 15 s");
    return signedIn;
}

} // namespace

class TstConsoleClient : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;

    mandate::client::ApiClient *signedInClient(const QString &username, QObject *parent)
    {
        auto *client = new mandate::client::ApiClient(parent);
        client->setServer(QUrl(m_server.url()));
        mandate::client::MandateApi api(*client);
        const auto signedIn = signIn(api, username);
        if (!signedIn)
            return nullptr;
        client->setToken(signedIn->token);
        return client;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
    }

    void sessionSignsInAndKnowsTheRoles()
    {
        mandate::client::TokenVault vault(mandate::client::TokenVault::Backend::MemoryOnly);
        mandate::client::ConsoleSession session(vault);
        QSignalSpy signedIn(&session, &mandate::client::ConsoleSession::signedIn);
        session.signIn(QUrl(m_server.url()), QStringLiteral("sam"), QStringLiteral("mandate-demo"));
        QTRY_COMPARE(signedIn.size(), 1);
        QVERIFY(session.user().isStaff());
        QVERIFY(!session.user().isCustomer());
        QVERIFY(session.client().token().startsWith(QStringLiteral("mst_")));

        // A second console on the same machine resumes from the vault without a password.
        mandate::client::ConsoleSession resumed(vault);
        QSignalSpy resumedIn(&resumed, &mandate::client::ConsoleSession::signedIn);
        resumed.resume(QUrl(m_server.url()), QStringLiteral("sam"));
        QTRY_COMPARE(resumedIn.size(), 1);
        QCOMPARE(resumed.user().username, QStringLiteral("sam"));

        // Signing out ends the token on the server too: the resumed console is told at its next call.
        QSignalSpy signedOut(&resumed, &mandate::client::ConsoleSession::signedOut);
        session.signOut();
        QTRY_VERIFY(!session.isSignedIn());
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                resumed.api().me();
                QTest::qWait(100);
                return signedOut.size() == 1;
            }(),
            10000);
        mandate::client::ConsoleSession third(vault);
        QSignalSpy resumeFailed(&third, &mandate::client::ConsoleSession::resumeFailed);
        third.resume(QUrl(m_server.url()), QStringLiteral("sam"));
        QTRY_COMPARE(resumeFailed.size(), 1);
    }

    void wrongPasswordIsATypedError()
    {
        mandate::client::TokenVault vault(mandate::client::TokenVault::Backend::MemoryOnly);
        mandate::client::ConsoleSession session(vault);
        QSignalSpy failed(&session, &mandate::client::ConsoleSession::signInFailed);
        session.signIn(QUrl(m_server.url()), QStringLiteral("alice"), QStringLiteral("wrong"));
        QTRY_COMPARE(failed.size(), 1);
        const auto error = failed.first().first().value<ApiError>();
        QCOMPARE(error.kind, ApiError::Kind::Unauthenticated);
        QCOMPARE(error.status, 401);
    }

    void problemJsonCarriesFieldPaths()
    {
        QObject owner;
        auto *client = signedInClient(QStringLiteral("alice"), &owner);
        QVERIFY(client);
        QJsonObject grant =
            DemoFixtures::paymentGrant(QStringLiteral("agt_nonexistent"), QStringLiteral("Bad currency"));
        QJsonArray scopes = grant.value(QStringLiteral("scopes")).toArray();
        QJsonObject scope = scopes.first().toObject();
        scope.insert(QStringLiteral("max_total"), DemoFixtures::money(100, QStringLiteral("XXY")));
        scopes.replace(0, scope);
        grant.insert(QStringLiteral("scopes"), scopes);
        const Outcome outcome = wait(client->post(QStringLiteral("/v1/delegations"), grant));
        QVERIFY(!outcome.ok);
        QCOMPARE(outcome.error.kind, ApiError::Kind::Validation);
        QCOMPARE(outcome.error.status, 400);
        QStringList fields;
        for (const auto &e : outcome.error.fieldErrors)
            fields.append(e.field);
        QVERIFY2(fields.contains(QStringLiteral("scopes[0].max_total.currency")),
                 qPrintable(fields.join(u',')));
        QVERIFY(!outcome.error.message().isEmpty());
    }

    void readsRetryWithBackoffWritesDoNot()
    {
        NetworkCutProxy proxy(QUrl(m_server.url()));
        QVERIFY(proxy.start());
        proxy.cut();
        mandate::client::ApiClient client;
        client.setServer(proxy.url());
        QSignalSpy reachability(&client, &mandate::client::ApiClient::reachabilityChanged);

        const Outcome read = wait(client.get(QStringLiteral("/healthz")));
        QVERIFY(!read.ok);
        QVERIFY(read.error.isConnectivity());
        QCOMPARE(read.attempts, 3);
        QCOMPARE(reachability.size(), 1);
        QCOMPARE(reachability.first().first().toBool(), false);

        const Outcome write = wait(client.post(QStringLiteral("/v1/sessions"), {}));
        QVERIFY(!write.ok);
        QCOMPARE(write.attempts, 1);

        proxy.restore();
        const Outcome again = wait(client.get(QStringLiteral("/healthz")));
        QVERIFY(again.ok);
        QCOMPARE(again.body.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        QCOMPARE(reachability.size(), 2);
        QVERIFY(client.isReachable());
    }

    void aServerThatNeverAnswersTimesOut()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        mandate::client::ApiClient client;
        client.setServer(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort())));
        mandate::client::ApiJob::Request request;
        request.path = QStringLiteral("/healthz");
        request.timeoutMs = 300;
        auto *job = new ApiJob(client.network(), client.server(), {}, request, &client);
        job->start();
        const Outcome outcome = wait(job);
        QCOMPARE(outcome.error.kind, ApiError::Kind::Timeout);
    }

    void anAbortedCallIsNeverHeardFromAgain()
    {
        // Qt 6.4 finishes a reply twice when it is aborted while its failure is queued (the sign-in
        // dialog aborts its probe of the old address so): at once, and again from the queued error.
        // That second finish once reached the job after it had let the reply go.
        QTest::failOnWarning(QRegularExpression(QStringLiteral("null receiver")));
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const quint16 port = closed.serverPort();
        closed.close();
        mandate::client::ApiClient client;
        client.setServer(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        QPointer<ApiJob> job = client.get(QStringLiteral("/v1/demo"));
        int heard = 0;
        connect(job, &ApiJob::succeeded, &client, [&heard] { ++heard; });
        connect(job, &ApiJob::failed, &client, [&heard] { ++heard; });
        QPointer<QNetworkReply> reply = client.network().findChild<QNetworkReply *>();
        QVERIFY(reply);

        job->abort();
        Q_EMIT reply->finished(); // as Qt's queued error does
        QTest::qWait(100);
        QCOMPARE(heard, 0);
        QVERIFY(job.isNull());
        QVERIFY(reply.isNull());
    }

    void monitorCountsDownAndComesBack()
    {
        NetworkCutProxy proxy(QUrl(m_server.url()));
        QVERIFY(proxy.start());
        mandate::client::ApiClient client;
        client.setServer(proxy.url());
        mandate::client::ConnectionMonitor monitor(client);
        monitor.setRetryIntervals(1, 2);
        QSignalSpy online(&monitor, &mandate::client::ConnectionMonitor::onlineChanged);
        QSignalSpy countdown(&monitor, &mandate::client::ConnectionMonitor::countdownChanged);
        proxy.cut();
        wait(client.get(QStringLiteral("/healthz")));
        QCOMPARE(online.size(), 1);
        QVERIFY(!monitor.isOnline());
        QTRY_VERIFY(countdown.size() >= 2);
        proxy.restore();
        QTRY_VERIFY_WITH_TIMEOUT(monitor.isOnline(), 10000);
        QCOMPARE(online.last().first().toBool(), true);
    }

    void aConnectedSessionGoesAwayQuietly()
    {
        // A stream that reported its end from its destructor made the session ask its connection
        // monitor, already destroyed, to check the server: a crash when the console closed.
        mandate::client::TokenVault vault(mandate::client::TokenVault::Backend::MemoryOnly);
        auto session = std::make_unique<mandate::client::ConsoleSession>(vault);
        QSignalSpy signedIn(session.get(), &mandate::client::ConsoleSession::signedIn);
        session->signIn(QUrl(m_server.url()), QStringLiteral("alice"), QStringLiteral("mandate-demo"));
        QTRY_COMPARE(signedIn.size(), 1);
        QTRY_VERIFY(session->events().isConnected());
        int changes = 0;
        connect(&session->events(), &mandate::client::EventStream::connectedChanged, this,
                [&changes] { ++changes; });

        session.reset();
        QCOMPARE(changes, 0);
    }

    void eventStreamResumesAfterANetworkCutWithoutLoss()
    {
        NetworkCutProxy proxy(QUrl(m_server.url()));
        QVERIFY(proxy.start());
        QObject owner;
        auto *alice = signedInClient(QStringLiteral("alice"), &owner);
        QVERIFY(alice);
        mandate::client::EventStream stream(alice->network());
        stream.setBackoff(50, 200);
        QList<mandate::client::EventStream::Event> received;
        connect(&stream, &mandate::client::EventStream::eventReceived, this,
                [&received](const mandate::client::EventStream::Event &event) { received.append(event); });
        stream.start(proxy.url(), alice->token());
        QTRY_VERIFY(stream.isConnected());

        auto rest = DemoFixtures::person(m_server.url(), QStringLiteral("alice"));
        const QString payer = DemoFixtures::agentId(*rest, QStringLiteral("Bill payer"));
        const auto grant = [&](const QString &purpose) {
            return rest->post(QStringLiteral("/v1/delegations"), DemoFixtures::paymentGrant(payer, purpose))
                .status;
        };
        QCOMPARE(grant(QStringLiteral("Before the cut")), 201);
        QTRY_COMPARE(received.size(), 1);
        QCOMPARE(received.first().type, QStringLiteral("delegation.created"));
        QCOMPARE(QJsonDocument::fromJson(received.first().data)
                     .object()
                     .value(QStringLiteral("purpose"))
                     .toString(),
                 QStringLiteral("Before the cut"));

        proxy.cut();
        QTRY_VERIFY(!stream.isConnected());
        QCOMPARE(grant(QStringLiteral("During the cut 1")), 201);
        QCOMPARE(grant(QStringLiteral("During the cut 2")), 201);
        QTest::qWait(300); // a few failed reconnects
        proxy.restore();
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 3, 10000);
        QCOMPARE(
            QJsonDocument::fromJson(received[1].data).object().value(QStringLiteral("purpose")).toString(),
            QStringLiteral("During the cut 1"));
        QCOMPARE(
            QJsonDocument::fromJson(received[2].data).object().value(QStringLiteral("purpose")).toString(),
            QStringLiteral("During the cut 2"));
        QVERIFY(received[1].id.toLongLong() > received[0].id.toLongLong());
        QVERIFY(received[2].id.toLongLong() > received[1].id.toLongLong());
        QTest::qWait(200);
        QCOMPARE(received.size(), 3); // nothing replayed twice
    }

    void sandboxStartsADemoServerAndStops()
    {
        QTemporaryDir dir;
        mandate::client::SandboxLauncher sandbox(TestServer::binary(),
                                                 dir.filePath(QStringLiteral("sandbox")));
        QSignalSpy ready(&sandbox, &mandate::client::SandboxLauncher::ready);
        sandbox.start();
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 20000);
        QVERIFY(sandbox.url().port() > 0);
        mandate::client::ApiClient client;
        client.setServer(sandbox.url());
        mandate::client::MandateApi api(client);
        QVERIFY(signIn(api, QStringLiteral("alice")));
        sandbox.stop();
        QVERIFY(!sandbox.isRunning());
        QVERIFY(QFileInfo(dir.filePath(QStringLiteral("sandbox/mandate.db"))).exists());
    }
};

QTEST_GUILESS_MAIN(TstConsoleClient)
#include "tst_ConsoleClient.moc"
