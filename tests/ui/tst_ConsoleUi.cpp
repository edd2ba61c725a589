#include "client/ConsoleSession.h"
#include "client/DemoServerProbe.h"
#include "client/LocalCache.h"
#include "client/SandboxLauncher.h"
#include "client/TokenVault.h"
#include "core/Clock.h"
#include "models/AuditListModel.h"
#include "models/DelegationListModel.h"
#include "tests/support/DemoFixtures.h"
#include "tests/support/NetworkCutProxy.h"
#include "tests/support/TestServer.h"
#include "tests/ui/ConsoleHarness.h"
#include "ui/AgentsPage.h"
#include "ui/AuditPage.h"
#include "ui/ConsoleController.h"
#include "ui/DelegationDetailPane.h"
#include "ui/DelegationsPage.h"
#include "ui/GrantController.h"
#include "ui/MainWindow.h"
#include "ui/ReasonConfirmDialog.h"
#include "ui/RevocationController.h"
#include "ui/SignInDialog.h"
#include "ui/wizard/GrantWizard.h"
#include "ui/wizard/MoneyEdit.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace mandate;
using mandate::test::DemoFixtures;
using mandate::test::TestServer;

using Console = mandate::test::ConsoleHarness;
using mandate::test::child;

class TstConsoleUi : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    QTemporaryDir m_dir;

    static void capture(QWidget *widget, const QString &name) { Console::capture(widget, name); }

    std::unique_ptr<Console> signIn(const QString &username, const QUrl &server = {})
    {
        return Console::signIn(
            m_dir.filePath(username + QString::number(QRandomGenerator::global()->generate())),
            server.isEmpty() ? QUrl(m_server.url()) : server, username,
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

    static void typeReasonAndConfirm(ui::ReasonConfirmDialog *dialog, const QString &reason)
    {
        QVERIFY(!dialog->actionButton()->isEnabled()); // no reason yet
        QTest::keyClicks(child<QPlainTextEdit>(dialog, "reason"), reason);
        QTRY_VERIFY(dialog->actionButton()->isEnabled());
        QTest::mouseClick(dialog->actionButton(), Qt::LeftButton);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
    }

    void wrongPasswordStaysOnTheDialogWithAReason()
    {
        Console console(m_dir.filePath(QStringLiteral("wrong")));
        console.controller.start(QUrl(m_server.url()));
        ui::SignInDialog *dialog = console.controller.signInDialog();
        QVERIFY(dialog);
        QTest::keyClicks(child<QLineEdit>(dialog, "username"), QStringLiteral("alice"));
        QTest::keyClicks(child<QLineEdit>(dialog, "password"), QStringLiteral("not-it"));
        QTest::keyClick(child<QLineEdit>(dialog, "password"), Qt::Key_Return);
        auto *message = child<QLabel>(dialog, "message");
        QTRY_COMPARE(message->text(), QStringLiteral("The username or password is not right."));
        QVERIFY(!console.controller.mainWindow());
        QVERIFY(dialog->isVisible());
        QTRY_VERIFY(child<QLabel>(dialog, "demoHint")->isVisible());
        capture(dialog, QStringLiteral("sign-in"));
    }

    // A newcomer at a demo server's sign-in is told whom to sign in as; choosing a person (here by
    // keyboard) fills in the username and the password, and Sign in opens that person's console.
    void aDemoServerOffersItsPeopleAtSignIn()
    {
        Console console(m_dir.filePath(QStringLiteral("demo-hint")));
        console.controller.start(QUrl(m_server.url()));
        ui::SignInDialog *dialog = console.controller.signInDialog();
        QVERIFY(dialog);
        auto *hint = child<QLabel>(dialog, "demoHint");
        QTRY_VERIFY(hint->isVisible());
        for (const char *expected : {"Demo server", "alice</a> (customer)", "carol</a> (approver)",
                                     "sam</a> (support)", "ada</a> (administrator)", "mandate-demo"})
            QVERIFY2(hint->text().contains(QLatin1String(expected)), qPrintable(hint->text()));

        // Keyboard focus needs an active window, which a window system without a manager (Xvfb,
        // as scripts/screenshots.sh runs) grants only when asked.
        dialog->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(dialog));
        hint->setFocus(Qt::TabFocusReason);
        for (int i = 0; i < 10 && hint->selectedText() != QLatin1String("carol"); ++i)
            QTest::keyClick(hint, Qt::Key_Tab);
        QCOMPARE(hint->selectedText(), QStringLiteral("carol"));
        QTest::keyClick(hint, Qt::Key_Return);
        QCOMPARE(child<QLineEdit>(dialog, "username")->text(), QStringLiteral("carol"));
        QCOMPARE(child<QLineEdit>(dialog, "password")->text(), QStringLiteral("mandate-demo"));
        auto *signInButton = child<QPushButton>(dialog, "signIn");
        QCOMPARE(QApplication::focusWidget(), signInButton);
        QTest::mouseClick(signInButton, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(console.window(), 10000);
        QCOMPARE(console.session.user().username, QStringLiteral("carol"));
    }

    // A server without --demo offers nobody. The hint follows the address: typing a demo server's
    // shows it, and editing that address hides it at the first keystroke.
    void otherServersShowNoDemoHint()
    {
        TestServer plain{QStringList{}};
        QString error;
        QVERIFY2(plain.start(&error), qPrintable(error));
        Console console(m_dir.filePath(QStringLiteral("no-demo-hint")));
        console.controller.start(QUrl(plain.url()));
        ui::SignInDialog *dialog = console.controller.signInDialog();
        QVERIFY(dialog);
        auto *probe = dialog->findChild<client::DemoServerProbe *>();
        QVERIFY(probe);
        QCOMPARE(probe->server(), QUrl(plain.url()));
        QTRY_VERIFY(!probe->isAsking());
        auto *hint = child<QLabel>(dialog, "demoHint");
        QVERIFY(!hint->isVisible());

        dialog->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(dialog));
        auto *server = child<QLineEdit>(dialog, "server");
        const auto typeServer = [server](const QString &url) {
            server->setFocus();
            server->selectAll();
            QTest::keyClicks(server, url);
        };
        typeServer(m_server.url());
        QTest::keyClick(server, Qt::Key_Tab); // leaving the field asks
        QTRY_VERIFY(hint->isVisible());
        typeServer(plain.url());
        QVERIFY(!hint->isVisible());
        QTest::keyClick(server, Qt::Key_Tab);
        QCOMPARE(probe->server(), QUrl(plain.url()));
        QTRY_VERIFY(!probe->isAsking());
        QVERIFY(!hint->isVisible());
    }

    void customerSeesHerDelegationsWithUsageAndDetails()
    {
        auto console = signIn(QStringLiteral("alice"));
        QVERIFY(console);
        ui::MainWindow *window = console->controller.mainWindow();
        ui::DelegationsPage *page = window->delegationsPage();
        QVERIFY(page->table()->isColumnHidden(models::DelegationListModel::CustomerColumn));
        const auto &model = page->model();
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.delegationAt(row)->customerId, console->session.user().id);
        page->table()->selectRow(0);
        auto *detail = page->detailPane();
        QCOMPARE(detail->delegationId(), model.delegationAt(0)->id);
        window->resize(1280, 760);
        window->show();
        capture(window, QStringLiteral("delegations-customer"));
        // The settings remember server and user, never the password.
        QCOMPARE(console->consoleSettings.lastUsername(), QStringLiteral("alice"));
        for (const QString &key : console->settings.allKeys())
            QVERIFY(!console->settings.value(key).toString().contains(QStringLiteral("mandate-demo")));
    }

    void grantThroughTheWizardLandsOnTheServer()
    {
        auto console = signIn(QStringLiteral("alice"));
        QVERIFY(console);
        ui::MainWindow *window = console->controller.mainWindow();
        ui::DelegationsPage *page = window->delegationsPage();
        QTest::mouseClick(child<QPushButton>(page, "grantButton"), Qt::LeftButton);
        QPointer<ui::GrantWizard> wizard = window->grantController()->wizard();
        QVERIFY(wizard);
        QTRY_VERIFY(wizard->isVisible());

        auto *agents = child<QListView>(wizard->page(ui::GrantWizard::AgentPageId), "agentList");
        QTRY_VERIFY(agents->model()->rowCount() > 0);
        const QModelIndexList payer = agents->model()->match(agents->model()->index(0, 0), Qt::DisplayRole,
                                                             QStringLiteral("Bill payer"));
        QVERIFY(!payer.isEmpty());
        QTest::mouseClick(agents->viewport(), Qt::LeftButton, {}, agents->visualRect(payer.front()).center());
        QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);
        QTest::keyClicks(child<QPlainTextEdit>(wizard->page(ui::GrantWizard::PurposePageId), "purposeEdit"),
                         QStringLiteral("Pay the December electricity bill"));
        QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);
        QWidget *scopes = wizard->page(ui::GrantWizard::ScopesPageId);
        child<QPushButton>(scopes, "addButton")->menu()->actions().at(0)->trigger();
        QTest::keyClicks(child<QLineEdit>(scopes, "resourceEdit"), QStringLiteral("acc_1"));
        QLineEdit *total = child<ui::MoneyEdit>(scopes, "totalEdit")->amountEdit();
        total->selectAll();
        QTest::keyClicks(total, QStringLiteral("180.00"));
        for (int i = 0; i < 3; ++i)
            QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);
        QCOMPARE(wizard->currentId(), int(ui::GrantWizard::ReviewPageId));
        QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!wizard, 10000); // closed and deleted once the server agreed

        QTRY_VERIFY(rowWithPurpose(page, QStringLiteral("Pay the December electricity bill")) >= 0);
        auto rest = DemoFixtures::person(m_server.url(), QStringLiteral("alice"));
        const auto list = rest->get(QStringLiteral("/v1/delegations?q=December%20electricity"));
        const QJsonArray items = list.json().value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 1);
        const QJsonObject scope = items[0].toObject().value(QStringLiteral("scopes")).toArray()[0].toObject();
        QCOMPARE(scope.value(QStringLiteral("resource")).toString(), QStringLiteral("account:acc_1"));
        QCOMPARE(scope.value(QStringLiteral("max_total"))
                     .toObject()
                     .value(QStringLiteral("amount_minor"))
                     .toInteger(),
                 18000);
    }

    void customerRevokesOneWithAReason()
    {
        auto console = signIn(QStringLiteral("alice"));
        QVERIFY(console);
        auto rest = DemoFixtures::person(m_server.url(), QStringLiteral("alice"));
        const auto granted =
            rest->post(QStringLiteral("/v1/delegations"),
                       DemoFixtures::paymentGrant(DemoFixtures::agentId(*rest, QStringLiteral("Bill payer")),
                                                  QStringLiteral("Revoke me from the console")));
        const QString id = granted.json().value(QStringLiteral("id")).toString();
        ui::DelegationsPage *page = console->controller.mainWindow()->delegationsPage();
        QTRY_VERIFY(page->model().rowOf(id) >= 0); // arrived live
        page->table()->selectRow(page->model().rowOf(id));
        QTest::mouseClick(child<QPushButton>(page, "revokeButton"), Qt::LeftButton);
        ui::ReasonConfirmDialog *dialog = console->controller.mainWindow()->revocations()->currentDialog();
        QVERIFY(dialog);
        capture(dialog, QStringLiteral("revoke-dialog"));
        typeReasonAndConfirm(dialog, QStringLiteral("Paid by hand instead"));
        QTRY_VERIFY(!console->controller.mainWindow()->revocations()->currentDialog());
        const auto after = rest->get(QStringLiteral("/v1/delegations/") + id).json();
        QCOMPARE(after.value(QStringLiteral("status")).toString(), QStringLiteral("revoked"));
        QCOMPARE(after.value(QStringLiteral("revoke_reason")).toString(),
                 QStringLiteral("Paid by hand instead"));
        QTRY_COMPARE(page->model().delegationAt(page->model().rowOf(id))->status, DelegationStatus::Revoked);
    }

    void supportFindsBobBySearchAndSuspendsAnAgent()
    {
        auto console = signIn(QStringLiteral("sam"));
        QVERIFY(console);
        ui::MainWindow *window = console->controller.mainWindow();
        ui::DelegationsPage *page = window->delegationsPage();
        QVERIFY(!page->table()->isColumnHidden(models::DelegationListModel::CustomerColumn));
        QTest::keyClicks(page->searchField(), QStringLiteral("bob"));
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto &model = page->model();
                if (model.isLoading() || model.rowCount() == 0)
                    return false;
                for (int row = 0; row < model.rowCount(); ++row) {
                    if (model.index(row, models::DelegationListModel::CustomerColumn).data().toString() !=
                        QStringLiteral("Bob Keller"))
                        return false;
                }
                return true;
            }(),
            5000);
        page->table()->selectRow(0);
        window->resize(1280, 760);
        window->show();
        capture(window, QStringLiteral("delegations-support"));

        window->showPage(window->agentsPage());
        ui::AgentsPage *agents = window->agentsPage();
        QTest::keyClicks(agents->filterField(), QStringLiteral("crm"));
        QTRY_COMPARE(agents->table()->model()->rowCount(), 1);
        agents->table()->selectRow(0);
        capture(window, QStringLiteral("agents"));
        QVERIFY(agents->suspendButton()->isEnabled());
        QTest::mouseClick(agents->suspendButton(), Qt::LeftButton);
        ui::ReasonConfirmDialog *dialog = window->revocations()->currentDialog();
        QVERIFY(dialog);
        auto *impact = child<QLabel>(dialog, "impact");
        QTRY_VERIFY(impact->text().startsWith(QStringLiteral("This revokes")) ||
                    impact->text().startsWith(QStringLiteral("It holds no")));
        capture(dialog, QStringLiteral("suspend-dialog"));
        typeReasonAndConfirm(dialog, QStringLiteral("Exfiltration suspected"));
        QTRY_VERIFY(!window->revocations()->currentDialog());

        auto rest = DemoFixtures::person(m_server.url(), QStringLiteral("sam"));
        const QString crm = DemoFixtures::agentId(*rest, QStringLiteral("CRM exporter"));
        const auto active = rest->get(QStringLiteral("/v1/delegations?status=active&agent_id=") + crm);
        QCOMPARE(active.json().value(QStringLiteral("items")).toArray().size(), 0);
        for (const QJsonValue &agent :
             rest->get(QStringLiteral("/v1/agents")).json().value(QStringLiteral("items")).toArray()) {
            if (agent.toObject().value(QStringLiteral("id")).toString() == crm)
                QCOMPARE(agent.toObject().value(QStringLiteral("status")).toString(),
                         QStringLiteral("suspended"));
        }
        QTRY_VERIFY(!agents->suspendButton()->isEnabled()); // the row shows it suspended
    }

    void supportTracesADelegationInTheAuditAndExportsIt()
    {
        auto rest = DemoFixtures::person(m_server.url(), QStringLiteral("bob"));
        const auto granted =
            rest->post(QStringLiteral("/v1/delegations"),
                       DemoFixtures::paymentGrant(DemoFixtures::agentId(*rest, QStringLiteral("Bill payer")),
                                                  QStringLiteral("Trace me")));
        const QString id = granted.json().value(QStringLiteral("id")).toString();
        auto agent = DemoFixtures::agentClient(m_server.url(), QStringLiteral("Bill payer"));
        QCOMPARE(
            agent->post(QStringLiteral("/v1/authorize"), DemoFixtures::authorizeRequest(id, 4200)).status,
            200);

        auto console = signIn(QStringLiteral("sam"));
        QVERIFY(console);
        ui::MainWindow *window = console->controller.mainWindow();
        ui::AuditPage *audit = window->auditPage();
        ui::DelegationsPage *page = window->delegationsPage();
        QTRY_VERIFY(page->model().rowOf(id) >= 0);
        page->table()->selectRow(page->model().rowOf(id));
        QTest::mouseClick(child<QPushButton>(page, "auditButton"), Qt::LeftButton);
        QTRY_COMPARE(audit->model().rowCount(), 2);
        QCOMPARE(audit->model().eventAt(0)->type, QStringLiteral("delegation.granted"));
        QCOMPARE(audit->model().eventAt(1)->type, QStringLiteral("decision.made"));
        QCOMPARE(
            audit->model().index(1, models::AuditListModel::SummaryColumn).data().toString(),
            QStringLiteral("Allowed: Payments EUR 42.00 to payee:landlord on account:acc_1 (within_scope)"));
        audit->table()->selectRow(1);

        audit->verify();
        QTRY_VERIFY(audit->verificationLabel()->text().startsWith(QStringLiteral("✔ Intact")));
        // The console witnessed the log on the way in, and proves the decision against it (asking
        // again while the decision waits for its checkpoint, at most a second).
        QTRY_VERIFY(audit->logStatusLabel()->text().startsWith(QStringLiteral("✔ Log verified")));
        const auto proven = [audit] {
            if (audit->showProofButton()->isEnabled() && !audit->proofLabel()->text().startsWith(u'✔'))
                audit->showProof();
            return audit->proofLabel()->text().startsWith(u'✔');
        };
        QTRY_VERIFY_WITH_TIMEOUT(proven(), 10000);
        window->resize(1280, 760);
        window->show();
        capture(window, QStringLiteral("audit"));

        QSignalSpy exported(audit, &ui::AuditPage::exportFinished);
        const QString jsonl = m_dir.filePath(QStringLiteral("trace.jsonl"));
        audit->exportTo(jsonl, client::MandateApi::ExportFormat::JsonLines);
        QTRY_COMPARE(exported.size(), 1);
        QVERIFY2(exported.first().at(1).toBool(), qPrintable(exported.first().at(2).toString()));
        QFile file(jsonl);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        const QJsonArray server = rest->get(QStringLiteral("/v1/audit?delegation_id=") + id)
                                      .json()
                                      .value(QStringLiteral("items"))
                                      .toArray();
        QCOMPARE(lines.size(), server.size());
        for (qsizetype i = 0; i < lines.size(); ++i)
            QCOMPARE(QJsonDocument::fromJson(lines[i]).object(), server[i].toObject());

        const QString csv = m_dir.filePath(QStringLiteral("trace.csv"));
        audit->exportTo(csv, client::MandateApi::ExportFormat::Csv);
        QTRY_COMPARE(exported.size(), 2);
        QFile csvFile(csv);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        const QList<QByteArray> rows = csvFile.readAll().trimmed().split('\n');
        QCOMPARE(rows.size(), server.size() + 1); // a header, then one row per event
        QVERIFY(rows.first().startsWith("seq,"));
    }

    void aTamperedDatabaseIsReportedAtTheRightEvent()
    {
        TestServer server;
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        QCOMPARE(server.stop(), 0);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
            db.setDatabaseName(server.dataDir() + QStringLiteral("/mandate.db"));
            QVERIFY(db.open());
            QVERIFY(QSqlQuery(db).exec(
                QStringLiteral("UPDATE audit_events SET event = replace(event, "
                               "'\"delegation.granted\"', '\"delegation.revoked\"') WHERE seq = 4")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
        QVERIFY(server.restart(&error));
        auto console = signIn(QStringLiteral("sam"), QUrl(server.url()));
        QVERIFY(console);
        ui::AuditPage *audit = console->controller.mainWindow()->auditPage();
        audit->verify();
        QTRY_VERIFY(audit->verificationLabel()->text().startsWith(QStringLiteral("✘ Broken at event 4:")));
    }

    void startingOfflineOpensTheLastListSeenReadOnly()
    {
        mandate::test::NetworkCutProxy proxy(QUrl(m_server.url()));
        QVERIFY(proxy.start());
        const QString dir = m_dir.filePath(QStringLiteral("offline-start"));
        client::TokenVault keyring(client::TokenVault::Backend::MemoryOnly);
        QStringList seen;
        {
            Console first(dir, &keyring);
            first.controller.start(proxy.url());
            ui::SignInDialog *dialog = first.controller.signInDialog();
            QVERIFY(dialog);
            QTest::keyClicks(child<QLineEdit>(dialog, "username"), QStringLiteral("bob"));
            QTest::keyClicks(child<QLineEdit>(dialog, "password"), QStringLiteral("mandate-demo"));
            QTest::mouseClick(child<QPushButton>(dialog, "signIn"), Qt::LeftButton);
            QTRY_VERIFY(first.controller.mainWindow());
            auto &model = first.controller.mainWindow()->delegationsPage()->model();
            QTRY_VERIFY(model.rowCount() > 0);
            for (int row = 0; row < model.rowCount(); ++row)
                seen.append(model.delegationAt(row)->id);
        } // the console quits; the keyring keeps the token

        proxy.cut();
        Console second(dir, &keyring);
        second.controller.start(proxy.url());
        QTRY_VERIFY_WITH_TIMEOUT(second.controller.mainWindow(), 10000);
        QVERIFY(!second.controller.signInDialog() || !second.controller.signInDialog()->isVisible());
        QCOMPARE(second.session.user().username, QStringLiteral("bob"));
        ui::DelegationsPage *page = second.controller.mainWindow()->delegationsPage();
        QTRY_VERIFY(child<QLabel>(page, "offlineNote")->isVisible());
        QStringList shown;
        for (int row = 0; row < page->model().rowCount(); ++row)
            shown.append(page->model().delegationAt(row)->id);
        QCOMPARE(shown, seen);
        QVERIFY(!child<QPushButton>(page, "revokeButton")->isEnabled());

        // The server comes back: the same window goes live without signing in again.
        proxy.restore();
        child<QPushButton>(second.controller.mainWindow(), "retryButton")->click();
        QTRY_VERIFY_WITH_TIMEOUT(second.session.connection().isOnline(), 10000);
        QTRY_VERIFY(!child<QLabel>(page, "offlineNote")->isVisible());
    }

    void offlineShowsTheBannerAndDisablesChanges()
    {
        mandate::test::NetworkCutProxy proxy(QUrl(m_server.url()));
        QVERIFY(proxy.start());
        auto console = signIn(QStringLiteral("alice"), proxy.url());
        QVERIFY(console);
        ui::MainWindow *window = console->controller.mainWindow();
        auto *grant = child<QPushButton>(window->delegationsPage(), "grantButton");
        QVERIFY(grant->isEnabled());
        proxy.cut();
        window->delegationsPage()->reload();
        auto *banner = child<QWidget>(window, "connectionBanner");
        QTRY_VERIFY_WITH_TIMEOUT(!console->session.connection().isOnline(), 10000);
        QVERIFY(!banner->isHidden());
        QVERIFY(!grant->isEnabled());
        QCOMPARE(grant->toolTip(), QStringLiteral("The server is not reachable; this needs it."));
        // The offline view comes from the local cache, marked as of when it was saved.
        auto *note = child<QLabel>(window->delegationsPage(), "offlineNote");
        QTRY_VERIFY(note->isVisible());
        QVERIFY(note->text().startsWith(QStringLiteral("Offline — showing the delegations as of")));
        QVERIFY(window->delegationsPage()->model().rowCount() > 0);
        window->resize(1280, 760);
        window->show();
        capture(window, QStringLiteral("offline"));
        proxy.restore();
        child<QPushButton>(banner, "retryButton")->click();
        QTRY_VERIFY_WITH_TIMEOUT(console->session.connection().isOnline(), 10000);
        QTRY_VERIFY(banner->isHidden());
        QTRY_VERIFY(grant->isEnabled());
    }
};

QTEST_MAIN(TstConsoleUi)
#include "tst_ConsoleUi.moc"
