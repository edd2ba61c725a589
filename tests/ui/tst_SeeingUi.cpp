#include "client/ConsoleSession.h"
#include "client/DecisionOutbox.h"
#include "client/LocalCache.h"
#include "client/SandboxLauncher.h"
#include "client/TokenVault.h"
#include "core/Clock.h"
#include "models/AgentListModel.h"
#include "models/ApprovalListModel.h"
#include "models/DelegationListModel.h"
#include "tests/support/DemoFixtures.h"
#include "tests/support/TestClient.h"
#include "tests/support/TestServer.h"
#include "tests/ui/ConsoleHarness.h"
#include "ui/AgentsPage.h"
#include "ui/ApprovalDetailPane.h"
#include "ui/ApprovalsPage.h"
#include "ui/AuthorityPage.h"
#include "ui/ConsentReceiptWriter.h"
#include "ui/ConsoleController.h"
#include "ui/DelegationDetailPane.h"
#include "ui/DelegationsPage.h"
#include "ui/DraftSimulator.h"
#include "ui/GrantController.h"
#include "ui/MainWindow.h"
#include "ui/NarrowApprovalDialog.h"
#include "ui/ReasonConfirmDialog.h"
#include "ui/TranslationLoader.h"
#include "ui/TryActionPanel.h"
#include "ui/wizard/ConsoleStyle.h"
#include "ui/wizard/GrantReview.h"
#include "ui/wizard/GrantWizard.h"
#include "ui/wizard/MoneyEdit.h"
#include "ui/wizard/ThemeColors.h"
#include "ui/wizard/UsageWindowBox.h"

#include <QApplication>
#include <QBarSeries>
#include <QBarSet>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QListView>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QRandomGenerator>
#include <QScrollArea>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QValueAxis>

#include <cmath>

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
        // As the console's main() does: its dark screenshots show what a user sees.
        ui::ConsoleStyle::install();
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

    // Support opens the Travel booker's authority from the Agents page: its chains as a tree, the
    // value left per scope and the growth as charts.
    void authorityViewShowsChainsAndCharts()
    {
        auto console = signIn(QStringLiteral("sam"));
        QVERIFY(console);
        ui::MainWindow *window = console->controller.mainWindow();
        ui::AgentsPage *agents = window->agentsPage();
        window->showPage(agents);
        QTRY_VERIFY(agents->table()->model()->rowCount() > 0);
        const QModelIndexList booker = agents->table()->model()->match(
            agents->table()->model()->index(0, models::AgentListModel::NameColumn), Qt::DisplayRole,
            QStringLiteral("Travel booker"));
        QVERIFY(!booker.isEmpty());
        agents->table()->selectRow(booker.first().row());
        QTRY_VERIFY(agents->authorityButton()->isEnabled());
        QTest::mouseClick(agents->authorityButton(), Qt::LeftButton);
        auto *page = agents->findChild<ui::AuthorityPage *>();
        QVERIFY(page);
        QTRY_VERIFY(page->chainTree()->topLevelItemCount() > 0);
        QVERIFY(page->growthLabel()->text().contains(QStringLiteral("active delegation")));
        QVERIFY(!page->reachChart()->chart()->series().isEmpty());
        Console::capture(page, QStringLiteral("authority"));
        page->close();
    }

    // The history charts: the value a delegation moved today on its own line (a point per day of
    // the 30), and today's grants among 30 days of bars.
    void authorityHistoryChartsShowSpendingAndGrants()
    {
        auto rest = DemoFixtures::person(m_server.url(), QStringLiteral("alice"));
        auto payerAgent = DemoFixtures::agentClient(m_server.url(), QStringLiteral("Bill payer"));
        QVERIFY(rest && payerAgent);
        const QString purpose = QStringLiteral("Pay the plumber");
        const auto granted = rest->post(
            QStringLiteral("/v1/delegations"),
            DemoFixtures::paymentGrant(DemoFixtures::agentId(*rest, QStringLiteral("Bill payer")), purpose));
        QCOMPARE(granted.status, 201);
        const QString id = granted.json().value(QStringLiteral("id")).toString();
        for (const qint64 minor : {12000, 3050})
            QCOMPARE(
                payerAgent->post(QStringLiteral("/v1/authorize"), DemoFixtures::authorizeRequest(id, minor))
                    .json()
                    .value(QStringLiteral("decision"))
                    .toString(),
                QStringLiteral("allow"));

        auto console = signIn(QStringLiteral("sam"));
        QVERIFY(console);
        ui::MainWindow *window = console->controller.mainWindow();
        ui::AgentsPage *agents = window->agentsPage();
        window->showPage(agents);
        QTRY_VERIFY(agents->table()->model()->rowCount() > 0);
        const QModelIndexList payer = agents->table()->model()->match(
            agents->table()->model()->index(0, models::AgentListModel::NameColumn), Qt::DisplayRole,
            QStringLiteral("Bill payer"));
        QVERIFY(!payer.isEmpty());
        agents->table()->selectRow(payer.first().row());
        QTRY_VERIFY(agents->authorityButton()->isEnabled());
        QTest::mouseClick(agents->authorityButton(), Qt::LeftButton);
        auto *page = agents->findChild<ui::AuthorityPage *>();
        QVERIFY(page);
        QSignalSpy loaded(page, &ui::AuthorityPage::loaded);
        QVERIFY(loaded.wait(10000));

        QLineSeries *line = nullptr;
        for (QAbstractSeries *series : page->spendingChart()->chart()->series()) {
            if (series->name() == purpose)
                line = qobject_cast<QLineSeries *>(series);
        }
        QVERIFY(line);
        QCOMPARE(line->count(), 30);
        QCOMPARE(line->at(29).y(), 150.5); // today: EUR 120.00 + EUR 30.50
        double before = 0;
        for (int i = 0; i < 29; ++i)
            before += line->at(i).y();
        QCOMPARE(before, 0.0);
        QVERIFY(page->spendingChart()->chart()->legend()->isVisible());

        const QList<QAbstractSeries *> bars = page->grantsChart()->chart()->series();
        QCOMPARE(bars.size(), 1);
        QBarSet *grants = qobject_cast<QBarSeries *>(bars.first())->barSets().constFirst();
        QCOMPARE(grants->count(), 30);
        QVERIFY(grants->at(29) >= 1); // ours, today
        // Count axes tick on whole numbers, so a bar's end meets the label of its value.
        for (QChartView *view : page->findChildren<QChartView *>()) {
            for (QAbstractAxis *axis : view->chart()->axes()) {
                const auto *counts = qobject_cast<QValueAxis *>(axis);
                if (!counts || counts->labelFormat() != QStringLiteral("%d"))
                    continue;
                const double step = (counts->max() - counts->min()) / (counts->tickCount() - 1);
                QCOMPARE(step, std::round(step));
            }
        }
        Console::capture(page, QStringLiteral("authority-history"));
        page->close();
    }

    // "Save consent receipt…" writes a PDF that states the grant in plain words.
    void consentReceiptIsAPdf()
    {
        auto console = signIn(QStringLiteral("alice"));
        QVERIFY(console);
        ui::DelegationsPage *page = console->controller.mainWindow()->delegationsPage();
        page->table()->selectRow(0);
        ui::DelegationDetailPane *detail = page->detailPane();
        QTRY_VERIFY(!detail->delegationId().isEmpty());
        const QString path = m_dir.filePath(QStringLiteral("consent.pdf"));
        detail->setPdfChooser([path](QWidget *, const QString &suggested) {
            return suggested.endsWith(QStringLiteral(".pdf")) ? path : QString();
        });
        QTest::mouseClick(detail->saveConsentReceiptButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(path) && QFile(path).size() > 1000, 10000);
        QFile pdf(path);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5) == "%PDF-");
        const QString shots = qEnvironmentVariable("MANDATE_SCREENSHOT_DIR");
        if (!shots.isEmpty()) {
            QFile::remove(shots + QStringLiteral("/consent-receipt.pdf"));
            QFile::copy(path, shots + QStringLiteral("/consent-receipt.pdf"));
        }
    }

    // "Approve less…": the customer lets only EUR 300.00 of a EUR 450.00 request through.
    void approveLessNarrowsTheApproval()
    {
        auto rest = DemoFixtures::person(m_server.url(), QStringLiteral("alice"));
        auto agent = DemoFixtures::agentClient(m_server.url(), QStringLiteral("Bill payer"));
        QVERIFY(rest && agent);
        QJsonObject grant =
            DemoFixtures::paymentGrant(DemoFixtures::agentId(*rest, QStringLiteral("Bill payer")),
                                       QStringLiteral("Pay the deposit, with care"));
        grant.insert(
            QStringLiteral("step_up"),
            DemoFixtures::stepUpAbove(20000, QStringLiteral("customer")).value(QStringLiteral("step_up")));
        const QString delegationId = rest->post(QStringLiteral("/v1/delegations"), grant)
                                         .json()
                                         .value(QStringLiteral("id"))
                                         .toString();
        const QString approvalId =
            agent->post(QStringLiteral("/v1/authorize"), DemoFixtures::authorizeRequest(delegationId, 45000))
                .json()
                .value(QStringLiteral("approval_id"))
                .toString();
        QVERIFY(!approvalId.isEmpty());

        auto console = signIn(QStringLiteral("alice"));
        QVERIFY(console);
        ui::MainWindow *window = console->controller.mainWindow();
        ui::ApprovalsPage *approvals = window->approvalsPage();
        window->showPage(approvals);
        QDeadlineTimer deadline(10000);
        while (approvals->model().rowOf(approvalId) < 0 && !deadline.hasExpired())
            QTest::qWait(20);
        approvals->table()->selectRow(approvals->model().rowOf(approvalId));
        ui::ApprovalDetailPane *pane = approvals->detailPane();
        QTRY_COMPARE(pane->approvalId(), approvalId);
        QTRY_VERIFY(pane->approveLessButton()->isEnabled());
        QTest::mouseClick(pane->approveLessButton(), Qt::LeftButton);
        auto *dialog = approvals->findChild<ui::NarrowApprovalDialog *>();
        QVERIFY(dialog);
        // Not less than asked: said next to the amount, nothing sent.
        QTest::keyClicks(dialog->amountEdit()->amountEdit(), QStringLiteral("450.00"));
        QTest::mouseClick(dialog->approveButton(), Qt::LeftButton);
        QVERIFY(dialog->problemLabel()->isVisible());
        dialog->amountEdit()->amountEdit()->selectAll();
        QTest::keyClicks(dialog->amountEdit()->amountEdit(), QStringLiteral("300.00"));
        window->resize(1280, 760);
        window->show();
        Console::capture(dialog, QStringLiteral("approve-less"));
        QTest::mouseClick(dialog->approveButton(), Qt::LeftButton);
        QTRY_COMPARE(rest->get(QStringLiteral("/v1/approvals/") + approvalId)
                         .json()
                         .value(QStringLiteral("status"))
                         .toString(),
                     QStringLiteral("approved"));
        QJsonObject retry = DemoFixtures::authorizeRequest(delegationId, 45000);
        retry.insert(QStringLiteral("approval_id"), approvalId);
        QCOMPARE(agent->post(QStringLiteral("/v1/authorize"), retry)
                     .json()
                     .value(QStringLiteral("reason"))
                     .toString(),
                 QStringLiteral("approval_mismatch"));
        retry.insert(QStringLiteral("amount"), DemoFixtures::money(30000));
        QCOMPARE(agent->post(QStringLiteral("/v1/authorize"), retry)
                     .json()
                     .value(QStringLiteral("reason"))
                     .toString(),
                 QStringLiteral("approved"));
    }

    // The wizard's "When it may be used": a later start and office hours reach every scope of the
    // grant, and the review says so in words.
    void theWizardOffersAStartAndHours()
    {
        SystemClock clock;
        ui::UsageWindowBox box(clock);
        DelegationGrant grant;
        grant.scopes = {Scope{}, Scope{}};
        grant.expiresAt = clock.now().addDays(3);
        box.applyTo(grant);
        QVERIFY(!grant.notBefore);
        QVERIFY(!grant.scopes.at(0).schedule);

        box.startLaterCheck()->setChecked(true);
        const QDateTime start = clock.now().addDays(1);
        box.startEdit()->setDateTime(start.toLocalTime());
        box.hoursCheck()->setChecked(true);
        box.dayCheck(6)->setChecked(true);
        box.timeZoneBox()->setEditText(QStringLiteral("Europe/Berlin"));
        box.applyTo(grant);
        box.resize(720, box.sizeHint().height());
        Console::capture(&box, QStringLiteral("wizard-usage-window"));
        QVERIFY(grant.notBefore);
        QVERIFY(qAbs(grant.notBefore->secsTo(start)) < 60);
        for (const Scope &scope : grant.scopes) {
            QVERIFY(scope.schedule);
            QCOMPARE(scope.schedule->days, (QList<int>{1, 2, 3, 4, 5, 6}));
            QCOMPARE(scope.schedule->from, QTime(8, 0));
            QCOMPARE(scope.schedule->to, QTime(18, 0));
            QCOMPARE(scope.schedule->timeZone, QStringLiteral("Europe/Berlin"));
        }
        grant.scopes = {Scope{QStringLiteral("payments.initiate"),
                              *ResourcePattern::parse(QStringLiteral("account:acc_1")), std::nullopt,
                              std::nullopt, std::nullopt, std::nullopt, std::nullopt,
                              grant.scopes.at(0).schedule}};
        const QString review =
            ui::GrantReview::describe(grant, QStringLiteral("Bill payer"), clock.now(), QLocale::c())
                .sentences()
                .join(u' ');
        QVERIFY2(review.contains(QStringLiteral("(Europe/Berlin time)")), qPrintable(review));
        QVERIFY2(review.contains(QStringLiteral("The agent may use it from")), qPrintable(review));
    }

    // Before granting, the wizard's draft is tried with the engine the server runs.
    void aDraftIsTriedBeforeGranting()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        DelegationGrant grant;
        grant.agentId = QStringLiteral("agt_payer");
        grant.purpose = QStringLiteral("Pay the rent");
        grant.expiresAt = now.addDays(7);
        Scope scope;
        scope.action = QStringLiteral("payments.initiate");
        scope.resource = *ResourcePattern::parse(QStringLiteral("account:acc_1"));
        scope.maxPerAction = *Money::of(50000, QStringLiteral("EUR"));
        scope.maxTotal = *Money::of(120000, QStringLiteral("EUR"));
        grant.scopes = {scope};
        grant.stepUp =
            StepUpPolicy{*Money::of(40000, QStringLiteral("EUR")), std::nullopt, StepUpApprover::Customer};
        const Delegation draft = ui::DraftSimulator::draftOf(grant, QStringLiteral("Bill payer"), now);

        ui::TryActionPanel panel;
        panel.setDelegation(draft);
        QVERIFY(panel.question().contains(QStringLiteral("Bill payer")));
        AuthorizeRequest request = panel.request();
        request.amount = *Money::of(35000, QStringLiteral("EUR"));
        SimulatedDecision decided = ui::DraftSimulator::simulate(draft, request, now);
        QCOMPARE(decided.outcome, DecisionOutcome::Allow);
        QCOMPARE(decided.forecast.remainingTotal->amountMinor(), 120000 - 35000);
        panel.showDecision(decided);
        QCOMPARE(panel.verdictLabel()->text(), QStringLiteral("It would be allowed."));

        request.amount = *Money::of(45000, QStringLiteral("EUR"));
        QCOMPARE(ui::DraftSimulator::simulate(draft, request, now).outcome, DecisionOutcome::StepUpRequired);
        request.amount = *Money::of(60000, QStringLiteral("EUR"));
        decided = ui::DraftSimulator::simulate(draft, request, now);
        QCOMPARE(decided.reason, ReasonCode::PerActionLimitExceeded);
        QCOMPARE(decided.forecast.binding->limit, QStringLiteral("max_per_action"));
    }

    // The review page of the grant wizard offers the same panel, on the draft (whose per-action
    // limit the wizard sets to EUR 100.00 unless told otherwise).
    void theWizardReviewTriesTheDraft()
    {
        auto console = signIn(QStringLiteral("alice"));
        QVERIFY(console);
        ui::MainWindow *window = console->controller.mainWindow();
        QTest::mouseClick(mandate::test::child<QPushButton>(window->delegationsPage(), "grantButton"),
                          Qt::LeftButton);
        QPointer<ui::GrantWizard> wizard = window->grantController()->wizard();
        QVERIFY(wizard);
        auto *agents =
            mandate::test::child<QListView>(wizard->page(ui::GrantWizard::AgentPageId), "agentList");
        QTRY_VERIFY(agents->model()->rowCount() > 0);
        const QModelIndexList payer = agents->model()->match(agents->model()->index(0, 0), Qt::DisplayRole,
                                                             QStringLiteral("Bill payer"));
        QVERIFY(!payer.isEmpty());
        QTest::mouseClick(agents->viewport(), Qt::LeftButton, {}, agents->visualRect(payer.front()).center());
        QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);
        QTest::keyClicks(
            mandate::test::child<QPlainTextEdit>(wizard->page(ui::GrantWizard::PurposePageId), "purposeEdit"),
            QStringLiteral("Pay the January rent"));
        QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);
        QWidget *scopes = wizard->page(ui::GrantWizard::ScopesPageId);
        mandate::test::child<QPushButton>(scopes, "addButton")->menu()->actions().at(0)->trigger();
        QTest::keyClicks(mandate::test::child<QLineEdit>(scopes, "resourceEdit"), QStringLiteral("acc_1"));
        QLineEdit *total = mandate::test::child<ui::MoneyEdit>(scopes, "totalEdit")->amountEdit();
        total->selectAll();
        QTest::keyClicks(total, QStringLiteral("900.00"));
        for (int i = 0; i < 3; ++i)
            QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);
        QCOMPARE(wizard->currentId(), int(ui::GrantWizard::ReviewPageId));
        auto *panel = wizard->page(ui::GrantWizard::ReviewPageId)->findChild<ui::TryActionPanel *>();
        QVERIFY(panel);
        QTest::keyClicks(panel->amountEdit()->amountEdit(), QStringLiteral("80.00"));
        QTest::mouseClick(panel->tryButton(), Qt::LeftButton);
        QCOMPARE(panel->verdictLabel()->text(), QStringLiteral("It would be allowed."));
        QVERIFY2(panel->detailLabel()->text().contains(QStringLiteral("820.00")),
                 qPrintable(panel->detailLabel()->text()));
        wizard->resize(900, 900);
        Console::capture(wizard, QStringLiteral("wizard-review-try"));
        wizard->reject();
    }

    // A request the panel cannot build is refused in words, and nothing is asked.
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

    // The panels in dark and in German, and the consent receipt in German (last: it changes the
    // application's palette, locale and translators).
    void screenshotsInDarkAndGerman()
    {
        const QString dir = qEnvironmentVariable("MANDATE_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("MANDATE_SCREENSHOT_DIR is not set");
        const auto shoot = [this](const QString &prefix) {
            auto console = signIn(QStringLiteral("sam"));
            QVERIFY(console);
            ui::MainWindow *window = console->controller.mainWindow();
            ui::DelegationsPage *page = window->delegationsPage();
            page->table()->selectRow(0);
            ui::DelegationDetailPane *detail = page->detailPane();
            QTRY_VERIFY(!detail->delegationId().isEmpty());
            ui::TryActionPanel *panel = detail->tryActionPanel();
            QTest::keyClicks(panel->amountEdit()->amountEdit(), QStringLiteral("350"));
            QTest::mouseClick(panel->tryButton(), Qt::LeftButton);
            QTRY_VERIFY(!panel->detailLabel()->text().isEmpty());
            window->resize(1280, 900);
            window->show();
            detail->findChild<QScrollArea *>()->ensureWidgetVisible(panel);
            Console::capture(window, prefix + QStringLiteral("try-an-action"));

            ui::AgentsPage *agents = window->agentsPage();
            window->showPage(agents);
            QTRY_VERIFY(agents->table()->model()->rowCount() > 0);
            // The Bill payer: the history test gave it spending to chart.
            const QModelIndexList payer = agents->table()->model()->match(
                agents->table()->model()->index(0, models::AgentListModel::NameColumn), Qt::DisplayRole,
                QStringLiteral("Bill payer"));
            QVERIFY(!payer.isEmpty());
            agents->table()->selectRow(payer.first().row());
            QTest::mouseClick(agents->authorityButton(), Qt::LeftButton);
            auto *authority = agents->findChild<ui::AuthorityPage *>();
            QVERIFY(authority);
            QSignalSpy loaded(authority, &ui::AuthorityPage::loaded);
            QVERIFY(loaded.wait(10000));
            Console::capture(authority, prefix + QStringLiteral("authority"));
            authority->close();
        };
        const QPalette original = QApplication::palette();
        QApplication::setPalette(ui::ThemeColors::darkPalette());
        shoot(QStringLiteral("dark-"));
        QApplication::setPalette(original);
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        QVERIFY(ui::TranslationLoader::install(*qApp, QLocale()));
        shoot(QStringLiteral("de-"));

        Delegation delegation;
        delegation.id = QStringLiteral("dlg_example");
        delegation.purpose = QStringLiteral("Flüge für die Berlin-Reise buchen, 3.–6. Dezember");
        delegation.createdAt = QDateTime(QDate(2026, 12, 1), QTime(9, 0), Qt::UTC);
        delegation.expiresAt = delegation.createdAt.addDays(7);
        delegation.notBefore = delegation.createdAt.addDays(1);
        Scope scope;
        scope.action = QStringLiteral("payments.initiate");
        scope.resource = *ResourcePattern::parse(QStringLiteral("account:acc_1"));
        scope.maxPerAction = *Money::of(50000, QStringLiteral("EUR"));
        scope.maxTotal = *Money::of(120000, QStringLiteral("EUR"));
        scope.schedule =
            Schedule{QStringLiteral("Europe/Berlin"), {1, 2, 3, 4, 5}, QTime(8, 0), QTime(18, 0)};
        delegation.scopes = {scope};
        delegation.stepUp =
            StepUpPolicy{*Money::of(20000, QStringLiteral("EUR")), std::nullopt, StepUpApprover::Customer};
        delegation.revokeOn.taskComplete = true;
        delegation.chain = {ChainLink{ChainLink::Kind::Customer, QStringLiteral("usr_alice"),
                                      QStringLiteral("Alice Martin"), QString()},
                            ChainLink{ChainLink::Kind::Agent, QStringLiteral("agt_travel"),
                                      QStringLiteral("Travel booker"),
                                      QStringLiteral("spiffe://demo.mandate.local/agents/travel-booker")}};
        QString error;
        QVERIFY2(ui::ConsentReceiptWriter::write(dir + QStringLiteral("/de-consent-receipt.pdf"), delegation,
                                                 std::nullopt, delegation.createdAt, &error),
                 qPrintable(error));
        QLocale::setDefault(QLocale::c());
    }
};

QTEST_MAIN(TstSeeingUi)
#include "tst_SeeingUi.moc"
