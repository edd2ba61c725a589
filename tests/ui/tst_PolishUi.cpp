#include "models/AuditListModel.h"
#include "models/DelegationListModel.h"
#include "models/FoldedAuditModel.h"
#include "tests/support/DemoFixtures.h"
#include "tests/support/TestClient.h"
#include "tests/support/TestServer.h"
#include "tests/ui/ConsoleHarness.h"
#include "tests/ui/WizardDriver.h"
#include "ui/AuditPage.h"
#include "ui/DelegationDetailPane.h"
#include "ui/DelegationsPage.h"
#include "ui/MainWindow.h"
#include "ui/ReasonConfirmDialog.h"
#include "ui/RevocationController.h"
#include "ui/SignInThrottlesDialog.h"
#include "ui/TranslationLoader.h"
#include "ui/wizard/ConsoleStyle.h"
#include "ui/wizard/ThemeColors.h"

#include <QApplication>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace mandate;
using mandate::test::DemoFixtures;
using mandate::test::TestServer;
using Console = mandate::test::ConsoleHarness;
using mandate::test::child;

// The rest of issue 19 through the widgets against a real server: an agent polling while a step-up
// waits is one row of the audit trail, not a flood; the detail pane keeps its place honestly.
class TstPolishUi : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<test::TestClient> m_alice;
    std::unique_ptr<test::TestClient> m_payer;
    QString m_repeatsId; // a delegation whose agent polled while a step-up waited

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

    // A payments delegation to the Bill payer that asks the customer to step up above EUR 200.00.
    static QString grantWithStepUp(test::TestClient &alice, const QString &purpose)
    {
        QJsonObject body =
            DemoFixtures::paymentGrant(DemoFixtures::agentId(alice, QStringLiteral("Bill payer")), purpose);
        body.insert(QStringLiteral("step_up"),
                    DemoFixtures::stepUpAbove(20000).value(QStringLiteral("step_up")));
        return alice.post(QStringLiteral("/v1/delegations"), body)
            .json()
            .value(QStringLiteral("id"))
            .toString();
    }

    static QString ask(test::TestClient &payer, const QString &delegationId, qint64 amountMinor)
    {
        return payer
            .post(QStringLiteral("/v1/authorize"), DemoFixtures::authorizeRequest(delegationId, amountMinor))
            .json()
            .value(QStringLiteral("decision"))
            .toString();
    }

    // The rows of decisions, oldest first.
    static QList<int> decisionRows(const models::FoldedAuditModel &rows)
    {
        QList<int> found;
        for (int row = 0; row < rows.rowCount(); ++row) {
            if (rows.eventAt(row)->type == QLatin1String("decision.made"))
                found.append(row);
        }
        return found;
    }

    // The grant wizard (made under the palette and language in force) with errors on two pages.
    void shootWizardErrors(const QString &prefix)
    {
        SystemClock clock;
        ui::GrantWizard wizard(test::WizardDriver::makeAgents(this), clock);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        test::WizardDriver driver(&wizard);
        driver.goToReview();
        driver.pressGrant();
        const QString wrong = QStringLiteral("is not right");
        wizard.grantFailed(QStringLiteral("Not granted."),
                           {{QStringLiteral("step_up.above.amount_minor"), wrong},
                            {QStringLiteral("dual_control.actions[0]"), wrong}});
        driver.capture(prefix + QStringLiteral("wizard-error-lines-3"));
        wizard.grantFailed(QStringLiteral("Not granted."), {{QStringLiteral("scopes[0].resource"), wrong},
                                                            {QStringLiteral("scopes[0].max_uses"), wrong}});
        driver.capture(prefix + QStringLiteral("wizard-error-lines-2"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        // As the console's main() does: its dark screenshots show what a user sees.
        ui::ConsoleStyle::install();
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        m_alice = DemoFixtures::person(m_server.url(), QStringLiteral("alice"));
        m_payer = DemoFixtures::agentClient(m_server.url(), QStringLiteral("Bill payer"));
        QVERIFY(m_alice && m_payer);
    }

    // 8: five identical answers to a polling agent are one row ×5 with their span, extended live as
    // each arrives; a different decision is a row of its own; the export keeps every event.
    void repeatedDecisionsAreOneAuditRow()
    {
        const QString id = grantWithStepUp(*m_alice, QStringLiteral("Polls while waiting"));
        QVERIFY(!id.isEmpty());
        auto sam = signIn(QStringLiteral("sam"));
        QVERIFY(sam);
        ui::AuditPage *audit = sam->window()->auditPage();
        sam->window()->showPage(audit);
        audit->showDelegation(id);
        models::AuditListModel &events = audit->model();
        models::FoldedAuditModel &rows = audit->foldedModel();
        QTRY_VERIFY(!events.isLoading() && events.filter().delegationId == id && events.rowCount() == 1);

        QCOMPARE(ask(*m_payer, id, 25000), QStringLiteral("step_up_required"));
        QTRY_VERIFY_WITH_TIMEOUT(decisionRows(rows).size() == 1, 15000);
        const int shown = rows.rowCount();
        for (int poll = 2; poll <= 5; ++poll) {
            const int before = events.rowCount();
            QCOMPARE(ask(*m_payer, id, 25000), QStringLiteral("step_up_required"));
            QTRY_VERIFY_WITH_TIMEOUT(events.rowCount() > before, 15000);
            QCOMPARE(rows.rowCount(), shown); // the follow-the-log refresh extended the run
        }
        QList<int> runs = decisionRows(rows);
        QCOMPARE(runs.size(), 1);
        const int run = runs.first();
        QCOMPARE(rows.repeatsAt(run), 5);
        QVERIFY(rows.index(run, models::AuditListModel::TypeColumn).data().toString().endsWith(u"×5"));
        const AuditEvent newest = *rows.eventAt(run);
        const AuditEvent oldest = *events.eventAt(events.rowOf(QString::number(newest.seq)) - 4);
        const QString span = rows.index(run, models::AuditListModel::TimeColumn).data().toString();
        QVERIFY2(
            span.contains(QLocale().toString(oldest.at.toLocalTime(), QLocale::ShortFormat)) &&
                span.contains(QLocale().toString(newest.at.toLocalTime().time(), QLocale::ShortFormat)) &&
                span.contains(u'–'),
            qPrintable(span));
        QCOMPARE(rows.index(run, models::AuditListModel::SeqColumn).data().toString(),
                 QStringLiteral("%1–%2").arg(oldest.seq).arg(newest.seq));

        // Selecting the row reads and proves its newest event.
        audit->table()->selectRow(run);
        QVERIFY(child<QPlainTextEdit>(audit, "details")
                    ->toPlainText()
                    .contains(QStringLiteral("5 identical decisions")));
        audit->showProof();
        QVERIFY(audit->proofLabel()->text().contains(QString::number(newest.seq)));

        QCOMPARE(ask(*m_payer, id, 1000), QStringLiteral("allow"));
        QTRY_VERIFY_WITH_TIMEOUT(decisionRows(rows).size() == 2, 15000);
        runs = decisionRows(rows);
        QCOMPARE(rows.repeatsAt(runs.last()), 1);
        QCOMPARE(rows.repeatsAt(runs.first()), 5);

        // A reload folds the same way as the live refresh did.
        audit->reload();
        QTRY_VERIFY(!events.isLoading());
        QTRY_COMPARE(decisionRows(rows).size(), 2);
        QCOMPARE(rows.repeatsAt(decisionRows(rows).first()), 5);
        QCOMPARE(events.rowCount(), rows.rowCount() + 4);

        QSignalSpy exported(audit, &ui::AuditPage::exportFinished);
        const QString csv = m_dir.filePath(QStringLiteral("repeats.csv"));
        audit->exportTo(csv, client::MandateApi::ExportFormat::Csv);
        QTRY_COMPARE(exported.size(), 1);
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), events.rowCount() + 1);
        QCOMPARE(std::count_if(lines.begin(), lines.end(),
                               [](const QByteArray &line) { return line.contains("step_up_required"); }),
                 5);

        audit->table()->selectRow(decisionRows(rows).first());
        const auto shoot = [&](const QString &prefix) {
            audit->table()->viewport()->update();
            Console::capture(sam->window(), prefix + QStringLiteral("audit-repeats"));
        };
        shoot(QString());
        const QPalette original = QApplication::palette();
        QApplication::setPalette(ui::ThemeColors::darkPalette());
        shoot(QStringLiteral("dark-"));
        if (!qEnvironmentVariableIsEmpty("MANDATE_SCREENSHOT_DIR"))
            shootWizardErrors(QStringLiteral("dark-"));
        QApplication::setPalette(original);
        m_repeatsId = id;
    }

    // 13: a grant arriving and a revocation keep the selection; another delegation chosen starts
    // the detail pane at its top.
    void theDetailPaneKeepsSelectionAndStartsAtTheTop()
    {
        const QString first = grantWithStepUp(*m_alice, QStringLiteral("Scrolled down first"));
        const QString second = grantWithStepUp(*m_alice, QStringLiteral("Chosen second"));
        auto alice = signIn(QStringLiteral("alice"));
        QVERIFY(alice);
        alice->window()->resize(1100, 520); // a pane shorter than its content
        ui::DelegationsPage *page = alice->window()->delegationsPage();
        QTRY_VERIFY(page->model().rowOf(first) >= 0 && page->model().rowOf(second) >= 0);
        ui::DelegationDetailPane *pane = page->detailPane();
        QScrollBar *scroll = pane->findChild<QScrollArea *>()->verticalScrollBar();
        const auto scrollDown = [&] {
            QTRY_VERIFY(scroll->maximum() > 0);
            scroll->setValue(scroll->maximum());
            QCOMPARE(scroll->value(), scroll->maximum());
        };

        page->table()->selectRow(page->model().rowOf(first));
        QTRY_COMPARE(pane->delegationId(), first);
        scrollDown();
        page->table()->selectRow(page->model().rowOf(second));
        QTRY_COMPARE(pane->delegationId(), second);
        QCOMPARE(scroll->value(), 0);

        // A grant arriving live keeps the selection and where the reader was.
        scrollDown();
        const int kept = scroll->value();
        const QString third = grantWithStepUp(*m_alice, QStringLiteral("Arrives while reading"));
        QTRY_VERIFY(page->model().rowOf(third) >= 0);
        QCOMPARE(pane->delegationId(), second);
        QCOMPARE(page->table()->selectionModel()->selectedRows().size(), 1);
        QCOMPARE(page->table()->selectionModel()->selectedRows().first().row(), page->model().rowOf(second));
        QCOMPARE(scroll->value(), kept);

        // Revoking it keeps it selected; choosing another starts that one at its top.
        QTest::mouseClick(child<QPushButton>(page, "revokeButton"), Qt::LeftButton);
        ui::ReasonConfirmDialog *dialog = alice->window()->revocations()->currentDialog();
        QVERIFY(dialog);
        QTest::keyClicks(child<QPlainTextEdit>(dialog, "reason"), QStringLiteral("Paid by hand instead"));
        QTRY_VERIFY(dialog->actionButton()->isEnabled());
        QTest::mouseClick(dialog->actionButton(), Qt::LeftButton);
        QTRY_COMPARE(page->model().delegationAt(page->model().rowOf(second))->status,
                     DelegationStatus::Revoked);
        QTRY_VERIFY(!page->model().isLoading());
        QCOMPARE(pane->delegationId(), second);
        QCOMPARE(page->table()->selectionModel()->selectedRows().size(), 1);
        QCOMPARE(page->table()->selectionModel()->selectedRows().first().row(), page->model().rowOf(second));
        scrollDown();
        page->table()->selectRow(page->model().rowOf(first));
        QTRY_COMPARE(pane->delegationId(), first);
        QCOMPARE(scroll->value(), 0);
    }

    // 12: an admin sees who cannot sign in, from where and for how many minutes, and unlocks them
    // there, without finding the person's event in the trail first.
    void anAdminSeesSignInThrottlesAndUnlocks()
    {
        for (int i = 0; i < 5; ++i) {
            test::TestClient guesser(m_server.url());
            QCOMPARE(guesser
                         .post(QStringLiteral("/v1/sessions"),
                               {{QStringLiteral("username"), QStringLiteral("dave")},
                                {QStringLiteral("password"), QStringLiteral("guess")}})
                         .status,
                     401);
        }
        auto ada = signIn(QStringLiteral("ada"));
        QVERIFY(ada);
        ui::AuditPage *audit = ada->window()->auditPage();
        ada->window()->showPage(audit);
        QVERIFY(audit->throttlesButton()->isVisible());
        QTest::mouseClick(audit->throttlesButton(), Qt::LeftButton);
        ui::SignInThrottlesDialog *dialog = audit->throttlesDialog();
        QVERIFY(dialog);
        QTRY_COMPARE(dialog->table()->rowCount(), 1);
        QTableWidget *table = dialog->table();
        QCOMPARE(table->item(0, ui::SignInThrottlesDialog::UsernameColumn)->text(), QStringLiteral("dave"));
        QCOMPARE(table->item(0, ui::SignInThrottlesDialog::FailuresColumn)->text(), QStringLiteral("5"));
        QVERIFY(
            table->item(0, ui::SignInThrottlesDialog::UntilColumn)->text().contains(QStringLiteral("min")));
        QVERIFY(!dialog->unlockButton()->isEnabled());
        table->selectRow(0);
        QVERIFY(dialog->unlockButton()->isEnabled());
        Console::capture(dialog, QStringLiteral("sign-in-throttles"));
        if (!qEnvironmentVariableIsEmpty("MANDATE_SCREENSHOT_DIR")) {
            const QPalette original = QApplication::palette();
            QApplication::setPalette(ui::ThemeColors::darkPalette());
            Console::capture(dialog, QStringLiteral("dark-sign-in-throttles"));
            QApplication::setPalette(original);
        }

        QTest::mouseClick(dialog->unlockButton(), Qt::LeftButton);
        QTRY_COMPARE(table->rowCount(), 0);
        QTRY_VERIFY(dialog->statusLabel()->text().contains(QStringLiteral("dave can sign in again")));
        test::TestClient dave(m_server.url());
        QVERIFY(dave.signIn(QStringLiteral("dave")));
    }

    // 8 and 3: the event Verify finds broken inside a run of repeats leaves the run and is selected.
    void aBrokenEventInsideARunStandsAlone()
    {
        if (TestServer::usesPostgres())
            QSKIP("edits the SQLite file behind the server");
        TestServer server;
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        auto alice = DemoFixtures::person(server.url(), QStringLiteral("alice"));
        auto payer = DemoFixtures::agentClient(server.url(), QStringLiteral("Bill payer"));
        QVERIFY(alice && payer);
        const QString id = grantWithStepUp(*alice, QStringLiteral("Broken in the middle"));
        for (int poll = 0; poll < 5; ++poll)
            QCOMPARE(ask(*payer, id, 25000), QStringLiteral("step_up_required"));
        QList<qint64> seqs;
        const QJsonArray items =
            alice->get(QStringLiteral("/v1/audit?type=decision.made&delegation_id=") + id)
                .json()
                .value(QStringLiteral("items"))
                .toArray();
        for (const QJsonValue &item : items)
            seqs.append(item.toObject().value(QStringLiteral("seq")).toInteger());
        QCOMPARE(seqs.size(), 5);
        QCOMPARE(server.stop(), 0);
        bool tampered = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
            db.setDatabaseName(server.dataDir() + QStringLiteral("/mandate.db"));
            QSqlQuery query(db);
            tampered =
                db.open() &&
                query.exec(QStringLiteral("UPDATE audit_events SET event = replace(event, 'dec_', 'dex_') "
                                          "WHERE seq = %1 AND event LIKE '%dec_%'")
                               .arg(seqs[2])) &&
                query.numRowsAffected() == 1;
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
        QVERIFY(tampered);
        QVERIFY(server.restart());

        auto sam = signIn(QStringLiteral("sam"), server.url());
        QVERIFY(sam);
        ui::AuditPage *audit = sam->window()->auditPage();
        sam->window()->showPage(audit);
        audit->showDelegation(id);
        models::FoldedAuditModel &rows = audit->foldedModel();
        QTRY_VERIFY(!audit->model().isLoading() && rows.rowOfSeq(seqs[2]) >= 0);
        QCOMPARE(rows.repeatsAt(rows.rowOfSeq(seqs[2])), 5);

        QTest::mouseClick(child<QPushButton>(audit, "verifyButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(audit->model().brokenSeq(), seqs[2], 15000);
        QTRY_VERIFY(!audit->model().isLoading());
        const QModelIndex current = audit->table()->selectionModel()->currentIndex();
        QCOMPARE(current.data(models::AuditListModel::SeqRole).toLongLong(), seqs[2]);
        QCOMPARE(rows.repeatsAt(current.row()), 1);
        QVERIFY(current.siblingAtColumn(0).data().toString().startsWith(QStringLiteral("✘")));
        QCOMPARE(rows.repeatsAt(rows.rowOfSeq(seqs[0])), 2);
        QCOMPARE(rows.repeatsAt(rows.rowOfSeq(seqs[4])), 2);
        QVERIFY(child<QPlainTextEdit>(audit, "details")
                    ->toPlainText()
                    .contains(QStringLiteral("does not verify")));
    }
    // docs/screenshots (with MANDATE_SCREENSHOT_DIR), last as it leaves the German translation
    // installed: the folded audit trail and the sign-in throttles in German.
    void screenshotsInGerman()
    {
        if (qEnvironmentVariableIsEmpty("MANDATE_SCREENSHOT_DIR"))
            QSKIP("MANDATE_SCREENSHOT_DIR is not set");
        QVERIFY(!m_repeatsId.isEmpty());
        for (int i = 0; i < 5; ++i)
            test::TestClient(m_server.url())
                .post(QStringLiteral("/v1/sessions"),
                      {{QStringLiteral("username"), QStringLiteral("carol")},
                       {QStringLiteral("password"), QStringLiteral("guess")}});
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        QVERIFY(ui::TranslationLoader::install(*qApp, QLocale()));
        auto sam = signIn(QStringLiteral("sam"));
        QVERIFY(sam);
        ui::AuditPage *page = sam->window()->auditPage();
        sam->window()->showPage(page);
        page->showDelegation(m_repeatsId);
        QTRY_VERIFY(!page->model().isLoading() && page->model().filter().delegationId == m_repeatsId &&
                    !decisionRows(page->foldedModel()).isEmpty());
        page->table()->selectRow(decisionRows(page->foldedModel()).first());
        Console::capture(sam->window(), QStringLiteral("de-audit-repeats"));

        auto ada = signIn(QStringLiteral("ada"));
        QVERIFY(ada);
        ui::AuditPage *audit = ada->window()->auditPage();
        ada->window()->showPage(audit);
        QTest::mouseClick(audit->throttlesButton(), Qt::LeftButton);
        ui::SignInThrottlesDialog *dialog = audit->throttlesDialog();
        QVERIFY(dialog);
        QTRY_COMPARE(dialog->table()->rowCount(), 1);
        dialog->table()->selectRow(0);
        Console::capture(dialog, QStringLiteral("de-sign-in-throttles"));

        // The grant wizard's reserved error lines, in German.
        shootWizardErrors(QStringLiteral("de-"));
        QLocale::setDefault(QLocale::c());
    }
};

QTEST_MAIN(TstPolishUi)
#include "tst_PolishUi.moc"
