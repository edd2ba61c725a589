#include "tests/support/DemoFixtures.h"
#include "tests/support/SetReceiver.h"
#include "tests/support/SignalFixtures.h"
#include "tests/support/TestClient.h"
#include "tests/support/TestServer.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using mandate::test::DemoFixtures;
using mandate::test::SetReceiver;
using mandate::test::SignalFixtures;
using mandate::test::TestClient;
using mandate::test::TestServer;

namespace {

// A fixed issuer, so that SETs signed after a restart (on a new port) name the same one.
const QString Issuer = QStringLiteral("https://mandate.test");

} // namespace

// Push delivery (RFC 8935) to a real receiver on an ephemeral port, which verifies every SET
// with PyJWT: in order, each event once even when the receiver was down, never to where a
// redirect points, after a kill -9 of the server, a stream paused when its receiver failed too
// long and resumed on request — and on PostgreSQL, one delivery per event with two instances.
class TstServerSignalDelivery : public QObject
{
    Q_OBJECT

private:
    struct World
    {
        std::unique_ptr<TestServer> server;
        std::unique_ptr<TestClient> ada;
        std::unique_ptr<TestClient> alice;
        SignalFixtures::Receiver receiver;
        QString payerId;
    };

    // A demo server with fast retries, an admin, a customer and one registered receiver.
    static std::unique_ptr<World> world(const QStringList &extra = {})
    {
        auto w = std::make_unique<World>();
        w->server = std::make_unique<TestServer>(
            QStringList{QStringLiteral("--demo"), QStringLiteral("--ssf-issuer"), Issuer,
                        QStringLiteral("--ssf-retry-max"), QStringLiteral("1")} +
            extra);
        QString error;
        if (!w->server->start(&error)) {
            qWarning().noquote() << error;
            return nullptr;
        }
        w->ada = DemoFixtures::person(w->server->url(), QStringLiteral("ada"));
        w->alice = DemoFixtures::person(w->server->url(), QStringLiteral("alice"));
        w->receiver =
            SignalFixtures::registerReceiver(*w->ada, w->server->url(), QStringLiteral("Payments API"));
        w->payerId = DemoFixtures::agentId(*w->alice, QStringLiteral("Bill payer"));
        return w;
    }

    static QString pushStream(World &w, const QString &endpoint, const QString &authorization = {})
    {
        QJsonObject delivery = SignalFixtures::pushDelivery(endpoint);
        if (!authorization.isEmpty())
            delivery.insert(QStringLiteral("authorization_header"), authorization);
        return SignalFixtures::createStream(*w.receiver.client, {{QStringLiteral("delivery"), delivery}});
    }

    // Grants the Bill payer a delegation and revokes it; the delegation's id.
    static QString grantAndRevoke(World &w, TestClient *via = nullptr)
    {
        TestClient &customer = via ? *via : *w.alice;
        const QString id =
            customer.post(QStringLiteral("/v1/delegations"), DemoFixtures::paymentGrant(w.payerId))
                .json()
                .value(u"id")
                .toString();
        customer.post(QStringLiteral("/v1/delegations/%1/revoke").arg(id),
                      {{QStringLiteral("reason"), QStringLiteral("Done.")}});
        return id;
    }

    static QJsonObject streamState(World &w, const QString &stream)
    {
        for (const QJsonValue &receiver :
             w.ada->get(QStringLiteral("/v1/ssf/receivers")).json().value(u"items").toArray()) {
            for (const QJsonValue &state : receiver.toObject().value(u"streams").toArray()) {
                if (state.toObject().value(u"stream_id").toString() == stream)
                    return state.toObject();
            }
        }
        return {};
    }

    // Waits (up to `ms`) until the admin view of the stream satisfies `done`.
    template <typename Predicate>
    static bool waitForState(World &w, const QString &stream, Predicate done, int ms = 10'000)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < ms) {
            if (done(streamState(w, stream)))
                return true;
            QTest::qWait(100);
        }
        return false;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        if (!SetReceiver::available(&why))
            QSKIP(qPrintable(why));
    }

    void pushDeliversVerifiedSetsInOrder()
    {
        auto w = world();
        QVERIFY(w);
        SetReceiver receiver;
        QVERIFY(receiver.serve(w->server->url(), Issuer, w->receiver.id));
        const QString stream = pushStream(*w, receiver.endpoint(), QStringLiteral("Bearer receiver-secret"));
        QVERIFY(!stream.isEmpty());
        QStringList revoked;
        for (int i = 0; i < 5; ++i)
            revoked.append(grantAndRevoke(*w));
        const QList<QJsonObject> got = receiver.waitFor(5);
        QCOMPARE(got.size(), 5);
        QStringList order;
        for (const QJsonObject &set : got) {
            QVERIFY2(set.contains(u"claims"), qPrintable(set.value(u"error").toString()));
            QCOMPARE(set.value(u"content_type").toString(), QStringLiteral("application/secevent+jwt"));
            QCOMPARE(set.value(u"authorization").toString(), QStringLiteral("Bearer receiver-secret"));
            order.append(SignalFixtures::sessionOf(set));
        }
        QCOMPARE(order, revoked);
        QVERIFY(waitForState(*w, stream, [](const QJsonObject &s) {
            return s.value(u"delivered").toInteger() == 5 && s.value(u"queued").toInteger() == 0;
        }));
        // Queue depth and delivery latency are in /metrics.
        TestClient metrics(w->server->url());
        const QByteArray text = metrics.get(QStringLiteral("/metrics")).body;
        QVERIFY(text.contains("mandate_ssf_queue_depth 0"));
        QVERIFY(text.contains("mandate_ssf_delivery_seconds_count 5"));
        QVERIFY(text.contains("mandate_ssf_delivery_lag_seconds"));
    }

    void aReceiverDownThenUpGetsEachEventOnce()
    {
        auto w = world();
        QVERIFY(w);
        SetReceiver down;
        QVERIFY(down.serve(w->server->url(), Issuer, w->receiver.id, 503));
        const quint16 port = down.port();
        const QString stream = pushStream(*w, down.endpoint());
        const QString id = grantAndRevoke(*w);
        QVERIFY(waitForState(*w, stream, [](const QJsonObject &s) {
            return !s.value(u"failing_since").isNull() && s.value(u"last_error").toString().contains(u"503");
        }));
        QCOMPARE(streamState(*w, stream).value(u"queued").toInteger(), 1);
        down.stop();
        QTest::qWait(1500); // refused connections count as failures too
        SetReceiver up;
        QVERIFY(up.serve(w->server->url(), Issuer, w->receiver.id, 0, port));
        QCOMPARE(up.waitFor(1).size(), 1);
        QTest::qWait(2500); // ample time for a duplicate to show up
        const QList<QJsonObject> got = up.received();
        QCOMPARE(got.size(), 1);
        QCOMPARE(SignalFixtures::sessionOf(got[0]), id);
        QVERIFY(waitForState(*w, stream,
                             [](const QJsonObject &s) { return s.value(u"failing_since").isNull(); }));
    }

    void redirectsAreNotFollowed()
    {
        auto w = world();
        QVERIFY(w);
        SetReceiver target;
        QVERIFY(target.serve(w->server->url(), Issuer, w->receiver.id));
        // A receiver that redirects; Location or not, the transmitter does not go anywhere else.
        SetReceiver redirecting;
        QVERIFY(redirecting.serve(w->server->url(), Issuer, w->receiver.id, 307));
        const QString stream = pushStream(*w, redirecting.endpoint());
        grantAndRevoke(*w);
        QVERIFY(waitForState(*w, stream, [](const QJsonObject &s) {
            return s.value(u"last_error").toString().contains(u"redirect");
        }));
        QCOMPARE(target.waitFor(1, 1500).size(), 0);
        QCOMPARE(streamState(*w, stream).value(u"queued").toInteger(), 1);
    }

    void aKilledServerDeliversAfterRestart()
    {
        auto w = world();
        QVERIFY(w);
        // Nobody listens yet: the revocation commits, its SET waits in the store.
        SetReceiver probe;
        QVERIFY(probe.serve(w->server->url(), Issuer, w->receiver.id));
        const quint16 port = probe.port();
        probe.stop();
        pushStream(*w, QStringLiteral("http://127.0.0.1:%1/events").arg(port));
        const QString id = grantAndRevoke(*w);
        w->server->kill();
        QVERIFY(w->server->restart());
        SetReceiver receiver;
        QVERIFY(receiver.serve(w->server->url(), Issuer, w->receiver.id, 0, port));
        // On PostgreSQL the killed instance's lease on the stream (30 s) runs out first.
        const QList<QJsonObject> got = receiver.waitFor(1, TestServer::usesPostgres() ? 45'000 : 15'000);
        QCOMPARE(got.size(), 1);
        QVERIFY2(got[0].contains(u"claims"), qPrintable(got[0].value(u"error").toString()));
        QCOMPARE(SignalFixtures::sessionOf(got[0]), id);
    }

    void aFailingStreamIsPausedWithAReasonAndResumed()
    {
        auto w = world({QStringLiteral("--ssf-pause-after"), QStringLiteral("2")});
        QVERIFY(w);
        SetReceiver down;
        QVERIFY(down.serve(w->server->url(), Issuer, w->receiver.id, 500));
        const quint16 port = down.port();
        const QString stream = pushStream(*w, down.endpoint());
        const QString id = grantAndRevoke(*w);
        QVERIFY(waitForState(
            *w, stream, [](const QJsonObject &s) { return s.value(u"status").toString() == u"paused"; }));
        const QJsonObject status =
            w->receiver.client->get(QStringLiteral("/v1/ssf/status?stream_id=") + stream).json();
        QCOMPARE(status.value(u"status").toString(), QStringLiteral("paused"));
        QVERIFY(status.value(u"reason").toString().contains(QStringLiteral("has not accepted events since")));
        down.stop();
        SetReceiver up;
        QVERIFY(up.serve(w->server->url(), Issuer, w->receiver.id, 0, port));
        // Paused: only the news of the pause goes out.
        const QList<QJsonObject> told = up.waitFor(1);
        QCOMPARE(told.size(), 1);
        QCOMPARE(SetReceiver::eventType(told[0]), SignalFixtures::StreamUpdated.toString());
        QCOMPARE(SetReceiver::event(told[0]).value(u"status").toString(), QStringLiteral("paused"));
        QCOMPARE(up.waitFor(2, 1500).size(), 1);
        // Resumed by an admin: the stream hears so, then gets what it held.
        QCOMPARE(w->ada
                     ->post(QStringLiteral("/v1/ssf/streams/%1/status").arg(stream),
                            {{QStringLiteral("status"), QStringLiteral("enabled")}})
                     .status,
                 200);
        const QList<QJsonObject> got = up.waitFor(3);
        QCOMPARE(got.size(), 3);
        QCOMPARE(SetReceiver::event(got[1]).value(u"status").toString(), QStringLiteral("enabled"));
        QCOMPARE(SetReceiver::eventType(got[2]), SignalFixtures::SessionRevoked.toString());
        QCOMPARE(SignalFixtures::sessionOf(got[2]), id);
        // The admin's verification event arrives too, without a state.
        QCOMPARE(w->ada->post(QStringLiteral("/v1/ssf/streams/%1/verification").arg(stream), {}).status, 204);
        const QList<QJsonObject> verified = up.waitFor(4);
        QCOMPARE(verified.size(), 4);
        QCOMPARE(SetReceiver::eventType(verified[3]), SignalFixtures::Verification.toString());
        QVERIFY(!SetReceiver::event(verified[3]).contains(u"state"));
    }

    // PostgreSQL: two instances share the queue; each event reaches the receiver once.
    void twoInstancesDeliverEachEventOnce()
    {
        if (!TestServer::usesPostgres())
            QSKIP("needs PostgreSQL (MANDATE_TEST_STORE=postgres under scripts/with-postgres.sh)");
        QString error;
        const QString database = TestServer::createPostgresDatabase(&error);
        QVERIFY2(!database.isEmpty(), qPrintable(error));
        QTemporaryDir keys;
        const QStringList shared{
            QStringLiteral("--database"),      database,
            QStringLiteral("--ssf-key"),       keys.filePath(QStringLiteral("ssf-rsa.pem")),
            QStringLiteral("--ssf-eddsa-key"), keys.filePath(QStringLiteral("ssf-ed25519.pem")),
            QStringLiteral("--signing-key"),   keys.filePath(QStringLiteral("signing.pem")),
            QStringLiteral("--log-key"),       keys.filePath(QStringLiteral("log.pem"))};
        auto w = world(shared);
        QVERIFY(w);
        TestServer second(QStringList{QStringLiteral("--ssf-issuer"), Issuer,
                                      QStringLiteral("--ssf-retry-max"), QStringLiteral("1")} +
                          shared);
        QVERIFY2(second.start(&error), qPrintable(error));
        auto alice2 = DemoFixtures::person(second.url(), QStringLiteral("alice"));
        SetReceiver receiver;
        QVERIFY(receiver.serve(w->server->url(), Issuer, w->receiver.id));
        pushStream(*w, receiver.endpoint());
        QSet<QString> revoked;
        for (int i = 0; i < 10; ++i)
            revoked.insert(grantAndRevoke(*w, i % 2 == 0 ? w->alice.get() : alice2.get()));
        QCOMPARE(receiver.waitFor(10, 20'000).size(), 10);
        QTest::qWait(3000); // leases are 30 s: a second sender would have shown up by now
        QSet<QString> got;
        for (const QJsonObject &set : receiver.received())
            got.insert(SignalFixtures::sessionOf(set));
        QCOMPARE(receiver.received().size(), 10);
        QCOMPARE(got, revoked);
    }
};

QTEST_GUILESS_MAIN(TstServerSignalDelivery)
#include "tst_ServerSignalDelivery.moc"
