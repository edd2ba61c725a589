#include "client/ApiClient.h"
#include "client/MandateApi.h"
#include "models/PagedListModel.h"
#include "tests/support/DemoFixtures.h"
#include "tests/support/TestClient.h"
#include "tests/support/TestServer.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using mandate::Delegation;
using mandate::client::ApiError;
using mandate::client::MandateApi;
using mandate::test::DemoFixtures;
using mandate::test::TestServer;

namespace {

// The smallest list a model can be: delegation ids, two to a page, counting its requests.
class TwoPerPage : public mandate::models::PagedListModel<Delegation>
{
public:
    explicit TwoPerPage(MandateApi &api)
        : m_api(api)
    {}

    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : 1; }
    QVariant data(const QModelIndex &index, int role) const override
    {
        const Delegation *delegation = itemAt(index.row());
        return delegation && role == Qt::DisplayRole ? QVariant(delegation->id) : QVariant();
    }

    int requests = 0;

private:
    mandate::client::Reply<mandate::client::Page<Delegation>> requestItems(const QString &cursor) override
    {
        ++requests;
        return m_api.delegations({}, cursor, 2);
    }
    QString idOf(const Delegation &delegation) const override { return delegation.id; }

    MandateApi &m_api;
};

} // namespace

// The paged base every list model stands on, against a real server: pages in order, one request
// in flight, stale answers dropped, failures reported the same way every time.
class TstPagedListModel : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    std::unique_ptr<mandate::client::ApiClient> m_client;
    QList<Delegation> m_all;

    static void settle(TwoPerPage &model) { QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 10000); }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        auto ada = DemoFixtures::person(m_server.url(), QStringLiteral("ada"));
        QVERIFY(ada);
        m_client = std::make_unique<mandate::client::ApiClient>();
        m_client->setServer(QUrl(m_server.url()));
        m_client->setToken(ada->token());
        // Enough rows for three pages of two.
        const QString payer = DemoFixtures::agentId(*ada, QStringLiteral("Bill payer"));
        auto alice = DemoFixtures::person(m_server.url(), QStringLiteral("alice"));
        QVERIFY(alice);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(alice
                         ->post(QStringLiteral("/v1/delegations"),
                                DemoFixtures::paymentGrant(payer, QStringLiteral("Paged %1").arg(i)))
                         .status,
                     201);
        MandateApi api(*m_client);
        TwoPerPage everything(api);
        everything.reload();
        settle(everything);
        while (everything.canFetchMore({})) {
            everything.fetchMore({});
            settle(everything);
        }
        for (int row = 0; row < everything.rowCount(); ++row)
            m_all.append(*everything.itemAt(row));
        QVERIFY(m_all.size() >= 6);
    }

    void pagesArriveInOrderOneRequestAtATime()
    {
        MandateApi api(*m_client);
        // No model tester here: like a view, it would fetch more on its own.
        TwoPerPage model(api);
        QSignalSpy loading(&model, &TwoPerPage::loadingChanged);
        QSignalSpy pages(&model, &TwoPerPage::pageLoaded);
        QVERIFY(!model.canFetchMore({}));
        model.reload();
        QVERIFY(model.isLoading());
        // A view asking again while a page is on its way sends nothing more.
        QVERIFY(!model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(model.requests, 1);
        QTRY_COMPARE(pages.size(), 1);
        QCOMPARE(pages.first().first().toInt(), 2);
        QCOMPARE(loading.size(), 2);
        QCOMPARE(loading.at(0).first().toBool(), true);
        QCOMPARE(loading.at(1).first().toBool(), false);
        QVERIFY(model.canFetchMore({}));

        model.fetchMore({});
        model.fetchMore({});
        QCOMPARE(model.requests, 2);
        QTRY_COMPARE(pages.size(), 2);
        QCOMPARE(model.rowCount(), 4);
        for (int row = 0; row < model.rowCount(); ++row) {
            QCOMPARE(model.itemAt(row)->id, m_all[row].id);
            QCOMPARE(model.rowOf(m_all[row].id), row);
        }
        QCOMPARE(model.itemAt(model.rowCount()), nullptr);
    }

    void aReloadDropsTheAnswerToTheListBefore()
    {
        MandateApi api(*m_client);
        TwoPerPage model(api);
        model.reload();
        settle(model);
        QSignalSpy pages(&model, &TwoPerPage::pageLoaded);
        model.fetchMore({}); // the second page, overtaken by the reload below
        model.reload();
        QTRY_COMPARE(pages.size(), 1);
        QTest::qWait(200);
        QCOMPARE(pages.size(), 1);
        // The first page replaced the rows; the second never landed.
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.itemAt(0)->id, m_all[0].id);
        QCOMPARE(model.requests, 3);
        QVERIFY(model.canFetchMore({}));
    }

    void theLastPageEndsFetching()
    {
        MandateApi api(*m_client);
        TwoPerPage model(api);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.reload();
        settle(model);
        while (model.canFetchMore({})) {
            model.fetchMore({});
            settle(model);
        }
        QCOMPARE(model.rowCount(), m_all.size());
        QCOMPARE(model.requests, static_cast<int>((m_all.size() + 1) / 2));
        QVERIFY(!model.canFetchMore({}));
    }

    void failuresAreReportedOnceAndStopLoading()
    {
        // A port nobody listens on: the request fails without an answer.
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        mandate::client::ApiClient away;
        away.setServer(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        MandateApi api(away);
        TwoPerPage model(api);
        QSignalSpy failed(&model, &TwoPerPage::loadFailed);
        QSignalSpy loading(&model, &TwoPerPage::loadingChanged);
        model.reload();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 20000);
        QVERIFY(failed.first().first().value<ApiError>().isConnectivity());
        QVERIFY(!model.isLoading());
        QCOMPARE(loading.last().first().toBool(), false);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.canFetchMore({}));

        // A refusal (no session) arrives the same way.
        mandate::client::ApiClient anonymous;
        anonymous.setServer(QUrl(m_server.url()));
        MandateApi refused(anonymous);
        TwoPerPage denied(refused);
        QSignalSpy deniedFailed(&denied, &TwoPerPage::loadFailed);
        denied.reload();
        QTRY_COMPARE(deniedFailed.size(), 1);
        QCOMPARE(deniedFailed.first().first().value<ApiError>().kind, ApiError::Kind::Unauthenticated);
        QVERIFY(!denied.isLoading());
    }
};

QTEST_GUILESS_MAIN(TstPagedListModel)
#include "tst_PagedListModel.moc"
