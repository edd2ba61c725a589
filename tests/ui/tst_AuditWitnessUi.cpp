#include "client/ApiClient.h"
#include "client/LocalCache.h"
#include "core/AuditReceipt.h"
#include "core/Checkpoint.h"
#include "models/ApprovalListModel.h"
#include "models/AuditListModel.h"
#include "models/DelegationListModel.h"
#include "models/LogWitnessFormatter.h"
#include "tests/support/DemoFixtures.h"
#include "tests/support/NoteSigner.h"
#include "tests/support/ScriptedLogServer.h"
#include "tests/support/TestServer.h"
#include "tests/ui/ConsoleHarness.h"
#include "ui/ApprovalDetailPane.h"
#include "ui/ApprovalsPage.h"
#include "ui/AuditPage.h"
#include "ui/DelegationDetailPane.h"
#include "ui/DelegationsPage.h"
#include "ui/MainWindow.h"
#include "ui/ReasonConfirmDialog.h"
#include "ui/ReceiptSaver.h"
#include "ui/wizard/ThemeColors.h"

#include <QAction>
#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace mandate;
using mandate::test::DemoFixtures;
using mandate::test::NoteSigner;
using mandate::test::TestServer;
using Console = mandate::test::ConsoleHarness;

// The console as a witness of the real server's audit log, through its widgets: the Audit page's
// status line (and how loudly it reports a history or key that changed), "Show proof", and
// "Save receipt…" in the delegation and approval panes.
class TstAuditWitnessUi : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<test::TestClient> m_alice;
    std::unique_ptr<test::TestClient> m_payer;

    // Signed in once `ready` holds (by default: the delegations arrived).
    std::unique_ptr<Console> signIn(const QString &username, std::function<bool(Console &)> ready = {})
    {
        if (!ready)
            ready = [](Console &c) {
                return c.window()->delegationsPage()->model().rowCount() > 0;
            };
        auto console = Console::signIn(
            m_dir.filePath(username + QString::number(QRandomGenerator::global()->generate())),
            QUrl(m_server.url()), username, ready);
        if (console) {
            console->window()->resize(1280, 760);
            console->window()->show();
        }
        return console;
    }

    static ui::AuditPage *auditOf(Console &console)
    {
        ui::AuditPage *audit = console.window()->auditPage();
        console.window()->showPage(audit);
        return audit;
    }

    static bool settled(ui::AuditPage *audit)
    {
        using State = client::LogWitness::Status::State;
        const State state = audit->witness().status().state;
        return state != State::Checking && state != State::Unchecked;
    }

    QString verifierKey()
    {
        return test::TestClient(m_server.url())
            .get(QStringLiteral("/v1/audit/checkpoint"))
            .json()
            .value(QStringLiteral("verifier_key"))
            .toString();
    }

    // A delegation for the Bill payer with one allowed payment, its decision in a checkpoint.
    QPair<QString, QString> grantWithDecision()
    {
        const QString id = m_alice
                               ->post(QStringLiteral("/v1/delegations"),
                                      DemoFixtures::paymentGrant(
                                          DemoFixtures::agentId(*m_alice, QStringLiteral("Bill payer")),
                                          QStringLiteral("Receipts for the rent")))
                               .json()
                               .value(QStringLiteral("id"))
                               .toString();
        const QString decision =
            m_payer->post(QStringLiteral("/v1/authorize"), DemoFixtures::authorizeRequest(id, 700))
                .json()
                .value(QStringLiteral("decision_id"))
                .toString();
        const bool sequenced = QTest::qWaitFor(
            [&] {
                return m_alice->get(QStringLiteral("/v1/decisions/%1/receipt").arg(decision)).status == 200;
            },
            10000);
        return sequenced ? qMakePair(id, decision) : QPair<QString, QString>();
    }

    static AuditReceipt savedReceipt(const QString &file)
    {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return AuditReceipt::fromJson(QJsonDocument::fromJson(f.readAll()).object()).value_or(AuditReceipt());
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

    void theAuditPageSaysTheLogIsVerifiedAndProvesAnEvent()
    {
        QVERIFY(!grantWithDecision().first.isEmpty());
        auto console = signIn(QStringLiteral("sam"));
        QVERIFY(console);
        ui::AuditPage *audit = auditOf(*console);
        QTRY_VERIFY_WITH_TIMEOUT(settled(audit), 10000);
        const QString first = audit->logStatusLabel()->text();
        QVERIFY2(first.startsWith(QStringLiteral("✔ Log verified: append-only since ")), qPrintable(first));
        QVERIFY(first.contains(QStringLiteral("first checkpoint this console keeps")));
        const auto kept = console->cache.loadCheckpoint();
        QVERIFY(kept);
        QCOMPARE(kept->verifierKey, verifierKey());

        // The next look checks consistency with the kept checkpoint and says since when.
        audit->reload();
        QTRY_VERIFY_WITH_TIMEOUT(settled(audit), 10000);
        const QString again = audit->logStatusLabel()->text();
        QVERIFY2(again.startsWith(QStringLiteral("✔ Log verified: append-only since ")), qPrintable(again));
        QVERIFY(again.endsWith(QStringLiteral(" events)")));
        QVERIFY(!again.contains(QStringLiteral("first checkpoint")));
        QCOMPARE(console->cache.loadCheckpoint()->firstKeptAt, kept->firstKeptAt);

        QTRY_VERIFY(audit->model().rowCount() > 2);
        QVERIFY(!audit->showProofButton()->isEnabled());
        audit->table()->selectRow(1);
        QVERIFY(audit->showProofButton()->isEnabled());
        QTest::mouseClick(audit->showProofButton(), Qt::LeftButton);
        const qint64 seq = audit->model().eventAt(1)->seq;
        QTRY_VERIFY_WITH_TIMEOUT(audit->proofLabel()->text().startsWith(QStringLiteral("✔")), 10000);
        QVERIFY2(audit->proofLabel()->text().startsWith(
                     QStringLiteral("✔ Event %1 is in the log, exactly as shown: leaf %2 of the ")
                         .arg(seq)
                         .arg(seq - 1)),
                 qPrintable(audit->proofLabel()->text()));
        Console::capture(console->window(), QStringLiteral("audit-log-verified"));
    }

    // The console's kept checkpoint is of another history at a smaller size, signed with the log's
    // own key — what a console that saw the log before a rewrite holds. The page must say so, loudly.
    void aRewrittenHistoryIsReportedLoudly()
    {
        auto console = signIn(QStringLiteral("sam"));
        QVERIFY(console);
        ui::AuditPage *audit = auditOf(*console);
        QTRY_VERIFY_WITH_TIMEOUT(settled(audit), 10000);
        const auto signer =
            NoteSigner::fromPem(m_server.dataDir() + QStringLiteral("/log-key.pem"), verifierKey());
        QVERIFY(signer);
        const qint64 size = console->cache.loadCheckpoint()->treeSize - 1;
        const QByteArray forged = signer->note(Checkpoint{
            signer->name(),
            size,
            QCryptographicHash::hash("before", QCryptographicHash::Sha256),
            {}}.text());
        const QDateTime since = QDateTime::currentDateTimeUtc().addDays(-3);
        QVERIFY(console->cache.saveCheckpoint({verifierKey(), forged, size, since, since.addDays(1)}));

        audit->reload();
        QTRY_VERIFY_WITH_TIMEOUT(settled(audit), 10000);
        QLabel *status = audit->logStatusLabel();
        QVERIFY2(status->text().startsWith(QStringLiteral("✘ The server's audit history changed: ")),
                 qPrintable(status->text()));
        QVERIFY(
            status->text().contains(models::LogWitnessFormatter::errorText(LogError::ConsistencyMismatch)));
        QCOMPARE(console->cache.loadCheckpoint()->note, forged); // not replaced
        // Loud: error colour (readable, 4.5:1 at least), bold, and the critical icon beside it.
        const QColor error = ui::ThemeColors::text(ui::ThemeColors::Role::Error, status->palette());
        QVERIFY(status->styleSheet().contains(error.name()));
        QVERIFY(status->styleSheet().contains(QStringLiteral("bold")));
        QVERIFY(ui::ThemeColors::contrast(error, status->palette().color(QPalette::Window)) >= 4.5);
        QVERIFY(console->window()->findChild<QLabel *>(QStringLiteral("logIcon"))->isVisible());
        Console::capture(console->window(), QStringLiteral("audit-log-history-changed"));

        // An event proven against the kept (other) root does not verify either.
        QTRY_VERIFY(audit->model().rowCount() > 0);
        audit->table()->selectRow(0);
        audit->showProof();
        QTRY_VERIFY_WITH_TIMEOUT(audit->proofLabel()->text().startsWith(QStringLiteral("✘")), 10000);
    }

    void aChangedKeyIsReportedLoudly()
    {
        auto console = signIn(QStringLiteral("ada"));
        QVERIFY(console);
        ui::AuditPage *audit = auditOf(*console);
        QTRY_VERIFY_WITH_TIMEOUT(settled(audit), 10000);
        const auto kept = console->cache.loadCheckpoint();
        const NoteSigner before(NoteVerifierKey::parse(kept->verifierKey)->name(), QByteArray(32, '\x11'));
        const QByteArray note = before.note(
            Checkpoint{before.name(), 1, QCryptographicHash::hash("one", QCryptographicHash::Sha256), {}}
                .text());
        QVERIFY(console->cache.saveCheckpoint(
            {before.verifier().toString(), note, 1, kept->firstKeptAt, kept->keptAt}));
        audit->reload();
        QTRY_VERIFY_WITH_TIMEOUT(settled(audit), 10000);
        const QString text = audit->logStatusLabel()->text();
        QVERIFY2(
            text.startsWith(QStringLiteral("✘ The server's log key changed: it now signs with %1, but this "
                                           "console has trusted %2")
                                .arg(verifierKey(), before.verifier().toString())),
            qPrintable(text));
        QCOMPARE(console->cache.loadCheckpoint()->verifierKey, before.verifier().toString());
    }

    void theDelegationPaneSavesTheGrantsAndADecisionsReceipt()
    {
        const auto [delegationId, decisionId] = grantWithDecision();
        QVERIFY(!decisionId.isEmpty());
        auto console = signIn(QStringLiteral("alice"));
        QVERIFY(console);
        ui::DelegationsPage *page = console->window()->delegationsPage();
        page->search(delegationId);
        QTRY_COMPARE(page->model().rowCount(), 1);
        page->table()->selectRow(0);
        ui::DelegationDetailPane *pane = page->detailPane();
        QCOMPARE(pane->delegationId(), delegationId);
        QStringList asked;
        const QString grantFile = m_dir.filePath(QStringLiteral("grant-receipt.json"));
        const QString decisionFile = m_dir.filePath(QStringLiteral("decision-receipt.json"));
        pane->receipts().setFileChooser([&](QWidget *, const QString &suggested) {
            asked.append(suggested);
            return asked.size() == 1 ? grantFile : decisionFile;
        });

        QTest::mouseClick(pane->saveGrantReceiptButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            pane->receiptNotice()->text().startsWith(QStringLiteral("Receipt saved to ")), 10000);
        QVERIFY(asked.first().endsWith(QStringLiteral("receipt-%1.json").arg(delegationId)));
        const auto key = NoteVerifierKey::parse(verifierKey());
        const AuditReceipt grant = savedReceipt(grantFile);
        QCOMPARE(grant.verify(key), LogError::None);
        QCOMPARE(grant.event.value(QStringLiteral("type")).toString(), QStringLiteral("delegation.granted"));
        QCOMPARE(grant.event.value(QStringLiteral("delegation_id")).toString(), delegationId);

        QTRY_VERIFY(pane->decisionsView()->model()->rowCount() == 1);
        QVERIFY(!pane->saveDecisionReceiptButton()->isEnabled()); // nothing selected yet
        pane->decisionsView()->setCurrentIndex(pane->decisionsView()->model()->index(0, 0));
        QVERIFY(pane->saveDecisionReceiptButton()->isEnabled());
        QTest::mouseClick(pane->saveDecisionReceiptButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(asked.size(), 2, 10000);
        QTRY_VERIFY(pane->receiptNotice()->text().contains(decisionFile));
        const AuditReceipt decision = savedReceipt(decisionFile);
        QCOMPARE(decision.verify(key), LogError::None);
        QCOMPARE(decision.event.value(QStringLiteral("data"))
                     .toObject()
                     .value(QStringLiteral("decision_id"))
                     .toString(),
                 decisionId);
    }

    // A customer finds the receipts of the decisions behind her own step-up request in its menu; an
    // approver (who reads no audit trail) is offered the grant's.
    void theApprovalPaneOffersTheGrantAndTheRequestsDecisions()
    {
        const QString approvalId = DemoFixtures::stepUpRequest(*m_alice, *m_payer);
        QVERIFY(!approvalId.isEmpty());
        auto console = signIn(QStringLiteral("alice"));
        QVERIFY(console);
        ui::ApprovalsPage *page = console->window()->approvalsPage();
        console->window()->showPage(page);
        QTRY_VERIFY_WITH_TIMEOUT(page->model().rowOf(approvalId) >= 0, 10000);
        page->table()->selectRow(page->model().rowOf(approvalId));
        ui::ApprovalDetailPane *pane = page->detailPane();
        QCOMPARE(pane->approvalId(), approvalId);
        QVERIFY(pane->receiptButton()->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(pane->receiptMenu()->actions().size(), 3,
                                  10000); // grant, separator, decision
        const QList<QAction *> actions = pane->receiptMenu()->actions();
        QVERIFY(actions.first()->text().startsWith(QStringLiteral("Consent receipt of the grant (dlg_")));
        QVERIFY2(
            actions.last()->text().startsWith(QStringLiteral("Receipt of the decision: Step-up requested, ")),
            qPrintable(actions.last()->text()));

        const QString file = m_dir.filePath(QStringLiteral("step-up-receipt.json"));
        page->receipts().setFileChooser([&file](QWidget *, const QString &) { return file; });
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                actions.last()->trigger();
                return QTest::qWaitFor([&] { return !page->receipts().isBusy(); }, 5000) &&
                       QFile::exists(file);
            }(),
            10000);
        const AuditReceipt receipt = savedReceipt(file);
        QCOMPARE(receipt.verify(NoteVerifierKey::parse(verifierKey())), LogError::None);
        QCOMPARE(receipt.event.value(QStringLiteral("data"))
                     .toObject()
                     .value(QStringLiteral("approval_id"))
                     .toString(),
                 approvalId);

        const QString dual = DemoFixtures::dualControlRequest(*m_alice, *m_payer);
        auto carol = signIn(QStringLiteral("carol"),
                            [](Console &c) { return c.window()->approvalsPage()->model().rowCount() > 0; });
        QVERIFY(carol);
        ui::ApprovalsPage *inbox = carol->window()->approvalsPage();
        carol->window()->showPage(inbox);
        QTRY_VERIFY_WITH_TIMEOUT(inbox->model().rowOf(dual) >= 0, 10000);
        inbox->table()->selectRow(inbox->model().rowOf(dual));
        QTest::qWait(300);
        QCOMPARE(inbox->detailPane()->receiptMenu()->actions().size(), 1);
    }

    // While an event is not yet in a signed checkpoint the server answers 202: a wait of a second,
    // said as such, and no file is asked for. A receipt that does not verify is not saved.
    void aPendingReceiptIsAWaitAndABadOneIsNotSaved()
    {
        test::ScriptedLogServer logServer;
        const test::SampleLog log(3);
        const NoteSigner key(QStringLiteral("scripted.mandate.test/log"), QByteArray(32, '\x05'));
        logServer.serve(&log, 3, &key);
        client::ApiClient apiClient;
        apiClient.setServer(logServer.url());
        client::MandateApi api(apiClient);
        QWidget owner;
        ui::ReceiptSaver saver(api, &owner);
        int asked = 0;
        const QString file = m_dir.filePath(QStringLiteral("scripted-receipt.json"));
        saver.setFileChooser([&](QWidget *, const QString &) {
            ++asked;
            return file;
        });
        QSignalSpy finished(&saver, &ui::ReceiptSaver::finished);

        logServer.setReceiptsPending(true);
        saver.saveDecisionReceipt(QStringLiteral("dec_1"));
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.last().at(0).toBool(), false);
        QCOMPARE(finished.last().at(1).toString(),
                 QStringLiteral("Not yet in a checkpoint — try again in a second."));
        QCOMPARE(asked, 0);

        logServer.setReceiptsPending(false);
        logServer.setReceiptsEdited(true);
        saver.saveDecisionReceipt(QStringLiteral("dec_1"));
        QVERIFY(finished.wait(10000));
        QVERIFY(finished.last().at(1).toString().startsWith(
            QStringLiteral("The server's receipt does not verify")));
        QCOMPARE(asked, 0);
        QVERIFY(!QFile::exists(file));

        logServer.setReceiptsEdited(false);
        saver.saveDelegationReceipt(QStringLiteral("dlg_1"));
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.last().at(0).toBool(), true);
        QCOMPARE(asked, 1);
        QCOMPARE(savedReceipt(file).verify(key.verifier()), LogError::None);
    }
};

QTEST_MAIN(TstAuditWitnessUi)
#include "tst_AuditWitnessUi.moc"
