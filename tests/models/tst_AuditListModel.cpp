#include "client/ApiClient.h"
#include "client/MandateApi.h"
#include "models/AuditListModel.h"
#include "tests/support/DemoFixtures.h"
#include "tests/support/TestClient.h"
#include "tests/support/TestServer.h"

#include <QAbstractItemModelTester>
#include <QTest>

using mandate::models::AuditListModel;
using mandate::test::DemoFixtures;
using mandate::test::TestServer;

class TstAuditListModel : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        auto alice = DemoFixtures::person(m_server.url(), QStringLiteral("alice"));
        const QString payer = DemoFixtures::agentId(*alice, QStringLiteral("Bill payer"));
        QList<mandate::test::TestClient::Call> calls;
        for (int i = 0; i < 150; ++i)
            calls.append({alice->token(), "POST", QStringLiteral("/v1/delegations"),
                          DemoFixtures::paymentGrant(payer, QStringLiteral("Audited %1").arg(i))});
        for (const auto &reply : mandate::test::TestClient::sendConcurrently(m_server.url(), calls, 8))
            QCOMPARE(reply.status, 201);
    }

    void pagesTheTimelineInOrderUnderAFilter()
    {
        auto sam = DemoFixtures::person(m_server.url(), QStringLiteral("sam"));
        mandate::client::ApiClient client;
        client.setServer(QUrl(m_server.url()));
        client.setToken(sam->token());
        mandate::client::MandateApi api(client);
        AuditListModel model(api);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        mandate::client::AuditFilter filter;
        filter.type = QStringLiteral("delegation.granted");
        model.setFilter(filter);
        while (true) {
            QTRY_VERIFY(!model.isLoading());
            if (!model.canFetchMore({}))
                break;
            model.fetchMore({});
        }
        QVERIFY(model.rowCount() >= 150);
        for (int row = 1; row < model.rowCount(); ++row) {
            QVERIFY(model.eventAt(row - 1)->seq < model.eventAt(row)->seq);
            QCOMPARE(model.eventAt(row)->type, QStringLiteral("delegation.granted"));
        }
        const QModelIndex last = model.index(model.rowCount() - 1, AuditListModel::SummaryColumn);
        QVERIFY2(
            last.data().toString().startsWith(QStringLiteral("Bill payer may act for Alice Martin: Audited")),
            qPrintable(last.data().toString()));
        QVERIFY(last.siblingAtColumn(0)
                    .data(AuditListModel::DetailsRole)
                    .toString()
                    .contains(QStringLiteral("Hash: ")));
        QCOMPARE(model.index(0, AuditListModel::TypeColumn).data().toString(),
                 QStringLiteral("Delegation granted"));
    }
};

QTEST_GUILESS_MAIN(TstAuditListModel)
#include "tst_AuditListModel.moc"
