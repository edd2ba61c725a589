#include "client/ApiClient.h"
#include "client/EventStream.h"
#include "client/MandateApi.h"
#include "client/UserInfo.h"
#include "core/Clock.h"
#include "models/ApprovalFormatter.h"
#include "models/ApprovalListModel.h"
#include "tests/support/DemoFixtures.h"
#include "tests/support/TestClient.h"
#include "tests/support/TestServer.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using mandate::ApprovalKind;
using mandate::ApprovalStatus;
using mandate::models::ApprovalFilter;
using mandate::models::ApprovalFormatter;
using mandate::models::ApprovalListModel;
using mandate::test::DemoFixtures;
using mandate::test::TestServer;

// The approvals inbox model against a real server: paging, filters, live events, the pending
// count, and who may decide what.
class TstApprovalListModel : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    mandate::SystemClock m_clock;
    std::unique_ptr<mandate::test::TestClient> m_alice;
    std::unique_ptr<mandate::test::TestClient> m_carol;
    std::unique_ptr<mandate::test::TestClient> m_payer;

    std::unique_ptr<mandate::client::ApiClient> consoleClient(const QString &username)
    {
        auto rest = DemoFixtures::person(m_server.url(), username);
        if (!rest)
            return nullptr;
        auto client = std::make_unique<mandate::client::ApiClient>();
        client->setServer(QUrl(m_server.url()));
        client->setToken(rest->token());
        return client;
    }

    static void fetchAll(ApprovalListModel &model)
    {
        while (true) {
            QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 10000);
            if (!model.canFetchMore({}))
                return;
            model.fetchMore({});
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        m_alice = DemoFixtures::person(m_server.url(), QStringLiteral("alice"));
        m_carol = DemoFixtures::person(m_server.url(), QStringLiteral("carol"));
        m_payer = DemoFixtures::agentClient(m_server.url(), QStringLiteral("Bill payer"));
        QVERIFY(m_alice && m_carol && m_payer);
        // More dual-control requests than one page of the console's page size.
        for (int i = 0; i < mandate::client::MandateApi::PageSize + 5; ++i)
            QVERIFY(!DemoFixtures::dualControlRequest(*m_alice, *m_payer).isEmpty());
    }

    void pagesFiltersAndPassesTheModelTester()
    {
        auto client = consoleClient(QStringLiteral("carol"));
        mandate::client::MandateApi api(*client);
        ApprovalListModel model(api, m_clock);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy pages(&model, &ApprovalListModel::pageLoaded);
        model.setFilter({});
        QTRY_VERIFY(!pages.isEmpty());
        QCOMPARE(pages.first().first().toInt(), mandate::client::MandateApi::PageSize);
        fetchAll(model);
        QVERIFY(model.rowCount() > mandate::client::MandateApi::PageSize);
        QVERIFY(model.pendingCount() > mandate::client::MandateApi::PageSize);

        model.setFilter({ApprovalStatus::Pending, ApprovalKind::DualControl});
        QTRY_VERIFY(!model.isLoading());
        fetchAll(model);
        QVERIFY(model.rowCount() > mandate::client::MandateApi::PageSize);
        for (int row = 0; row < model.rowCount(); ++row) {
            QCOMPARE(model.approvalAt(row)->kind, ApprovalKind::DualControl);
            QCOMPARE(model.approvalAt(row)->status, ApprovalStatus::Pending);
        }
        QCOMPARE(model.index(0, ApprovalListModel::KindColumn).data().toString(),
                 QStringLiteral("Dual control"));
        QVERIFY(model.index(0, ApprovalListModel::ExpiresColumn)
                    .data()
                    .toString()
                    .endsWith(QStringLiteral("left")));
    }

    void liveEventsInsertOnTopAndUpdateInPlace()
    {
        auto client = consoleClient(QStringLiteral("carol"));
        mandate::client::MandateApi api(*client);
        ApprovalListModel model(api, m_clock);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        mandate::client::EventStream stream(client->network());
        model.follow(stream);
        stream.start(client->server(), client->token());
        QTRY_VERIFY(stream.isConnected());
        model.setFilter({});
        QTRY_VERIFY(model.rowCount() > 0);
        // Every page first: the tester (like a view) fetches more on its own, and a count taken
        // between two pages would not be the count the new request adds one to.
        while (model.isLoading() || model.canFetchMore({})) {
            if (!model.isLoading())
                model.fetchMore({});
            QTest::qWait(10);
        }
        const int pendingBefore = model.pendingCount();

        QSignalSpy arrived(&model, &ApprovalListModel::approvalArrived);
        QSignalSpy counted(&model, &ApprovalListModel::pendingCountChanged);
        const QString id = DemoFixtures::dualControlRequest(*m_alice, *m_payer);
        QTRY_COMPARE(model.rowOf(id), 0);
        QCOMPARE(arrived.size(), 1);
        QCOMPARE(model.pendingCount(), pendingBefore + 1);
        QVERIFY(!counted.isEmpty());
        QCOMPARE(model.index(0, ApprovalListModel::StatusColumn).data().toString(),
                 QStringLiteral("0 of 2 approvals"));
        QCOMPARE(model.index(0, ApprovalListModel::StatusColumn).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("2 more approvals needed"));

        const auto decided =
            m_carol->post(QStringLiteral("/v1/approvals/") + id + QStringLiteral("/decisions"),
                          {{QStringLiteral("decision"), QStringLiteral("deny")},
                           {QStringLiteral("reason"), QStringLiteral("Payee not on file")}});
        QCOMPARE(decided.status, 200);
        QTRY_COMPARE(model.approvalAt(0)->status, ApprovalStatus::Denied);
        QCOMPARE(model.rowOf(id), 0); // updated in place, not moved
        QCOMPARE(model.pendingCount(), pendingBefore);
        const QStringList lines = ApprovalFormatter::decisionLines(*model.approvalAt(0), m_clock.now());
        QCOMPARE(lines.size(), 1);
        QVERIFY2(
            lines.first().startsWith(QStringLiteral("Denied by Carol Nguyen just now: Payee not on file")),
            qPrintable(lines.first()));
    }

    void eligibilityFollowsTheRules()
    {
        const QString id = DemoFixtures::dualControlRequest(*m_alice, *m_payer);
        auto client = consoleClient(QStringLiteral("carol"));
        mandate::client::MandateApi api(*client);
        ApprovalListModel model(api, m_clock);
        model.setFilter({});
        QTRY_VERIFY(model.rowOf(id) >= 0);
        const mandate::Approval approval = *model.approvalAt(model.rowOf(id));
        const auto person = [](const QString &userId, const QString &role) {
            return mandate::client::UserInfo{userId, userId, userId, {role}};
        };
        QVERIFY(!ApprovalFormatter::ineligibility(
            approval, person(QStringLiteral("usr_x"), QStringLiteral("approver")), m_clock.now()));
        QVERIFY(ApprovalFormatter::ineligibility(
            approval, person(QStringLiteral("usr_s"), QStringLiteral("support")), m_clock.now()));
        QVERIFY(ApprovalFormatter::ineligibility(
            approval, person(approval.customer.id, QStringLiteral("customer")), m_clock.now()));
    }
};

QTEST_GUILESS_MAIN(TstApprovalListModel)
#include "tst_ApprovalListModel.moc"
