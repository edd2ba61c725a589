#include "client/ApiClient.h"
#include "client/EventStream.h"
#include "client/MandateApi.h"
#include "core/Clock.h"
#include "models/AgentListModel.h"
#include "models/DecisionListModel.h"
#include "models/DelegationListModel.h"
#include "tests/support/DemoFixtures.h"
#include "tests/support/TestClient.h"
#include "tests/support/TestServer.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using mandate::models::DelegationListModel;
using mandate::test::DemoFixtures;
using mandate::test::TestServer;

class TstDelegationListModel : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    mandate::SystemClock m_clock;
    std::unique_ptr<mandate::test::TestClient> m_bobRest;
    QStringList m_bobPurposes;

    // A console-side client signed in as `username`.
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

    static void fetchAll(DelegationListModel &model)
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
        m_bobRest = DemoFixtures::person(m_server.url(), QStringLiteral("bob"));
        const QString payer = DemoFixtures::agentId(*m_bobRest, QStringLiteral("Bill payer"));
        // 230 delegations: more than two pages of the console's page size.
        QList<mandate::test::TestClient::Call> calls;
        for (int i = 0; i < 230; ++i) {
            const QString purpose = QStringLiteral("Utility bill %1").arg(i, 3, 10, QLatin1Char('0'));
            m_bobPurposes.append(purpose);
            calls.append({m_bobRest->token(), "POST", QStringLiteral("/v1/delegations"),
                          DemoFixtures::paymentGrant(payer, purpose, 1 + i % 60)});
        }
        for (const auto &reply : mandate::test::TestClient::sendConcurrently(m_server.url(), calls, 8))
            QCOMPARE(reply.status, 201);
    }

    void pagesAsTheViewAsksAndPassesTheModelTester()
    {
        auto client = consoleClient(QStringLiteral("bob"));
        mandate::client::MandateApi api(*client);
        DelegationListModel model(api, m_clock);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy pages(&model, &DelegationListModel::pageLoaded);
        model.setFilter({});
        QTRY_VERIFY(!pages.isEmpty());
        // The first page is one page; the tester itself asks for more, as a view would.
        QCOMPARE(pages.first().first().toInt(), mandate::client::MandateApi::PageSize);
        fetchAll(model);
        QVERIFY(model.rowCount() >= 230);
        QVERIFY(!model.canFetchMore({}));
        QSet<QString> ids;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QString id = model.index(row, 0).data(DelegationListModel::IdRole).toString();
            QVERIFY2(!ids.contains(id), "a row appeared twice across pages");
            ids.insert(id);
            QCOMPARE(model.rowOf(id), row);
        }
        const QModelIndex usage = model.index(0, DelegationListModel::UsageColumn);
        QVERIFY(usage.data().toString().contains(QStringLiteral("of EUR 1,200.00")));
        QCOMPARE(usage.data(DelegationListModel::UsageFractionRole).toDouble(), 0.0);
        QVERIFY(model.index(0, DelegationListModel::ExpiresColumn)
                    .data()
                    .toString()
                    .startsWith(QStringLiteral("in ")));
        QCOMPARE(model.index(0, DelegationListModel::CustomerColumn).data().toString(),
                 QStringLiteral("Bob Keller"));
    }

    void searchAndFiltersRunOnTheServer()
    {
        auto client = consoleClient(QStringLiteral("sam"));
        mandate::client::MandateApi api(*client);
        DelegationListModel model(api, m_clock);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        mandate::client::DelegationFilter filter;
        filter.text = QStringLiteral("Utility bill 12");
        model.setFilter(filter);
        fetchAll(model);
        QCOMPARE(model.rowCount(), 10); // 120..129
        filter.text = QStringLiteral("bill 007");
        filter.status = mandate::DelegationStatus::Revoked;
        model.setFilter(filter);
        fetchAll(model);
        QCOMPARE(model.rowCount(), 0);
    }

    void sortsOnTheServer()
    {
        auto client = consoleClient(QStringLiteral("bob"));
        mandate::client::MandateApi api(*client);
        DelegationListModel model(api, m_clock);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        mandate::client::DelegationFilter filter;
        filter.text = QStringLiteral("Utility bill");
        model.setFilter(filter);
        model.sort(DelegationListModel::PurposeColumn, Qt::AscendingOrder);
        fetchAll(model);
        QCOMPARE(model.rowCount(), 230);
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.index(row, DelegationListModel::PurposeColumn).data().toString(),
                     m_bobPurposes[row]);
        model.sort(DelegationListModel::ExpiresColumn, Qt::DescendingOrder);
        fetchAll(model);
        for (int row = 1; row < model.rowCount(); ++row)
            QVERIFY(model.delegationAt(row - 1)->expiresAt >= model.delegationAt(row)->expiresAt);
    }

    void liveEventsUpdateRowsInPlaceAndInsertNewOnes()
    {
        auto client = consoleClient(QStringLiteral("bob"));
        mandate::client::MandateApi api(*client);
        DelegationListModel model(api, m_clock);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        mandate::client::EventStream stream(client->network());
        model.follow(stream);
        stream.start(client->server(), client->token());
        QTRY_VERIFY(stream.isConnected());
        model.setFilter({});
        QTRY_VERIFY(model.rowCount() > 0);

        const QString payer = DemoFixtures::agentId(*m_bobRest, QStringLiteral("Bill payer"));
        const auto created = m_bobRest->post(QStringLiteral("/v1/delegations"),
                                             DemoFixtures::paymentGrant(payer, QStringLiteral("Live row")));
        const QString id = created.json().value(QStringLiteral("id")).toString();
        QTRY_COMPARE(model.rowOf(id), 0);
        QCOMPARE(model.index(0, DelegationListModel::PurposeColumn).data().toString(),
                 QStringLiteral("Live row"));

        QSignalSpy changed(&model, &DelegationListModel::dataChanged);
        QCOMPARE(m_bobRest
                     ->post(QStringLiteral("/v1/delegations/") + id + QStringLiteral("/revoke"),
                            {{QStringLiteral("reason"), QStringLiteral("Not needed")}})
                     .status,
                 200);
        QTRY_COMPARE(model.delegationAt(model.rowOf(id))->status, mandate::DelegationStatus::Revoked);
        QVERIFY(!changed.isEmpty());
        QCOMPARE(model.rowOf(id), 0); // updated in place, not moved
    }

    void snapshotsRoundTripForTheOfflineView()
    {
        auto client = consoleClient(QStringLiteral("bob"));
        mandate::client::MandateApi api(*client);
        DelegationListModel model(api, m_clock);
        model.setFilter({});
        QTRY_VERIFY(model.rowCount() > 0);
        const QList<mandate::Delegation> snapshot = model.snapshot(50);
        QCOMPARE(snapshot.size(), 50);
        DelegationListModel offline(api, m_clock);
        QAbstractItemModelTester tester(&offline, QAbstractItemModelTester::FailureReportingMode::QtTest);
        offline.showSnapshot(snapshot);
        QCOMPARE(offline.rowCount(), 50);
        QVERIFY(!offline.canFetchMore({}));
        QCOMPARE(*offline.delegationAt(7), *model.delegationAt(7));
    }

    void agentsAndDecisionsPassTheModelTester()
    {
        auto client = consoleClient(QStringLiteral("alice"));
        mandate::client::MandateApi api(*client);
        mandate::models::AgentListModel agents(api);
        QAbstractItemModelTester agentTester(&agents, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&agents, &mandate::models::AgentListModel::loaded);
        agents.reload();
        QTRY_COMPARE(loaded.size(), 1);
        const int payer = agents.rowOf(DemoFixtures::agentId(*m_bobRest, QStringLiteral("Bill payer")));
        QVERIFY(payer >= 0);
        QCOMPARE(agents.index(payer, 0).data().toString(), QStringLiteral("Bill payer"));
        QCOMPARE(agents.index(payer, 0).data(Qt::UserRole + 2).toString(), QStringLiteral("active"));
        QVERIFY(
            agents.index(payer, 0).data(Qt::UserRole + 1).toString().startsWith(QStringLiteral("spiffe://")));

        // Decisions under a delegation, newest first.
        auto rest = DemoFixtures::person(m_server.url(), QStringLiteral("alice"));
        const auto granted =
            rest->post(QStringLiteral("/v1/delegations"),
                       DemoFixtures::paymentGrant(agents.index(payer, 0).data(Qt::UserRole).toString(),
                                                  QStringLiteral("Decisions")));
        const QString id = granted.json().value(QStringLiteral("id")).toString();
        auto agent = DemoFixtures::agentClient(m_server.url(), QStringLiteral("Bill payer"));
        QCOMPARE(
            agent->post(QStringLiteral("/v1/authorize"), DemoFixtures::authorizeRequest(id, 1000)).status,
            200);
        QCOMPARE(
            agent->post(QStringLiteral("/v1/authorize"), DemoFixtures::authorizeRequest(id, 90000)).status,
            200);
        mandate::models::DecisionListModel decisions(api, m_clock);
        QAbstractItemModelTester decisionTester(&decisions,
                                                QAbstractItemModelTester::FailureReportingMode::QtTest);
        decisions.load(id);
        QTRY_VERIFY(decisions.hasLoaded());
        QCOMPARE(decisions.rowCount(), 2);
        QCOMPARE(decisions.index(0, mandate::models::DecisionListModel::DecisionColumn).data().toString(),
                 QStringLiteral("Denied"));
        QCOMPARE(decisions.index(1, mandate::models::DecisionListModel::RequestColumn).data().toString(),
                 QStringLiteral("Payments EUR 10.00 to payee:landlord on account:acc_1"));
    }
};

QTEST_GUILESS_MAIN(TstDelegationListModel)
#include "tst_DelegationListModel.moc"
