#include "models/ApprovalListModel.h"
#include "models/AuditListModel.h"
#include "models/DecisionListModel.h"
#include "models/DelegationFormatter.h"
#include "models/DelegationListModel.h"
#include "tests/support/DemoFixtures.h"
#include "tests/support/TestClient.h"
#include "tests/support/TestServer.h"
#include "tests/ui/ConsoleHarness.h"
#include "ui/AgentsPage.h"
#include "ui/ApprovalDetailPane.h"
#include "ui/ApprovalsPage.h"
#include "ui/AuditPage.h"
#include "ui/DelegationDetailPane.h"
#include "ui/DelegationsPage.h"
#include "ui/ReasonConfirmDialog.h"
#include "ui/RevocationController.h"
#include "ui/SignInDialog.h"
#include "ui/wizard/FieldMarker.h"
#include "ui/wizard/LifetimePage.h"
#include "ui/wizard/ScopesPage.h"
#include "ui/wizard/ThemeColors.h"
#include "ui/wizard/ThresholdsPage.h"

#include <QCompleter>
#include <QDateTimeEdit>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
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

// What trying the console as its users would turned up (issue 19), through the widgets against a
// real server: pages that stay true, context for whoever decides, rules said before the click.
class TstLifecycleUi : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<test::TestClient> m_alice;
    std::unique_ptr<test::TestClient> m_payer;

    std::unique_ptr<Console> signIn(const QString &username, const QString &url = {})
    {
        auto console = Console::signIn(
            m_dir.filePath(username + QString::number(QRandomGenerator::global()->generate())),
            QUrl(url.isEmpty() ? m_server.url() : url), username,
            [](Console &c) { return c.session.events().isConnected(); });
        if (console) {
            console->window()->resize(1280, 760);
            console->window()->show();
        }
        return console;
    }

    QString grant(const QString &purpose, const QJsonObject &extra = {})
    {
        QJsonObject body = DemoFixtures::paymentGrant(
            DemoFixtures::agentId(*m_alice, QStringLiteral("Bill payer")), purpose);
        for (auto it = extra.begin(); it != extra.end(); ++it)
            body.insert(it.key(), it.value());
        return m_alice->post(QStringLiteral("/v1/delegations"), body)
            .json()
            .value(QStringLiteral("id"))
            .toString();
    }

    static void confirm(ui::ReasonConfirmDialog *dialog, const QString &reason)
    {
        QTest::keyClicks(child<QPlainTextEdit>(dialog, "reason"), reason);
        QTRY_VERIFY(dialog->actionButton()->isEnabled());
        QTest::mouseClick(dialog->actionButton(), Qt::LeftButton);
    }

    static QColor styleColor(const QWidget *widget)
    {
        const auto match =
            QRegularExpression(QStringLiteral("color: (#[0-9a-fA-F]{6})")).match(widget->styleSheet());
        return match.hasMatch() ? QColor(match.captured(1))
                                : widget->palette().color(widget->foregroundRole());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        m_alice = DemoFixtures::person(m_server.url(), QStringLiteral("alice"));
        m_payer = DemoFixtures::agentClient(m_server.url(), QStringLiteral("Bill payer"));
        QVERIFY(m_alice && m_payer);
    }

    // 1 and 7: the Audit page follows the log, F5 reloads it, people appear by name and are found by
    // name, and a search that finds nothing says so.
    void auditFollowsTheLogNamesPeopleAndFindsThem()
    {
        auto sam = signIn(QStringLiteral("sam"));
        QVERIFY(sam);
        ui::AuditPage *audit = sam->window()->auditPage();
        sam->window()->showPage(audit);
        models::AuditListModel &model = audit->model();
        QTRY_VERIFY(model.rowCount() > 0 && !model.isLoading());
        while (model.canFetchMore({})) {
            model.fetchMore({});
            QTRY_VERIFY(!model.isLoading());
        }
        const int before = model.rowCount();
        const QString id = grant(QStringLiteral("Followed live"));
        QCOMPARE(m_alice
                     ->post(QStringLiteral("/v1/delegations/") + id + QStringLiteral("/revoke"),
                            {{QStringLiteral("reason"), QStringLiteral("Seen by the investigator")}})
                     .status,
                 200);
        QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() >= before + 2, 15000);
        const AuditEvent *last = model.eventAt(model.rowCount() - 1);
        QCOMPARE(last->type, QStringLiteral("delegation.revoked"));
        QCOMPARE(model.index(model.rowCount() - 1, models::AuditListModel::ActorColumn).data().toString(),
                 QStringLiteral("Alice Martin"));

        sam->window()->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(sam->window()));
        QSignalSpy loading(&model, &models::PagedTableModel::loadingChanged);
        QTest::keyClick(audit->table(), Qt::Key_F5);
        QVERIFY(!loading.isEmpty());
        QTRY_VERIFY(!model.isLoading());

        auto *search = child<QLineEdit>(audit, "customer");
        QVERIFY(search->isVisible());
        QTest::keyClicks(search, QStringLiteral("Alice Martin"));
        QTRY_VERIFY(!model.isLoading() && model.filter().text == QStringLiteral("Alice Martin"));
        QTRY_VERIFY(model.rowCount() > 0);
        search->clear();
        QTest::keyClicks(search, QStringLiteral("zebedee nobody"));
        QTRY_VERIFY(!model.isLoading() && model.filter().text == QStringLiteral("zebedee nobody"));
        QTRY_COMPARE(model.rowCount(), 0);
        QTRY_VERIFY(child<QPlainTextEdit>(audit, "details")
                        ->toPlainText()
                        .contains(QStringLiteral("No events match")));
        Console::capture(sam->window(), QStringLiteral("audit-search-empty"));
    }

    // 4 and 6: an approver reads the delegation behind the request and its purpose; a revocation
    // cancels the request on screen and the buttons say why they are off.
    void revocationCancelsTheRequestOnScreen()
    {
        const QString approvalId = DemoFixtures::dualControlRequest(*m_alice, *m_payer);
        QVERIFY(!approvalId.isEmpty());
        auto carol = signIn(QStringLiteral("carol"));
        QVERIFY(carol);
        ui::ApprovalsPage *inbox = carol->window()->approvalsPage();
        carol->window()->showPage(inbox);
        QTRY_VERIFY(inbox->model().rowOf(approvalId) >= 0);
        inbox->table()->selectRow(inbox->model().rowOf(approvalId));
        ui::ApprovalDetailPane *pane = inbox->detailPane();
        QTRY_COMPARE(pane->approvalId(), approvalId);
        QVERIFY(child<QLabel>(pane, "facts")->text().contains(QStringLiteral("Pay the rent")));
        QVERIFY(pane->approveButton()->isEnabled());

        // The delegation behind it is on her Delegations page.
        test::TestClient carolRest(m_server.url());
        QVERIFY(carolRest.signIn(QStringLiteral("carol")));
        const QString behind = carolRest.get(QStringLiteral("/v1/approvals/") + approvalId)
                                   .json()
                                   .value(QStringLiteral("delegation_id"))
                                   .toString();
        ui::DelegationsPage *delegations = carol->window()->delegationsPage();
        QTRY_VERIFY(delegations->model().rowOf(behind) >= 0);

        QCOMPARE(m_alice
                     ->post(QStringLiteral("/v1/delegations/") + behind + QStringLiteral("/revoke"),
                            {{QStringLiteral("reason"), QStringLiteral("Not needed any more")}})
                     .status,
                 200);
        QTRY_VERIFY_WITH_TIMEOUT(
            child<QLabel>(pane, "progress")->text().startsWith(QStringLiteral("Cancelled")), 10000);
        QVERIFY(!pane->approveButton()->isEnabled());
        QVERIFY(!child<QLabel>(pane, "whyNot")->text().isEmpty());
        Console::capture(carol->window(), QStringLiteral("approval-cancelled"));
    }

    // 5: the kill switch says it is permanent for the delegations; support reinstates the agent.
    void killSwitchSaysSoAndReinstateBringsTheAgentBack()
    {
        auto sam = signIn(QStringLiteral("sam"));
        QVERIFY(sam);
        ui::AgentsPage *agents = sam->window()->agentsPage();
        sam->window()->showPage(agents);
        QTRY_VERIFY(agents->table()->model()->rowCount() > 0);
        auto *filter = agents->filterField();
        QTest::keyClicks(filter, QStringLiteral("Bill payer"));
        QTRY_COMPARE(agents->table()->model()->rowCount(), 1);
        agents->table()->selectRow(0);
        QVERIFY(agents->suspendButton()->isEnabled());
        QVERIFY(!agents->reinstateButton()->isEnabled());
        QTest::mouseClick(agents->suspendButton(), Qt::LeftButton);
        ui::ReasonConfirmDialog *dialog = sam->window()->revocations()->currentDialog();
        QVERIFY(dialog);
        QVERIFY(child<QLabel>(dialog, "question")->text().contains(QStringLiteral("stay revoked")));
        confirm(dialog, QStringLiteral("Paying unknown payees"));
        QTRY_VERIFY(agents->reinstateButton()->isEnabled());
        QTest::mouseClick(agents->reinstateButton(), Qt::LeftButton);
        dialog = sam->window()->revocations()->currentDialog();
        QVERIFY(dialog);
        confirm(dialog, QStringLiteral("Checked with the customer"));
        QTRY_VERIFY(agents->suspendButton()->isEnabled());
        QVERIFY(!agents->reinstateButton()->isEnabled());
    }

    // 8: an agent asking again and again while a step-up waits is one row with a count.
    void repeatedDecisionsAreOneRow()
    {
        const QString id = grant(QStringLiteral("Polls while waiting"), DemoFixtures::stepUpAbove(20000));
        for (int i = 0; i < 4; ++i)
            QCOMPARE(m_payer->post(QStringLiteral("/v1/authorize"), DemoFixtures::authorizeRequest(id, 25000))
                         .json()
                         .value(QStringLiteral("decision"))
                         .toString(),
                     QStringLiteral("step_up_required"));
        auto alice = signIn(QStringLiteral("alice"));
        QVERIFY(alice);
        ui::DelegationsPage *page = alice->window()->delegationsPage();
        QTRY_VERIFY(page->model().rowOf(id) >= 0);
        page->table()->selectRow(page->model().rowOf(id));
        models::DecisionListModel *decisions = page->detailPane()->decisionModel();
        QTRY_COMPARE(decisions->rowCount(), 1);
        QCOMPARE(decisions->repeatsAt(0), 4);
        QVERIFY(decisions->index(0, models::DecisionListModel::DecisionColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("×4")));

        // 13: the title names the person once; Alt+A opens the audit trail; a reload keeps the selection.
        QCOMPARE(alice->window()->windowTitle(), QStringLiteral("Alice Martin"));
        page->reload();
        QTRY_VERIFY(!page->model().isLoading());
        QTRY_COMPARE(page->detailPane()->delegationId(), id);
        alice->window()->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(alice->window()));
        QTest::keyClick(page->table(), Qt::Key_A, Qt::AltModifier);
        QTRY_VERIFY(alice->window()->auditPage()->isVisible());
        QCOMPARE(alice->window()->auditPage()->model().filter().delegationId, id);
    }

    // 9: the demo trip's EUR 420.00 shows what it went to.
    void seededSpendingShowsItsDecisions()
    {
        auto alice = signIn(QStringLiteral("alice"));
        QVERIFY(alice);
        ui::DelegationsPage *page = alice->window()->delegationsPage();
        QTRY_VERIFY(page->model().rowCount() > 0 && !page->model().isLoading());
        int trip = -1;
        for (int row = 0; row < page->model().rowCount(); ++row) {
            if (page->model().delegationAt(row)->purpose.startsWith(QStringLiteral("Book flights and hotel")))
                trip = row;
        }
        QVERIFY(trip >= 0);
        page->table()->selectRow(trip);
        models::DecisionListModel *decisions = page->detailPane()->decisionModel();
        QTRY_COMPARE(decisions->rowCount(), 3);
        QVERIFY(decisions->index(0, models::DecisionListModel::RequestColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("hotel-adlon")));
    }

    // 12: a throttled sign-in says how many minutes, not seconds.
    void throttledSignInSaysMinutes()
    {
        Console console(m_dir.filePath(QStringLiteral("throttled")));
        console.controller.start(QUrl(m_server.url()));
        ui::SignInDialog *dialog = console.controller.signInDialog();
        QVERIFY(dialog);
        auto *password = child<QLineEdit>(dialog, "password");
        auto *message = child<QLabel>(dialog, "message");
        QTest::keyClicks(child<QLineEdit>(dialog, "username"), QStringLiteral("dave"));
        for (int i = 0; i < 6; ++i) {
            password->clear();
            QTest::keyClicks(password, QStringLiteral("wrong-%1").arg(i));
            message->clear();
            QTest::mouseClick(child<QPushButton>(dialog, "signIn"), Qt::LeftButton);
            QTRY_VERIFY_WITH_TIMEOUT(!message->text().isEmpty() && password->isEnabled(), 10000);
        }
        QVERIFY2(message->text().contains(QStringLiteral("minute")), qPrintable(message->text()));
        Console::capture(dialog, QStringLiteral("sign-in-throttled"));
    }

    // 10: the grant wizard offers resources, never reads "1,000" as a count, takes an emptied count
    // as no limit, offers "in N days", and its threshold groups line up.
    void grantWizardInputHasNoSharpEdges()
    {
        ui::ScopesPage scopes;
        scopes.addScope(ui::ScopeDraft::Template::Payments);
        scopes.setResourceSuggestions(
            {QStringLiteral("account:acc_alice_main"), QStringLiteral("dataset:crm/*")});
        QCompleter *completer = child<QLineEdit>(&scopes, "resourceEdit")->completer();
        QVERIFY(completer);
        completer->setCompletionPrefix(QStringLiteral("alice"));
        QCOMPARE(completer->completionCount(), 1);
        QCOMPARE(completer->currentCompletion(), QStringLiteral("account:acc_alice_main"));

        auto *uses = child<QSpinBox>(&scopes, "maxUsesSpin");
        scopes.show();
        uses->setFocus();
        uses->selectAll();
        QTest::keyClicks(uses, QStringLiteral("1,000"));
        QVERIFY2(ui::FieldMarker::messageOf(uses).contains(QStringLiteral("without separators")),
                 qPrintable(ui::FieldMarker::messageOf(uses)));
        QVERIFY(!child<QLabel>(&scopes, "maxUsesError")->text().isEmpty());
        QVERIFY(!scopes.inputErrors().isEmpty());
        uses->setValue(5);
        uses->findChild<QLineEdit *>()->clear();
        uses->interpretText();
        QCOMPARE(uses->value(), uses->minimum()); // "No limit"

        SystemClock clock;
        ui::LifetimePage lifetime(clock);
        auto *days = child<QSpinBox>(&lifetime, "daysSpin");
        days->setValue(45);
        QVERIFY(qAbs(lifetime.expiresAt().secsTo(clock.now().addDays(45))) < 60);
        // A typed date reads as typed.
        lifetime.initializePage();
        lifetime.show();
        auto *on = child<QDateTimeEdit>(&lifetime, "customEdit");
        const QDate target = QDate::currentDate().addDays(40);
        on->setFocus();
        on->setSelectedSection(QDateTimeEdit::YearSection);
        QTest::keyClicks(on, target.toString(QStringLiteral("yyyy-MM-dd")) + QStringLiteral(" 10:00"));
        on->interpretText();
        QCOMPARE(on->date(), target);
        QCOMPARE(lifetime.expiresAt().toLocalTime().date(), target);

        ui::ThresholdsPage thresholds;
        thresholds.resize(700, 600);
        thresholds.show();
        QVERIFY(QTest::qWaitForWindowExposed(&thresholds));
        const auto left = [&thresholds](const char *name) {
            return child<QWidget>(&thresholds, name)->mapTo(&thresholds, QPoint()).x();
        };
        QCOMPARE(left("stepUpAmountEdit"), left("dualAmountEdit"));
    }

    // 11 and 2: the reason's rule is in words beside the field, and errors are readable.
    void reasonRulesAreSaidAndErrorsAreReadable()
    {
        ui::ReasonConfirmDialog dialog(QStringLiteral("Deny"), QStringLiteral("Deny it?"),
                                       QStringLiteral("Deny"));
        dialog.setMinimumReason(10);
        dialog.show();
        auto *rule = child<QLabel>(&dialog, "rule");
        QVERIFY(rule->text().contains(QStringLiteral("10")));
        const int ruleTop = child<QLabel>(&dialog, "error")->y();
        QTest::keyClicks(child<QPlainTextEdit>(&dialog, "reason"), QStringLiteral("long enough reason"));
        QVERIFY(rule->text().isEmpty());
        QCOMPARE(child<QLabel>(&dialog, "error")->y(), ruleTop); // nothing below moved
        child<QPlainTextEdit>(&dialog, "reason")->setPlainText(QString(1001, QLatin1Char('x')));
        QVERIFY(rule->text().contains(QStringLiteral("too long")));
        QVERIFY(!dialog.actionButton()->isEnabled());
        dialog.showError(QStringLiteral("The server said no."));
        auto *error = child<QLabel>(&dialog, "error");
        QVERIFY(ui::ThemeColors::contrast(styleColor(error), dialog.palette().color(QPalette::Window)) >=
                4.5);
    }

    // 2: a dead server flips the window to offline within seconds.
    void aDeadServerIsShownWithinSeconds()
    {
        TestServer server;
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        auto alice = signIn(QStringLiteral("alice"), server.url());
        QVERIFY(alice);
        QVERIFY(alice->session.connection().isOnline());
        server.kill();
        QTRY_VERIFY_WITH_TIMEOUT(!alice->session.connection().isOnline(), 5000);
        QTRY_VERIFY(alice->window()->connectionLabel()->text().contains(QStringLiteral("Offline")));
    }

    // 3: Verify selects, marks and explains the first broken event.
    void verifyShowsTheBrokenEvent()
    {
        if (TestServer::usesPostgres())
            QSKIP("edits the SQLite file behind the server");
        TestServer server;
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        QCOMPARE(server.stop(), 0);
        bool tampered = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
            db.setDatabaseName(server.dataDir() + QStringLiteral("/mandate.db"));
            tampered =
                db.open() && QSqlQuery(db).exec(QStringLiteral(
                                 "UPDATE audit_events SET event = replace(event, '\"delegation.granted\"', "
                                 "'\"delegation.revoked\"') WHERE seq = 3"));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
        QVERIFY(tampered);
        QVERIFY(server.restart());
        auto sam = signIn(QStringLiteral("sam"), server.url());
        QVERIFY(sam);
        ui::AuditPage *audit = sam->window()->auditPage();
        sam->window()->showPage(audit);
        QTRY_VERIFY(audit->model().rowCount() > 0);
        QTest::mouseClick(child<QPushButton>(audit, "verifyButton"), Qt::LeftButton);
        QTRY_COMPARE(audit->model().brokenSeq(), 3);
        const QModelIndex current = audit->table()->selectionModel()->currentIndex();
        QCOMPARE(current.data(models::AuditListModel::SeqRole).toLongLong(), 3);
        QVERIFY(current.siblingAtColumn(0).data().toString().startsWith(QStringLiteral("✘")));
        QVERIFY(child<QPlainTextEdit>(audit, "details")
                    ->toPlainText()
                    .contains(QStringLiteral("does not verify")));
        Console::capture(sam->window(), QStringLiteral("audit-broken"));
    }

    // 13: the smaller things: seeded rows read as sentences at their story's time, one action needs
    // two approvers in good grammar, purposes elide in the middle, and a customer is not told her
    // reason is "shown to the customer".
    void smallerThingsAreRight()
    {
        QVERIFY(!DemoFixtures::stepUpRequest(*m_alice, *m_payer).isEmpty());
        auto alice = signIn(QStringLiteral("alice"));
        QVERIFY(alice);
        ui::AuditPage *audit = alice->window()->auditPage();
        QTRY_VERIFY(audit->model().rowCount() > 0 && !audit->model().isLoading());
        while (audit->model().canFetchMore({})) {
            audit->model().fetchMore({});
            QTRY_VERIFY(!audit->model().isLoading());
        }
        bool sawRequest = false;
        for (int row = 0; row < audit->model().rowCount(); ++row) {
            const AuditEvent *event = audit->model().eventAt(row);
            const QString summary =
                audit->model().index(row, models::AuditListModel::SummaryColumn).data().toString();
            QVERIFY2(!summary.endsWith(u':') && !summary.contains(QStringLiteral("routed_to")),
                     qPrintable(summary));
            if (event->type == QStringLiteral("approval.requested")) {
                sawRequest = true;
                QVERIFY2(summary.startsWith(QStringLiteral("Asked you")) ||
                             summary.startsWith(QStringLiteral("Asked the")),
                         qPrintable(summary));
            }
        }
        QVERIFY(sawRequest);
        // The first seeded event happened weeks ago, as its story says, not when the server started.
        QVERIFY(audit->model().eventAt(0)->at.daysTo(QDateTime::currentDateTimeUtc()) >= 30);

        Delegation crm;
        DualControlPolicy dual;
        dual.actions = {QStringLiteral("data.export")};
        crm.dualControl = dual;
        const QStringList rules = models::DelegationFormatter::approvalRules(crm);
        QVERIFY2(rules.join(u' ').contains(QStringLiteral("always needs two approvers")),
                 qPrintable(rules.join(u' ')));

        QCOMPARE(alice->window()->delegationsPage()->table()->textElideMode(), Qt::ElideMiddle);
        ui::ReasonConfirmDialog dialog(QStringLiteral("Revoke"), QStringLiteral("Revoke it?"),
                                       QStringLiteral("Revoke"));
        QVERIFY(
            !child<QLabel>(&dialog, "reasonLabel")->text().contains(QStringLiteral("shown to the customer")));
        dialog.setReasonShownToCustomer();
        QVERIFY(
            child<QLabel>(&dialog, "reasonLabel")->text().contains(QStringLiteral("shown to the customer")));
    }

    // 12: an admin finds a locked-out person by name in the trail and unlocks their sign-in.
    void anAdminUnlocksSignInFromTheTrail()
    {
        test::TestClient guesser(m_server.url());
        for (int i = 0; i < 5; ++i)
            QVERIFY(!guesser.signIn(QStringLiteral("sam"), QStringLiteral("guess-%1").arg(i)));
        test::TestClient sam(m_server.url());
        QVERIFY(!sam.signIn(QStringLiteral("sam"))); // throttled from this address

        auto ada = signIn(QStringLiteral("ada"));
        QVERIFY(ada);
        ui::AuditPage *audit = ada->window()->auditPage();
        ada->window()->showPage(audit);
        QTest::keyClicks(child<QLineEdit>(audit, "customer"), QStringLiteral("Sam Rivera"));
        QTRY_VERIFY(!audit->model().isLoading() &&
                    audit->model().filter().text == QStringLiteral("Sam Rivera"));
        int row = -1;
        QTRY_VERIFY(audit->model().rowCount() > 0);
        for (int i = 0; i < audit->model().rowCount() && row < 0; ++i) {
            if (audit->model().eventAt(i)->actorName == QStringLiteral("Sam Rivera"))
                row = i;
        }
        QVERIFY(row >= 0);
        audit->table()->selectRow(row);
        QVERIFY(audit->unlockButton()->isVisible());
        QTRY_VERIFY(audit->unlockButton()->isEnabled());
        QTest::mouseClick(audit->unlockButton(), Qt::LeftButton);
        QTRY_VERIFY(
            child<QLabel>(audit, "proofResult")->text().contains(QStringLiteral("can sign in again")));
        QVERIFY(sam.signIn(QStringLiteral("sam")));
    }
};

QTEST_MAIN(TstLifecycleUi)
#include "tst_LifecycleUi.moc"
