#include "client/ConsoleSession.h"
#include "client/DecisionOutbox.h"
#include "client/LocalCache.h"
#include "client/SandboxLauncher.h"
#include "client/TokenVault.h"
#include "core/Clock.h"
#include "models/ApprovalListModel.h"
#include "tests/support/DemoFixtures.h"
#include "tests/support/NetworkCutProxy.h"
#include "tests/support/TestClient.h"
#include "tests/support/TestServer.h"
#include "tests/ui/ConsoleHarness.h"
#include "ui/ApprovalDetailPane.h"
#include "ui/ApprovalsPage.h"
#include "ui/ConsoleController.h"
#include "ui/MainWindow.h"
#include "ui/ReasonConfirmDialog.h"
#include "ui/SignInDialog.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace mandate;
using mandate::test::DemoFixtures;
using mandate::test::TestServer;

using Console = mandate::test::ConsoleHarness;
using mandate::test::child;

namespace {

ui::ApprovalsPage *inbox(const Console &console)
{
    return console.window()->approvalsPage();
}

} // namespace

// The approvals inbox through the widgets, against one real server and several consoles.
class TstApprovalsUi : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<test::TestClient> m_alice;
    std::unique_ptr<test::TestClient> m_carol;
    std::unique_ptr<test::TestClient> m_dave;
    std::unique_ptr<test::TestClient> m_payer;

    static void capture(QWidget *widget, const QString &name) { Console::capture(widget, name); }

    std::unique_ptr<Console> signIn(const QString &username, const QUrl &server = {})
    {
        auto console = Console::signIn(
            m_dir.filePath(username + QString::number(QRandomGenerator::global()->generate())),
            server.isEmpty() ? QUrl(m_server.url()) : server, username, [](Console &c) {
                return inbox(c) && inbox(c)->model().rowCount() > 0 && c.session.events().isConnected();
            });
        if (!console)
            return nullptr;
        console->window()->resize(1280, 760);
        console->window()->show();
        console->window()->showPage(inbox(*console));
        return console;
    }

    // Selects the request in the console's inbox (waiting for it to arrive) and returns its pane.
    static ui::ApprovalDetailPane *select(Console &console, const QString &id)
    {
        ui::ApprovalsPage *page = console.window()->approvalsPage();
        QDeadlineTimer deadline(10000);
        while (page->model().rowOf(id) < 0 && !deadline.hasExpired())
            QTest::qWait(20);
        page->table()->selectRow(page->model().rowOf(id));
        return page->detailPane();
    }

    static void decide(Console &console, QPushButton *button, const QString &reason)
    {
        QVERIFY(button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
        ui::ReasonConfirmDialog *dialog = console.window()->approvalsPage()->decisionDialog();
        QVERIFY(dialog);
        if (!reason.isEmpty())
            QTest::keyClicks(child<QPlainTextEdit>(dialog, "reason"), reason);
        QTRY_VERIFY(dialog->actionButton()->isEnabled());
        QTest::mouseClick(dialog->actionButton(), Qt::LeftButton);
    }

    // As CLIENT sees it (the approvers do not see a customer's own step-up).
    QString statusOnServer(const QString &id, test::TestClient *client = nullptr)
    {
        return (client ? client : m_carol.get())
            ->get(QStringLiteral("/v1/approvals/") + id)
            .json()
            .value(QStringLiteral("status"))
            .toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        m_alice = DemoFixtures::person(m_server.url(), QStringLiteral("alice"));
        m_carol = DemoFixtures::person(m_server.url(), QStringLiteral("carol"));
        m_dave = DemoFixtures::person(m_server.url(), QStringLiteral("dave"));
        m_payer = DemoFixtures::agentClient(m_server.url(), QStringLiteral("Bill payer"));
        QVERIFY(m_alice && m_carol && m_dave && m_payer);
        // Every approver's inbox has something in it from the start.
        QVERIFY(!DemoFixtures::dualControlRequest(*m_alice, *m_payer).isEmpty());
    }

    void twoApproversCompleteADualControl()
    {
        auto carol = signIn(QStringLiteral("carol"));
        auto dave = signIn(QStringLiteral("dave"));
        QVERIFY(carol && dave);
        const QString id = DemoFixtures::dualControlRequest(*m_alice, *m_payer);

        // A new request routed to her: an in-window notice (no system tray here) that opens it.
        QLabel *notice = carol->window()->approvalNotice();
        QTRY_VERIFY(notice->isVisible());
        QTRY_VERIFY(
            carol->window()->navigation()->currentItem()->text().startsWith(QStringLiteral("Approvals (")));
        Q_EMIT notice->linkActivated(QStringLiteral("open"));
        QTRY_COMPARE(carol->window()->approvalsPage()->detailPane()->approvalId(), id);
        capture(carol->window(), QStringLiteral("approvals-inbox"));

        ui::ApprovalDetailPane *pane = select(*carol, id);
        decide(*carol, pane->approveButton(), QStringLiteral("Known landlord"));
        QTRY_COMPARE(DemoFixtures::decisionCount(*m_carol, id), 1);
        QTRY_COMPARE(child<QLabel>(pane, "progress")->text(), QStringLiteral("1 more approval needed"));
        QVERIFY(!pane->approveButton()->isEnabled());
        QVERIFY(pane->approveButton()->toolTip().contains(QStringLiteral("already decided")));

        ui::ApprovalDetailPane *davePane = select(*dave, id);
        QTRY_VERIFY(
            child<QLabel>(davePane, "decisions")->text().startsWith(QStringLiteral("Approved by Carol")));
        capture(dave->window(), QStringLiteral("approval-detail"));
        decide(*dave, davePane->approveButton(), {});
        QTRY_COMPARE(statusOnServer(id), QStringLiteral("approved"));
        QTRY_COMPARE(child<QLabel>(davePane, "progress")->text(), QStringLiteral("Approved"));
        // Carol's window follows live.
        QTRY_COMPARE(carol->window()
                         ->approvalsPage()
                         ->model()
                         .approvalAt(carol->window()->approvalsPage()->model().rowOf(id))
                         ->status,
                     ApprovalStatus::Approved);
        QCOMPARE(DemoFixtures::decisionCount(*m_carol, id), 2);
    }

    void oneApproverInTwoWindowsDecidesOnce()
    {
        auto first = signIn(QStringLiteral("carol"));
        auto second = signIn(QStringLiteral("carol"));
        QVERIFY(first && second);
        const QString id = DemoFixtures::dualControlRequest(*m_alice, *m_payer);
        ui::ApprovalDetailPane *secondPane = select(*second, id);
        // The second window's dialog is already open when the first window's decision lands.
        QTest::mouseClick(secondPane->approveButton(), Qt::LeftButton);
        ui::ReasonConfirmDialog *late = second->window()->approvalsPage()->decisionDialog();
        QVERIFY(late);

        decide(*first, select(*first, id)->approveButton(), {});
        QTRY_COMPARE(DemoFixtures::decisionCount(*m_carol, id), 1);
        QTest::mouseClick(late->actionButton(), Qt::LeftButton);
        QLabel *notice = child<QLabel>(secondPane, "notice");
        QTRY_VERIFY2(notice->text().contains(QStringLiteral("not accepted")), qPrintable(notice->text()));
        QVERIFY(second->window()->decisionOutbox().pending().isEmpty());
        QCOMPARE(DemoFixtures::decisionCount(*m_carol, id), 1);

        // Dave denies; a late deny from Carol's window shows who resolved it and how.
        QCOMPARE(m_dave
                     ->post(QStringLiteral("/v1/approvals/") + id + QStringLiteral("/decisions"),
                            {{QStringLiteral("decision"), QStringLiteral("deny")},
                             {QStringLiteral("reason"), QStringLiteral("Payee not on file")}})
                     .status,
                 200);
        second->window()->decisionOutbox().submit(id, ApprovalVerdict::Deny,
                                                  QStringLiteral("Too late anyway"));
        QTRY_VERIFY(notice->text().contains(QStringLiteral("Denied by Dave")));
        QVERIFY(notice->text().contains(QStringLiteral("already denied")));
    }

    void aDecisionMadeOfflineGoesOutOnceTheNetworkIsBack()
    {
        test::NetworkCutProxy proxy(QUrl(m_server.url()));
        QVERIFY(proxy.start());
        auto carol = signIn(QStringLiteral("carol"), proxy.url());
        QVERIFY(carol);
        const QString id = DemoFixtures::dualControlRequest(*m_alice, *m_payer);
        ui::ApprovalDetailPane *pane = select(*carol, id);
        proxy.cut();
        decide(*carol, pane->approveButton(), QStringLiteral("Known landlord"));
        QLabel *notice = child<QLabel>(pane, "notice");
        QTRY_VERIFY2(notice->text().contains(QStringLiteral("will be sent")), qPrintable(notice->text()));
        QVERIFY(!pane->approveButton()->isEnabled());
        QCOMPARE(DemoFixtures::decisionCount(*m_carol, id), 0);

        proxy.restore();
        QTRY_COMPARE_WITH_TIMEOUT(DemoFixtures::decisionCount(*m_carol, id), 1, 20000);
        QTRY_VERIFY2(notice->text().contains(QStringLiteral("recorded")), qPrintable(notice->text()));
        QVERIFY(carol->window()->decisionOutbox().pending().isEmpty());
        QCOMPARE(DemoFixtures::decisionCount(*m_carol, id), 1);
    }

    void denyNeedsAReasonAndTheShortcutOpensIt()
    {
        auto carol = signIn(QStringLiteral("carol"));
        QVERIFY(carol);
        const QString id = DemoFixtures::dualControlRequest(*m_alice, *m_payer);
        ui::ApprovalDetailPane *pane = select(*carol, id);
        carol->window()->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(carol->window()));
        QTest::keyClick(carol->window(), Qt::Key_D, Qt::ControlModifier);
        QTRY_VERIFY(carol->window()->approvalsPage()->decisionDialog());
        ui::ReasonConfirmDialog *dialog = carol->window()->approvalsPage()->decisionDialog();
        auto *reason = child<QPlainTextEdit>(dialog, "reason");
        QTest::keyClicks(reason, QStringLiteral("no no no"));
        QVERIFY(!dialog->actionButton()->isEnabled()); // six characters without the spaces
        QTest::keyClicks(reason, QStringLiteral(" payee"));
        QTRY_VERIFY(dialog->actionButton()->isEnabled());
        QTest::mouseClick(dialog->actionButton(), Qt::LeftButton);
        QTRY_COMPARE(statusOnServer(id), QStringLiteral("denied"));
        QTRY_COMPARE(child<QLabel>(pane, "progress")->text(), QStringLiteral("Denied"));
    }

    void aCustomerConfirmsHerStepUpAndSupportOnlyReads()
    {
        const QString id = DemoFixtures::stepUpRequest(*m_alice, *m_payer);
        auto sam = signIn(QStringLiteral("sam"));
        QVERIFY(sam);
        ui::ApprovalDetailPane *samPane = select(*sam, id);
        QCOMPARE(samPane->approvalId(), id);
        QVERIFY(!samPane->approveButton()->isEnabled());
        QVERIFY(samPane->denyButton()->toolTip().contains(QStringLiteral("Support staff")));

        auto alice = signIn(QStringLiteral("alice"));
        QVERIFY(alice);
        QVERIFY(alice->window()->approvalsPage()->table()->isColumnHidden(
            models::ApprovalListModel::CustomerColumn));
        ui::ApprovalDetailPane *pane = select(*alice, id);
        QVERIFY(child<QLabel>(pane, "rule")->text().contains(QStringLiteral("step-up threshold")));
        QVERIFY(child<QLabel>(pane, "facts")->text().contains(QStringLiteral("EUR 250.00")));
        decide(*alice, pane->approveButton(), {});
        QTRY_COMPARE(statusOnServer(id, m_alice.get()), QStringLiteral("approved"));
        QTRY_COMPARE(child<QLabel>(samPane, "progress")->text(), QStringLiteral("Approved"));
    }
};

QTEST_MAIN(TstApprovalsUi)
#include "tst_ApprovalsUi.moc"
