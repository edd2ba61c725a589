#include "tests/support/DemoFixtures.h"
#include "tests/support/SetReceiver.h"
#include "tests/support/SignalFixtures.h"
#include "tests/support/TestClient.h"
#include "tests/support/TestServer.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

using mandate::test::DemoFixtures;
using mandate::test::SetReceiver;
using mandate::test::SignalFixtures;
using mandate::test::TestClient;
using mandate::test::TestServer;

// The Shared Signals transmitter as receivers use it: metadata and keys, streams that belong to
// one receiver only, what a push URL may be, every CAEP event Mandate sends — each SET verified
// with PyJWT against jwks_uri — and poll delivery with and without acknowledgements.
class TstServerSignals : public QObject
{
    Q_OBJECT

private:
    TestServer m_server{{QStringLiteral("--demo"), QStringLiteral("--sweep-interval"), QStringLiteral("1")}};
    std::unique_ptr<TestClient> m_ada;
    std::unique_ptr<TestClient> m_alice;
    std::unique_ptr<TestClient> m_payer;
    QString m_payerId;

    QString url() const { return m_server.url(); }

    QString grant(const QJsonObject &extra = {})
    {
        QJsonObject body = DemoFixtures::paymentGrant(m_payerId);
        for (auto it = extra.begin(); it != extra.end(); ++it)
            body.insert(it.key(), it.value());
        return m_alice->post(QStringLiteral("/v1/delegations"), body).json().value(u"id").toString();
    }

    int revoke(const QString &id)
    {
        return m_alice
            ->post(QStringLiteral("/v1/delegations/%1/revoke").arg(id),
                   {{QStringLiteral("reason"), QStringLiteral("No longer needed.")}})
            .status;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        if (!SetReceiver::available(&why))
            QSKIP(qPrintable(why));
        QVERIFY2(m_server.start(&why), qPrintable(why));
        m_ada = DemoFixtures::person(url(), QStringLiteral("ada"));
        m_alice = DemoFixtures::person(url(), QStringLiteral("alice"));
        m_payer = DemoFixtures::agentClient(url(), QStringLiteral("Bill payer"));
        QVERIFY(m_ada && m_alice && m_payer);
        m_payerId = DemoFixtures::agentId(*m_alice, QStringLiteral("Bill payer"));
    }

    void metadataNamesTheEndpointsAndTheKeys()
    {
        TestClient anyone(url());
        const QJsonObject metadata = anyone.get(QStringLiteral("/.well-known/ssf-configuration")).json();
        QCOMPARE(metadata.value(u"issuer").toString(), url());
        QCOMPARE(metadata.value(u"spec_version").toString(), QStringLiteral("1_0"));
        QCOMPARE(metadata.value(u"jwks_uri").toString(), url() + QStringLiteral("/v1/ssf/jwks"));
        const QJsonArray keys = anyone.get(QStringLiteral("/v1/ssf/jwks")).json().value(u"keys").toArray();
        QCOMPARE(keys.size(), 2);
        // RS256 with a 2048-bit key, as the CAEP interoperability profile requires.
        const QJsonObject rsa = keys[0].toObject();
        QCOMPARE(rsa.value(u"alg").toString(), QStringLiteral("RS256"));
        QCOMPARE(QByteArray::fromBase64(rsa.value(u"n").toString().toLatin1(), QByteArray::Base64UrlEncoding)
                     .size(),
                 256);
        QCOMPARE(keys[1].toObject().value(u"alg").toString(), QStringLiteral("EdDSA"));
        // Keys of their own: none of them signs credentials.
        const QJsonArray credentialKeys =
            anyone.get(QStringLiteral("/v1/jwks")).json().value(u"keys").toArray();
        for (const QJsonValue &key : credentialKeys) {
            QVERIFY(key.toObject().value(u"kid") != rsa.value(u"kid"));
            QVERIFY(key.toObject().value(u"kid") != keys[1].toObject().value(u"kid"));
        }
    }

    void onlyAdminsRegisterReceiversAndTokensStayInTheirLane()
    {
        auto sam = DemoFixtures::person(url(), QStringLiteral("sam"));
        QCOMPARE(
            sam->post(QStringLiteral("/v1/ssf/receivers"), {{QStringLiteral("name"), QStringLiteral("CRM")}})
                .status,
            403);
        QCOMPARE(sam->get(QStringLiteral("/v1/ssf/receivers")).status, 403);
        auto receiver = SignalFixtures::registerReceiver(*m_ada, url(), QStringLiteral("CRM"));
        QVERIFY(receiver.client->token().startsWith(QStringLiteral("msr_")));
        // Shown once: the list never holds a token.
        const QByteArray listed = m_ada->get(QStringLiteral("/v1/ssf/receivers")).body;
        QVERIFY(listed.contains(receiver.id.toLatin1()));
        QVERIFY(!listed.contains(receiver.client->token().toLatin1()));
        // A receiver's token opens the SSF endpoints only; people's and agents' tokens do not open them.
        QCOMPARE(receiver.client->get(QStringLiteral("/v1/ssf/stream")).status, 200);
        QCOMPARE(receiver.client->get(QStringLiteral("/v1/delegations")).status, 403);
        QCOMPARE(
            receiver.client
                ->post(QStringLiteral("/v1/introspect"), {{QStringLiteral("token"), QStringLiteral("x")}})
                .status,
            403);
        QCOMPARE(m_ada->get(QStringLiteral("/v1/ssf/stream")).status, 403);
        QCOMPARE(m_payer->get(QStringLiteral("/v1/ssf/stream")).status, 403);
        // A wrong token is named as such (RFC 6750 §3.1).
        TestClient forged(url());
        forged.setToken(QStringLiteral("msr_") + QString(43, u'A'));
        const auto refused = forged.get(QStringLiteral("/v1/ssf/stream"));
        QCOMPARE(refused.status, 401);
        QCOMPARE(refused.header("WWW-Authenticate"), QByteArray(R"(Bearer error="invalid_token")"));
        // Revoked: the token stops at once.
        QCOMPARE(m_ada->post(QStringLiteral("/v1/ssf/receivers/%1/revoke").arg(receiver.id), {}).status, 200);
        QCOMPARE(receiver.client->get(QStringLiteral("/v1/ssf/stream")).status, 401);
    }

    void anotherReceiversStreamDoesNotExist()
    {
        auto owner = SignalFixtures::registerReceiver(*m_ada, url(), QStringLiteral("Payments API"));
        auto other = SignalFixtures::registerReceiver(*m_ada, url(), QStringLiteral("Data warehouse"));
        const QString id = SignalFixtures::createStream(*owner.client);
        QVERIFY(!id.isEmpty());
        const QString query = QStringLiteral("?stream_id=") + id;
        TestClient &intruder = *other.client;
        QCOMPARE(intruder.get(QStringLiteral("/v1/ssf/stream") + query).status, 404);
        QCOMPARE(intruder.get(QStringLiteral("/v1/ssf/status") + query).status, 404);
        QCOMPARE(intruder.del(QStringLiteral("/v1/ssf/stream") + query).status, 404);
        const QJsonObject named{{QStringLiteral("stream_id"), id}};
        QCOMPARE(intruder
                     .send("PATCH", QStringLiteral("/v1/ssf/stream"),
                           R"({"stream_id":")" + id.toLatin1() + R"(","description":"mine"})",
                           {{"Content-Type", "application/json"}})
                     .status,
                 404);
        QCOMPARE(intruder
                     .send("PUT", QStringLiteral("/v1/ssf/stream"),
                           R"({"stream_id":")" + id.toLatin1() + R"("})",
                           {{"Content-Type", "application/json"}})
                     .status,
                 404);
        QCOMPARE(intruder
                     .post(QStringLiteral("/v1/ssf/status"),
                           {{QStringLiteral("stream_id"), id},
                            {QStringLiteral("status"), QStringLiteral("disabled")}})
                     .status,
                 404);
        QCOMPARE(intruder.post(QStringLiteral("/v1/ssf/verify"), named).status, 404);
        QCOMPARE(intruder
                     .post(QStringLiteral("/v1/ssf/subjects:remove"),
                           {{QStringLiteral("stream_id"), id},
                            {QStringLiteral("subject"),
                             QJsonObject{{QStringLiteral("format"), QStringLiteral("opaque")},
                                         {QStringLiteral("id"), QStringLiteral("x")}}}})
                     .status,
                 404);
        QCOMPARE(intruder.post(QStringLiteral("/v1/ssf/poll/") + id, {}).status, 404);
        QCOMPARE(intruder.get(QStringLiteral("/v1/ssf/stream")).body, QByteArray("[]"));
        // Untouched by all of that.
        QCOMPARE(
            owner.client->get(QStringLiteral("/v1/ssf/status") + query).json().value(u"status").toString(),
            QStringLiteral("enabled"));
    }

    void pushUrlsAreHttpWithoutCredentialsAndBodiesAreBounded_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("field");
        const auto push = [](const QString &endpoint) {
            return QJsonObject{{QStringLiteral("delivery"), SignalFixtures::pushDelivery(endpoint)}};
        };
        const QString endpoint = QStringLiteral("delivery.endpoint_url");
        QTest::newRow("ftp") << push(QStringLiteral("ftp://127.0.0.1/events")) << endpoint;
        QTest::newRow("file") << push(QStringLiteral("file:///etc/passwd")) << endpoint;
        QTest::newRow("javascript") << push(QStringLiteral("javascript:alert(1)")) << endpoint;
        QTest::newRow("credentials") << push(QStringLiteral("https://user:secret@127.0.0.1/events"))
                                     << endpoint;
        QTest::newRow("user only") << push(QStringLiteral("http://user@127.0.0.1/events")) << endpoint;
        QTest::newRow("relative") << push(QStringLiteral("/events")) << endpoint;
        QTest::newRow("fragment") << push(QStringLiteral("https://127.0.0.1/events#x")) << endpoint;
        QTest::newRow("header injection")
            << QJsonObject{{QStringLiteral("delivery"),
                            QJsonObject{
                                {QStringLiteral("method"), QStringLiteral("urn:ietf:rfc:8935")},
                                {QStringLiteral("endpoint_url"), QStringLiteral("https://127.0.0.1/e")},
                                {QStringLiteral("authorization_header"), QStringLiteral("a\r\nX-Evil: 1")}}}}
            << QStringLiteral("delivery.authorization_header");
        QTest::newRow("description over the limit")
            << QJsonObject{{QStringLiteral("description"), QString(1001, u'd')}}
            << QStringLiteral("description");
        QTest::newRow("body over the limit")
            << QJsonObject{{QStringLiteral("events_requested"), QJsonArray{QString(70'000, u'e')}}}
            << QStringLiteral("body");
        QTest::newRow("transmitter's value")
            << QJsonObject{{QStringLiteral("iss"), QStringLiteral("https://evil")}} << QStringLiteral("iss");
        QTest::newRow("unknown method")
            << QJsonObject{{QStringLiteral("delivery"),
                            QJsonObject{{QStringLiteral("method"), QStringLiteral("urn:x")}}}}
            << QStringLiteral("delivery.method");
        QTest::newRow("unknown member") << QJsonObject{{QStringLiteral("evnts_requested"), QJsonArray{}}}
                                        << QStringLiteral("evnts_requested");
    }
    void pushUrlsAreHttpWithoutCredentialsAndBodiesAreBounded()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, field);
        auto receiver = SignalFixtures::registerReceiver(*m_ada, url(), QStringLiteral("Bounds"));
        const auto refused = receiver.client->post(QStringLiteral("/v1/ssf/stream"), body);
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.errorFields(), QStringList{field});
        QCOMPARE(receiver.client->get(QStringLiteral("/v1/ssf/stream")).body, QByteArray("[]"));
    }

    void aStreamIsCreatedReadUpdatedReplacedAndDeleted()
    {
        auto receiver = SignalFixtures::registerReceiver(*m_ada, url(), QStringLiteral("Lifecycle"));
        TestClient &r = *receiver.client;
        const auto created =
            r.post(QStringLiteral("/v1/ssf/stream"),
                   {{QStringLiteral("description"), QStringLiteral("first")},
                    {QStringLiteral("events_requested"),
                     QJsonArray{SignalFixtures::SessionRevoked.toString(), QStringLiteral("urn:unknown")}}});
        QCOMPARE(created.status, 201);
        const QJsonObject config = created.json();
        const QString id = config.value(u"stream_id").toString();
        QCOMPARE(config.value(u"iss").toString(), url());
        QCOMPARE(config.value(u"aud").toString(), receiver.id);
        // No delivery asked for: poll, at a URL the transmitter names. Unknown types are ignored.
        QCOMPARE(config.value(u"delivery").toObject().value(u"method").toString(),
                 QStringLiteral("urn:ietf:rfc:8936"));
        QCOMPARE(config.value(u"delivery").toObject().value(u"endpoint_url").toString(),
                 url() + QStringLiteral("/v1/ssf/poll/") + id);
        QCOMPARE(config.value(u"events_delivered").toArray(),
                 QJsonArray{SignalFixtures::SessionRevoked.toString()});

        const QByteArray json = "application/json";
        auto patched = r.send("PATCH", QStringLiteral("/v1/ssf/stream"),
                              R"({"stream_id":")" + id.toLatin1() + R"(","description":"second","iss":")" +
                                  url().toLatin1() + R"("})",
                              {{"Content-Type", json}});
        QCOMPARE(patched.status, 200);
        QCOMPARE(patched.json().value(u"description").toString(), QStringLiteral("second"));
        QCOMPARE(patched.json().value(u"events_requested").toArray().size(), 2); // untouched by PATCH
        // Transmitter-supplied values may be repeated, not changed.
        auto wrong = r.send("PATCH", QStringLiteral("/v1/ssf/stream"),
                            R"({"stream_id":")" + id.toLatin1() + R"(","aud":"someone-else"})",
                            {{"Content-Type", json}});
        QCOMPARE(wrong.status, 400);
        QCOMPARE(wrong.errorFields(), QStringList{QStringLiteral("aud")});
        // PUT replaces: what it does not name goes.
        auto replaced = r.send("PUT", QStringLiteral("/v1/ssf/stream"),
                               R"({"stream_id":")" + id.toLatin1() + R"(","signing_alg":"EdDSA"})",
                               {{"Content-Type", json}});
        QCOMPARE(replaced.status, 200);
        QVERIFY(!replaced.json().contains(u"description"));
        QVERIFY(!replaced.json().contains(u"events_requested"));
        QCOMPARE(replaced.json().value(u"signing_alg").toString(), QStringLiteral("EdDSA"));
        QCOMPARE(r.get(QStringLiteral("/v1/ssf/stream?stream_id=") + id).json(), replaced.json());

        const auto paused = r.post(QStringLiteral("/v1/ssf/status"),
                                   {{QStringLiteral("stream_id"), id},
                                    {QStringLiteral("status"), QStringLiteral("paused")},
                                    {QStringLiteral("reason"), QStringLiteral("maintenance")}});
        QCOMPARE(paused.json().value(u"reason").toString(), QStringLiteral("maintenance"));
        QCOMPARE(r.get(QStringLiteral("/v1/ssf/status?stream_id=") + id).json().value(u"status").toString(),
                 QStringLiteral("paused"));
        QCOMPARE(r.del(QStringLiteral("/v1/ssf/stream?stream_id=") + id).status, 204);
        QCOMPARE(r.get(QStringLiteral("/v1/ssf/stream?stream_id=") + id).status, 404);
    }

    void everyEventKindIsSignedAndCarriesItsCause()
    {
        auto receiver = SignalFixtures::registerReceiver(*m_ada, url(), QStringLiteral("Events"));
        const QString stream = SignalFixtures::createStream(*receiver.client);
        const QString eddsaStream = SignalFixtures::createStream(
            *receiver.client, {{QStringLiteral("signing_alg"), QStringLiteral("EdDSA")}});

        // A delegation with a live JIT credential and a sub-delegation, revoked by its customer.
        const QString parent = grant();
        const auto credential =
            m_payer->post(QStringLiteral("/v1/credentials"),
                          {{QStringLiteral("delegation_id"), parent}, {QStringLiteral("ttl_seconds"), 300}});
        QCOMPARE(credential.status, 201);
        QJsonObject childGrant = DemoFixtures::paymentGrant(m_payerId, QStringLiteral("Pay the deposit"), 6);
        childGrant.remove(QStringLiteral("agent_id"));
        childGrant.insert(QStringLiteral("agent_spiffe_id"),
                          QStringLiteral("spiffe://demo.mandate.local/agents/travel-helper"));
        const QString child =
            m_payer->post(QStringLiteral("/v1/delegations/%1/subdelegations").arg(parent), childGrant)
                .json()
                .value(u"id")
                .toString();
        QVERIFY(!child.isEmpty());
        QCOMPARE(revoke(parent), 200);

        for (const QString &id : {stream, eddsaStream}) {
            const QList<QJsonObject> sets =
                SignalFixtures::pollVerified(*receiver.client, id, url(), receiver.id);
            QCOMPARE(sets.size(), 3); // the delegation, its sub-delegation, its credential
            QString txn;
            QSet<QString> sessions;
            for (const QJsonObject &set : sets) {
                QVERIFY2(set.contains(u"claims"), qPrintable(set.value(u"error").toString()));
                QCOMPARE(set.value(u"header").toObject().value(u"alg").toString(),
                         id == stream ? QStringLiteral("RS256") : QStringLiteral("EdDSA"));
                const QJsonObject claims = set.value(u"claims").toObject();
                const QJsonObject subject = claims.value(u"sub_id").toObject();
                QCOMPARE(subject.value(u"format").toString(), QStringLiteral("complex"));
                QCOMPARE(subject.value(u"agent").toObject().value(u"format").toString(),
                         QStringLiteral("uri"));
                // One change, one transaction id across its SETs.
                QVERIFY(txn.isEmpty() || claims.value(u"txn").toString() == txn);
                txn = claims.value(u"txn").toString();
                const QJsonObject event = SetReceiver::event(set);
                QCOMPARE(event.value(u"initiating_entity").toString(), QStringLiteral("user"));
                QVERIFY(event.value(u"reason_admin")
                            .toObject()
                            .value(u"en")
                            .toString()
                            .contains(QStringLiteral("No longer needed.")));
                QVERIFY(event.value(u"event_timestamp").toInteger() > 0);
                if (SetReceiver::eventType(set) == SignalFixtures::CredentialChange) {
                    QCOMPARE(event.value(u"credential_type").toString(), QStringLiteral("jwt"));
                    QCOMPARE(event.value(u"change_type").toString(), QStringLiteral("revoke"));
                    QCOMPARE(subject.value(u"credential").toObject().value(u"jti").toString(),
                             SignalFixtures::jtiOf(credential.json().value(u"token").toString()));
                    QCOMPARE(SignalFixtures::sessionOf(set), parent);
                } else {
                    QCOMPARE(SetReceiver::eventType(set), SignalFixtures::SessionRevoked.toString());
                    sessions.insert(SignalFixtures::sessionOf(set));
                }
            }
            QCOMPARE(sessions, (QSet<QString>{parent, child}));
        }

        // Suspension (an admin's act), completion (the delegation's own trigger), expiry (the system).
        const QString exporterId = DemoFixtures::agentId(*m_ada, QStringLiteral("CRM exporter"));
        const QString suspended = grant({{QStringLiteral("agent_id"), exporterId}});
        const QString completed = grant();
        const QString expiring =
            grant({{QStringLiteral("expires_at"),
                    QDateTime::currentDateTimeUtc().addSecs(2).toString(Qt::ISODateWithMs)}});
        QVERIFY(!expiring.isEmpty());
        QCOMPARE(m_payer->post(QStringLiteral("/v1/delegations/%1/complete").arg(completed), {}).status, 200);
        QTest::qWait(3500); // the sweeper runs every second
        QList<QJsonObject> later = SignalFixtures::pollVerified(*receiver.client, stream, url(), receiver.id);
        QCOMPARE(m_ada
                     ->post(QStringLiteral("/v1/agents/%1/suspend").arg(exporterId),
                            {{QStringLiteral("reason"), QStringLiteral("Sending money to strangers.")}})
                     .status,
                 200);
        later += SignalFixtures::pollVerified(*receiver.client, stream, url(), receiver.id);
        QHash<QString, QString> initiator;
        for (const QJsonObject &set : later)
            initiator.insert(SignalFixtures::sessionOf(set),
                             SetReceiver::event(set).value(u"initiating_entity").toString());
        QCOMPARE(initiator.value(completed), QStringLiteral("policy"));
        QCOMPARE(initiator.value(expiring), QStringLiteral("system"));
        QCOMPARE(initiator.value(suspended), QStringLiteral("admin"));
        // Each ended delegation is announced once, however many ways it ended.
        QCOMPARE(later.size(), initiator.size());

        // Verification carries the receiver's state and names the stream.
        QCOMPARE(
            receiver.client
                ->post(QStringLiteral("/v1/ssf/verify"), {{QStringLiteral("stream_id"), stream},
                                                          {QStringLiteral("state"), QStringLiteral("abc")}})
                .status,
            204);
        QCOMPARE(
            receiver.client->post(QStringLiteral("/v1/ssf/verify"), {{QStringLiteral("stream_id"), stream}})
                .status,
            429);
        const QList<QJsonObject> verification =
            SignalFixtures::pollVerified(*receiver.client, stream, url(), receiver.id);
        QCOMPARE(verification.size(), 1);
        QCOMPARE(SetReceiver::eventType(verification[0]), SignalFixtures::Verification.toString());
        QCOMPARE(SetReceiver::event(verification[0]).value(u"state").toString(), QStringLiteral("abc"));
        QCOMPARE(verification[0].value(u"claims").toObject().value(u"sub_id").toObject(),
                 (QJsonObject{{QStringLiteral("format"), QStringLiteral("opaque")},
                              {QStringLiteral("id"), stream}}));
    }

    void pollReturnsWhatIsNotAcknowledged()
    {
        auto receiver = SignalFixtures::registerReceiver(*m_ada, url(), QStringLiteral("Poller"));
        TestClient &r = *receiver.client;
        const QString stream = SignalFixtures::createStream(r);
        const QString path = QStringLiteral("/v1/ssf/poll/") + stream;
        const QString first = grant();
        const QString second = grant();
        QCOMPARE(revoke(first), 200);
        QCOMPARE(revoke(second), 200);
        const QJsonObject now{{QStringLiteral("returnImmediately"), true}};
        // Not acknowledged: the same SETs again.
        const QJsonObject one = r.post(path, now).json().value(u"sets").toObject();
        QCOMPARE(one.size(), 2);
        QCOMPARE(r.post(path, now).json().value(u"sets").toObject(), one);
        // maxEvents bounds the answer and says that more wait.
        const auto bounded =
            r.post(path, {{QStringLiteral("returnImmediately"), true}, {QStringLiteral("maxEvents"), 1}});
        QCOMPARE(bounded.json().value(u"sets").toObject().size(), 1);
        QCOMPARE(bounded.json().value(u"moreAvailable").toBool(), true);
        // One acknowledged, one reported as unusable: neither comes again; the error is shown to admins.
        const QStringList jtis = one.keys();
        const auto acked = r.post(
            path, {{QStringLiteral("returnImmediately"), true},
                   {QStringLiteral("ack"), QJsonArray{jtis[0]}},
                   {QStringLiteral("setErrs"),
                    QJsonObject{{jtis[1], QJsonObject{{QStringLiteral("err"), QStringLiteral("invalid_key")},
                                                      {QStringLiteral("description"),
                                                       QStringLiteral("unknown kid")}}}}}});
        QCOMPARE(acked.json().value(u"sets").toObject().size(), 0);
        QCOMPARE(acked.json().value(u"moreAvailable").toBool(), false);
        QVERIFY(m_ada->get(QStringLiteral("/v1/ssf/receivers")).body.contains("unknown kid"));

        // Long polling: an empty poll waits, and a revocation answers it.
        QNetworkAccessManager network;
        QNetworkRequest request(QUrl(url() + path));
        request.setRawHeader("Authorization", "Bearer " + r.token().toLatin1());
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QElapsedTimer waited;
        waited.start();
        QNetworkReply *waiting = network.post(request, QByteArrayLiteral("{}"));
        QSignalSpy finished(waiting, &QNetworkReply::finished);
        QVERIFY(!finished.wait(1000)); // nothing to give yet: held
        QCOMPARE(revoke(grant()), 200);
        QVERIFY(finished.count() == 1 || finished.wait(5000));
        QVERIFY(waited.elapsed() < 10'000);
        const QJsonObject answered = QJsonDocument::fromJson(waiting->readAll()).object();
        QCOMPARE(answered.value(u"sets").toObject().size(), 1);
        waiting->deleteLater();
    }

    // A retried request with its Idempotency-Key changes nothing more, empty answers included.
    void aRepeatedRequestReplaysItsAnswer()
    {
        auto receiver = SignalFixtures::registerReceiver(*m_ada, url(), QStringLiteral("Retries"));
        const QString stream = SignalFixtures::createStream(*receiver.client);
        const QJsonObject body{{QStringLiteral("stream_id"), stream},
                               {QStringLiteral("state"), QStringLiteral("once")}};
        QCOMPARE(receiver.client->post(QStringLiteral("/v1/ssf/verify"), body, "verify-1").status, 204);
        const auto replayed = receiver.client->post(QStringLiteral("/v1/ssf/verify"), body, "verify-1");
        QCOMPARE(replayed.status, 204);
        QCOMPARE(replayed.header("Idempotent-Replayed"), QByteArray("true"));
        QCOMPARE(SignalFixtures::pollVerified(*receiver.client, stream, url(), receiver.id).size(), 1);
    }

    void removedSubjectsHoldTheirEventsBack()
    {
        auto receiver = SignalFixtures::registerReceiver(*m_ada, url(), QStringLiteral("Subjects"));
        TestClient &r = *receiver.client;
        const QString stream = SignalFixtures::createStream(r);
        const QJsonObject payer{
            {QStringLiteral("format"), QStringLiteral("complex")},
            {QStringLiteral("agent"),
             QJsonObject{
                 {QStringLiteral("format"), QStringLiteral("uri")},
                 {QStringLiteral("uri"), QStringLiteral("spiffe://demo.mandate.local/agents/bill-payer")}}}};
        QCOMPARE(r.post(QStringLiteral("/v1/ssf/subjects:remove"),
                        {{QStringLiteral("stream_id"), stream}, {QStringLiteral("subject"), payer}})
                     .status,
                 204);
        QCOMPARE(revoke(grant()), 200);
        QCOMPARE(SignalFixtures::pollVerified(r, stream, url(), receiver.id).size(), 0);
        QCOMPARE(r.post(QStringLiteral("/v1/ssf/subjects:add"), {{QStringLiteral("stream_id"), stream},
                                                                 {QStringLiteral("subject"), payer},
                                                                 {QStringLiteral("verified"), true}})
                     .status,
                 200);
        QCOMPARE(revoke(grant()), 200);
        QCOMPARE(SignalFixtures::pollVerified(r, stream, url(), receiver.id).size(), 1);
        // Not a subject identifier: refused with the field named.
        const auto refused = r.post(QStringLiteral("/v1/ssf/subjects:add"),
                                    {{QStringLiteral("stream_id"), stream},
                                     {QStringLiteral("subject"), QJsonObject{{QStringLiteral("id"), 1}}}});
        QCOMPARE(refused.errorFields(), QStringList{QStringLiteral("subject")});
    }
};

QTEST_GUILESS_MAIN(TstServerSignals)
#include "tst_ServerSignals.moc"
