#include "tests/support/TestClient.h"
#include "tests/support/TestServer.h"

#include <QTest>

using mandate::test::TestClient;
using mandate::test::TestServer;

// GET /v1/demo: a --demo server names the people it seeded and their password, truthfully (each
// signs in with it and has the roles named); any other server answers 404 as for a route it lacks.
class TstServerDemo : public QObject
{
    Q_OBJECT

private:
    TestServer m_demo;
    TestServer m_plain{QStringList{}};

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_demo.start(&error), qPrintable(error));
        QVERIFY2(m_plain.start(&error), qPrintable(error));
    }

    void aDemoServerNamesWhoToSignInAs()
    {
        TestClient anonymous(m_demo.url());
        const auto reply = anonymous.get(QStringLiteral("/v1/demo"));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.header("Content-Type"), QByteArray("application/json"));
        const QJsonObject body = reply.json();
        QCOMPARE(body.keys(), (QStringList{QStringLiteral("password"), QStringLiteral("people")}));
        const QString password = body.value(QStringLiteral("password")).toString();
        QCOMPARE(password, QStringLiteral("mandate-demo"));

        QStringList usernames;
        for (const QJsonValue &value : body.value(QStringLiteral("people")).toArray()) {
            const QJsonObject person = value.toObject();
            const QString username = person.value(QStringLiteral("username")).toString();
            usernames.append(username);
            TestClient client(m_demo.url());
            QVERIFY2(client.signIn(username, password), qPrintable(username));
            const QJsonObject me = client.get(QStringLiteral("/v1/me")).json();
            QCOMPARE(person.value(QStringLiteral("display_name")), me.value(QStringLiteral("display_name")));
            QCOMPARE(person.value(QStringLiteral("roles")), me.value(QStringLiteral("roles")));
        }
        QCOMPARE(usernames,
                 (QStringList{QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol"),
                              QStringLiteral("dave"), QStringLiteral("sam"), QStringLiteral("ada")}));
    }

    void anyOtherServerAnswersNotFound()
    {
        TestClient anonymous(m_plain.url());
        const auto reply = anonymous.get(QStringLiteral("/v1/demo"));
        QCOMPARE(reply.status, 404);
        QCOMPARE(reply.problemKind(), QStringLiteral("not_found"));
        QCOMPARE(reply.header("Content-Type"), QByteArray("application/problem+json"));
        QVERIFY(!reply.body.contains("mandate-demo"));
    }
};

QTEST_GUILESS_MAIN(TstServerDemo)
#include "tst_ServerDemo.moc"
