#include "models/ApprovalListModel.h"
#include "tests/support/DemoFixtures.h"
#include "tests/support/ScriptedPdp.h"
#include "tests/support/TestClient.h"
#include "tests/support/TestServer.h"
#include "tests/ui/ConsoleHarness.h"
#include "ui/ApprovalDetailPane.h"
#include "ui/ApprovalsPage.h"
#include "ui/MainWindow.h"
#include "ui/ReasonConfirmDialog.h"
#include "ui/TranslationLoader.h"
#include "ui/wizard/ConsoleStyle.h"
#include "ui/wizard/ThemeColors.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QLabel>
#include <QRandomGenerator>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace mandate;
using mandate::test::DemoFixtures;
using mandate::test::ScriptedPdp;
using mandate::test::TestClient;
using mandate::test::TestServer;
using Console = mandate::test::ConsoleHarness;
using mandate::test::child;

// The organisation's policy engine as the console's people meet it: support sees in the status bar
// when it does not answer, and a customer asked to confirm because of it reads why in plain words.
class TstOrgPolicyUi : public QObject
{
    Q_OBJECT

private:
    ScriptedPdp m_engine{ScriptedPdp::Mode::ServerError};
    std::unique_ptr<TestServer> m_server;
    QTemporaryDir m_dir;

    std::unique_ptr<Console> signIn(const QString &username)
    {
        auto console = Console::signIn(
            m_dir.filePath(username + QString::number(QRandomGenerator::global()->generate())),
            QUrl(m_server->url()), username, [](Console &c) { return c.session.events().isConnected(); });
        if (console) {
            console->window()->resize(1280, 760);
            console->window()->show();
        }
        return console;
    }

    static QLabel *indicator(Console &console)
    {
        return console.window()->findChild<QLabel *>(QStringLiteral("orgPolicyIndicator"));
    }

    // The Bill payer asks for EUR 2,500.00 under a fresh delegation of Alice's; the engine wants a person.
    QString orgStepUp()
    {
        auto alice = DemoFixtures::person(m_server->url(), QStringLiteral("alice"));
        auto payer = DemoFixtures::agentClient(m_server->url(), QStringLiteral("Bill payer"));
        QJsonObject grant =
            DemoFixtures::paymentGrant(DemoFixtures::agentId(*alice, QStringLiteral("Bill payer")),
                                       QStringLiteral("Pay the quarterly rent"));
        const QString id = alice->post(QStringLiteral("/v1/delegations"), grant)
                               .json()
                               .value(QStringLiteral("id"))
                               .toString();
        m_engine.setMode(ScriptedPdp::Mode::PersonOnly);
        const auto asked =
            payer->post(QStringLiteral("/v1/authorize"), DemoFixtures::authorizeRequest(id, 25000));
        m_engine.setMode(ScriptedPdp::Mode::ServerError);
        return asked.json().value(QStringLiteral("approval_id")).toString();
    }

    static ui::ApprovalDetailPane *select(Console &console, const QString &id)
    {
        ui::ApprovalsPage *page = console.window()->approvalsPage();
        console.window()->showPage(page);
        QDeadlineTimer deadline(10000);
        while (page->model().rowOf(id) < 0 && !deadline.hasExpired())
            QTest::qWait(20);
        page->table()->selectRow(page->model().rowOf(id));
        return page->detailPane();
    }

private Q_SLOTS:
    void initTestCase()
    {
        // As the console's main() does: its dark screenshots show what a user sees.
        ui::ConsoleStyle::install();
        m_server = std::make_unique<TestServer>(
            QStringList{QStringLiteral("--demo"), QStringLiteral("--policy-pdp"), m_engine.url()});
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
    }

    void supportSeesAnEngineThatDoesNotAnswer()
    {
        auto sam = signIn(QStringLiteral("sam"));
        QVERIFY(sam);
        QTRY_VERIFY_WITH_TIMEOUT(indicator(*sam) && indicator(*sam)->isVisible(), 15000);
        QVERIFY2(indicator(*sam)->text().contains(QStringLiteral("decisions that need it are denied")),
                 qPrintable(indicator(*sam)->text()));

        auto alice = signIn(QStringLiteral("alice"));
        QVERIFY(alice);
        QVERIFY(!indicator(*alice));
    }

    void aCustomerReadsWhyTheOrganisationAsksForAPerson()
    {
        const QString approval = orgStepUp();
        QVERIFY(!approval.isEmpty());
        auto alice = signIn(QStringLiteral("alice"));
        QVERIFY(alice);
        ui::ApprovalDetailPane *pane = select(*alice, approval);
        QTRY_COMPARE(pane->approvalId(), approval);
        QCOMPARE(child<QLabel>(pane, "rule")->text(),
                 QStringLiteral(
                     "Why it needs a person: Your organisation's policy asks a person to confirm this."));
        QVERIFY(
            child<QLabel>(pane, "summary")->text().contains(QStringLiteral("your organisation's policy")));
    }

    void screenshotsInLightDarkAndGerman()
    {
        if (qEnvironmentVariableIsEmpty("MANDATE_SCREENSHOT_DIR"))
            QSKIP("MANDATE_SCREENSHOT_DIR is not set");
        const QString approval = orgStepUp();
        const auto shoot = [&](const QString &prefix) {
            auto sam = signIn(QStringLiteral("sam"));
            QVERIFY(sam);
            QTRY_VERIFY_WITH_TIMEOUT(indicator(*sam) && indicator(*sam)->isVisible(), 15000);
            Console::capture(sam->window(), prefix + QStringLiteral("org-policy-unreachable"));
            auto alice = signIn(QStringLiteral("alice"));
            QVERIFY(alice);
            ui::ApprovalDetailPane *pane = select(*alice, approval);
            QTRY_COMPARE(pane->approvalId(), approval);
            Console::capture(alice->window(), prefix + QStringLiteral("org-policy-step-up"));
        };
        shoot(QString());
        const QPalette original = QApplication::palette();
        QApplication::setPalette(ui::ThemeColors::darkPalette());
        shoot(QStringLiteral("dark-"));
        QApplication::setPalette(original);
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        QVERIFY(ui::TranslationLoader::install(*qApp, QLocale()));
        shoot(QStringLiteral("de-"));
        QLocale::setDefault(QLocale::c());
    }
};

QTEST_MAIN(TstOrgPolicyUi)
#include "tst_OrgPolicyUi.moc"
