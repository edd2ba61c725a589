#include "tests/support/TestClient.h"
#include "tests/support/TestServer.h"

#include <QTest>

using mandate::test::TestClient;
using mandate::test::TestServer;

class TstServerSessions : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;

    TestClient::Reply signIn(TestClient &client, const QString &username, const QString &password)
    {
        return client.post(QStringLiteral("/v1/sessions"),
                           {{QStringLiteral("username"), username}, {QStringLiteral("password"), password}});
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
    }

    void signInReturnsTokenAndUser()
    {
        TestClient client(m_server.url());
        const auto reply = signIn(client, QStringLiteral("alice"), QStringLiteral("mandate-demo"));
        QCOMPARE(reply.status, 201);
        const QJsonObject body = reply.json();
        QVERIFY(body.value(QStringLiteral("token")).toString().startsWith(QStringLiteral("mst_")));
        QVERIFY(!body.value(QStringLiteral("expires_at")).toString().isEmpty());
        const QJsonObject user = body.value(QStringLiteral("user")).toObject();
        QCOMPARE(user.value(QStringLiteral("username")).toString(), QStringLiteral("alice"));
        QCOMPARE(user.value(QStringLiteral("display_name")).toString(), QStringLiteral("Alice Martin"));
        QCOMPARE(user.value(QStringLiteral("roles")).toArray(), QJsonArray{QStringLiteral("customer")});
        QVERIFY(user.value(QStringLiteral("id")).toString().startsWith(QStringLiteral("usr_")));
    }

    void unknownUserAndWrongPasswordLookAlike()
    {
        TestClient client(m_server.url());
        const auto wrong = signIn(client, QStringLiteral("bob"), QStringLiteral("not-the-password"));
        const auto unknown = signIn(client, QStringLiteral("mallory"), QStringLiteral("not-the-password"));
        QCOMPARE(wrong.status, 401);
        QCOMPARE(unknown.status, 401);
        QCOMPARE(wrong.body, unknown.body);
        QCOMPARE(wrong.problemKind(), QStringLiteral("unauthenticated"));
        QCOMPARE(wrong.header("Content-Type"), QByteArray("application/problem+json"));
    }

    void meNeedsAToken()
    {
        TestClient anonymous(m_server.url());
        QCOMPARE(anonymous.get(QStringLiteral("/v1/me")).status, 401);
        anonymous.setToken(QStringLiteral("mst_forged"));
        QCOMPARE(anonymous.get(QStringLiteral("/v1/me")).status, 401);

        TestClient carol(m_server.url());
        QVERIFY(carol.signIn(QStringLiteral("carol")));
        const auto me = carol.get(QStringLiteral("/v1/me"));
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json().value(QStringLiteral("roles")).toArray(), QJsonArray{QStringLiteral("approver")});
    }

    void signOutKillsTheTokenAtOnce()
    {
        TestClient client(m_server.url());
        QVERIFY(client.signIn(QStringLiteral("sam")));
        QCOMPARE(client.get(QStringLiteral("/v1/me")).status, 200);
        QCOMPARE(client.del(QStringLiteral("/v1/sessions/current")).status, 204);
        QCOMPARE(client.get(QStringLiteral("/v1/me")).status, 401);
        QCOMPARE(client.del(QStringLiteral("/v1/sessions/current")).status, 401);
    }

    void repeatedFailuresAreThrottled()
    {
        TestClient client(m_server.url());
        for (int i = 0; i < 5; ++i)
            QCOMPARE(signIn(client, QStringLiteral("dave"), QStringLiteral("guess-%1").arg(i)).status, 401);
        const auto throttled = signIn(client, QStringLiteral("dave"), QStringLiteral("mandate-demo"));
        QCOMPARE(throttled.status, 429);
        QCOMPARE(throttled.problemKind(), QStringLiteral("rate_limited"));
        QVERIFY(throttled.header("Retry-After").toInt() > 0);
        // Another account is not locked by dave's failures.
        QCOMPARE(signIn(client, QStringLiteral("ada"), QStringLiteral("mandate-demo")).status, 201);
    }

    void malformedSignInIsAValidationError()
    {
        TestClient client(m_server.url());
        const auto missing = client.post(QStringLiteral("/v1/sessions"),
                                         {{QStringLiteral("username"), QStringLiteral("alice")}});
        QCOMPARE(missing.status, 400);
        QCOMPARE(missing.errorFields(), QStringList{QStringLiteral("password")});
        const auto extra = client.post(QStringLiteral("/v1/sessions"),
                                       {{QStringLiteral("username"), QStringLiteral("alice")},
                                        {QStringLiteral("password"), QStringLiteral("x")},
                                        {QStringLiteral("remember"), true}});
        QCOMPARE(extra.status, 400);
        QCOMPARE(extra.errorFields(), QStringList{QStringLiteral("remember")});
    }
};

QTEST_GUILESS_MAIN(TstServerSessions)
#include "tst_ServerSessions.moc"
