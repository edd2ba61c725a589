#include "client/ConsoleSession.h"
#include "client/DecisionOutbox.h"
#include "client/LocalCache.h"
#include "client/SandboxLauncher.h"
#include "client/TokenVault.h"
#include "core/Clock.h"
#include "models/DelegationListModel.h"
#include "tests/support/DemoFixtures.h"
#include "tests/support/TestClient.h"
#include "tests/support/TestServer.h"
#include "tests/ui/ConsoleHarness.h"
#include "ui/ConsoleController.h"
#include "ui/DelegationDetailPane.h"
#include "ui/DelegationsPage.h"
#include "ui/MainWindow.h"
#include "ui/TryActionPanel.h"
#include "ui/wizard/MoneyEdit.h"

#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QScrollArea>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace mandate;
using mandate::test::DemoFixtures;
using mandate::test::TestServer;

using Console = mandate::test::ConsoleHarness;

// Seeing before doing in the console: "Try an action" on a delegation asks the server what the
// agent would be told, shows the limit that binds and what would remain, and changes nothing.
class TstSeeingUi : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    QTemporaryDir m_dir;

    std::unique_ptr<Console> signIn(const QString &username)
    {
        return Console::signIn(
            m_dir.filePath(username + QString::number(QRandomGenerator::global()->generate())),
            QUrl(m_server.url()), username,
            [](Console &console) { return console.window()->delegationsPage()->model().rowCount() > 0; });
    }

    static int rowWithPurpose(ui::DelegationsPage *page, const QString &purpose)
    {
        auto &model = page->model();
        for (int row = 0; row < model.rowCount(); ++row) {
            if (model.index(row, models::DelegationListModel::PurposeColumn).data().toString() == purpose)
                return row;
        }
        return -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
    }

    void tryAnActionShowsTheDecisionAndChangesNothing()
    {
        auto rest = DemoFixtures::person(m_server.url(), QStringLiteral("alice"));
        QVERIFY(rest);
        const QString payer = DemoFixtures::agentId(*rest, QStringLiteral("Bill payer"));
        const QString purpose = QStringLiteral("Pay the rent and the deposit");
        const auto granted =
            rest->post(QStringLiteral("/v1/delegations"), DemoFixtures::paymentGrant(payer, purpose));
        QCOMPARE(granted.status, 201);
        const QString id = granted.json().value(QStringLiteral("id")).toString();

        auto console = signIn(QStringLiteral("alice"));
        QVERIFY(console);
        ui::MainWindow *window = console->controller.mainWindow();
        ui::DelegationsPage *page = window->delegationsPage();
        QTRY_VERIFY(rowWithPurpose(page, purpose) >= 0);
        page->table()->selectRow(rowWithPurpose(page, purpose));
        ui::DelegationDetailPane *detail = page->detailPane();
        QTRY_COMPARE(detail->delegationId(), id);
        ui::TryActionPanel *panel = detail->tryActionPanel();
        QVERIFY(panel);
        QCOMPARE(panel->resourceEdit()->text(), QStringLiteral("account:acc_1"));
        QCOMPARE(panel->destinationEdit()->text(), QStringLiteral("payee:landlord"));

        QTest::keyClicks(panel->amountEdit()->amountEdit(), QStringLiteral("350.00"));
        QVERIFY(panel->question().contains(QStringLiteral("350")));
        QTest::mouseClick(panel->tryButton(), Qt::LeftButton);
        QTRY_COMPARE(panel->verdictLabel()->text(), QStringLiteral("It would be allowed."));
        QVERIFY2(panel->detailLabel()->text().contains(QStringLiteral("850.00")),
                 qPrintable(panel->detailLabel()->text()));
        QVERIFY(panel->detailLabel()->text().contains(QStringLiteral("the total limit of this delegation")));

        window->resize(1280, 900);
        window->show();
        auto *scroll = detail->findChild<QScrollArea *>();
        QVERIFY(scroll);
        scroll->ensureWidgetVisible(panel);
        Console::capture(window, QStringLiteral("try-an-action"));

        panel->amountEdit()->amountEdit()->selectAll();
        QTest::keyClicks(panel->amountEdit()->amountEdit(), QStringLiteral("600.00"));
        QTest::mouseClick(panel->tryButton(), Qt::LeftButton);
        QTRY_COMPARE(panel->verdictLabel()->text(), QStringLiteral("It would be refused."));
        QVERIFY(panel->detailLabel()->text().contains(QStringLiteral("per-action limit")));

        // Nothing was spent and nothing was recorded under the delegation.
        const QJsonObject after = rest->get(QStringLiteral("/v1/delegations/") + id).json();
        QCOMPARE(after.value(QStringLiteral("usage")).toObject().value(QStringLiteral("uses")).toInteger(),
                 0);
        const auto events = rest->get(QStringLiteral("/v1/audit?type=decision.made&delegation_id=") + id);
        QCOMPARE(events.json().value(QStringLiteral("items")).toArray().size(), 0);
    }

    // Another person's delegation is not theirs to simulate: the panel says so in words.
    void aProblemIsShownInWords()
    {
        ui::TryActionPanel panel;
        Delegation delegation;
        delegation.id = QStringLiteral("dlg_x");
        Scope scope;
        scope.action = QStringLiteral("payments.initiate");
        scope.resource = *ResourcePattern::parse(QStringLiteral("account:acc_1"));
        delegation.scopes = {scope};
        panel.setDelegation(delegation);
        panel.resourceEdit()->clear();
        QSignalSpy asked(&panel, &ui::TryActionPanel::tryRequested);
        QTest::mouseClick(panel.tryButton(), Qt::LeftButton);
        QCOMPARE(asked.size(), 0);
        QCOMPARE(panel.verdictLabel()->text(), QStringLiteral("Could not try it"));
        panel.resourceEdit()->setText(QStringLiteral("account:acc_1"));
        QTest::mouseClick(panel.tryButton(), Qt::LeftButton);
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.first().first().value<AuthorizeRequest>().resource, QStringLiteral("account:acc_1"));
    }
};

QTEST_MAIN(TstSeeingUi)
#include "tst_SeeingUi.moc"
