#include "server/http/Router.h"

#include <QTest>

using mandate::server::ApiRequest;
using mandate::server::Responder;
using mandate::server::Router;

class TstRouter : public QObject
{
    Q_OBJECT

private:
    static Router router()
    {
        Router r;
        const auto none = [](ApiRequest &, Responder) {
        };
        r.add("GET", QStringLiteral("/v1/delegations"), Router::Access::User, none);
        r.add("POST", QStringLiteral("/v1/delegations"), Router::Access::User, none);
        r.add("GET", QStringLiteral("/v1/delegations/{id}"), Router::Access::User, none);
        r.add("POST", QStringLiteral("/v1/delegations/{id}/revoke"), Router::Access::User, none);
        r.add("DELETE", QStringLiteral("/v1/sessions/current"), Router::Access::User, none);
        return r;
    }

private Q_SLOTS:
    void matchesPatterns()
    {
        const Router r = router();
        const auto m = r.match("POST", QStringLiteral("/v1/delegations/dlg_1/revoke"));
        QVERIFY(m.route);
        QCOMPARE(m.route->pattern, QStringLiteral("/v1/delegations/{id}/revoke"));
        QCOMPARE(m.params, QStringList{QStringLiteral("dlg_1")});
    }

    void unknownPathIsNotFound()
    {
        const auto m = router().match("GET", QStringLiteral("/v1/nothing"));
        QVERIFY(!m.route);
        QVERIFY(m.allowedMethods.isEmpty());
    }

    void wrongMethodListsAllowed()
    {
        const auto m = router().match("DELETE", QStringLiteral("/v1/delegations"));
        QVERIFY(!m.route);
        QCOMPARE(m.allowedMethods, QByteArray("GET, POST"));
    }

    void refusesAmbiguousPaths_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("trailing slash") << QStringLiteral("/v1/delegations/");
        QTest::newRow("double slash") << QStringLiteral("/v1//delegations");
        QTest::newRow("extra segment") << QStringLiteral("/v1/delegations/a/b");
    }

    void refusesAmbiguousPaths()
    {
        QFETCH(QString, path);
        QVERIFY(!router().match("GET", path).route);
    }
};

QTEST_APPLESS_MAIN(TstRouter)
#include "tst_Router.moc"
