#include "models/ApprovalListModel.h"
#include "tests/support/DemoFixtures.h"
#include "tests/support/TestClient.h"
#include "tests/support/TestServer.h"
#include "tests/ui/ConsoleHarness.h"
#include "ui/AgentsPage.h"
#include "ui/ApprovalDetailPane.h"
#include "ui/ApprovalsPage.h"
#include "ui/AuditPage.h"
#include "ui/DelegationsPage.h"
#include "ui/EnforcementPointsPage.h"
#include "ui/EnforcementTokenDialog.h"
#include "ui/MainWindow.h"
#include "ui/ReasonConfirmDialog.h"
#include "ui/RegisterEnforcementPointDialog.h"
#include "ui/TranslationLoader.h"
#include "ui/wizard/ConsoleStyle.h"
#include "ui/wizard/FieldMarker.h"
#include "ui/wizard/ThemeColors.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QImage>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSet>
#include <QStackedWidget>
#include <QStyleFactory>
#include <QTabBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>
#include <QTranslator>
#include <QWizard>

#include <algorithm>

using namespace mandate;
using mandate::test::DemoFixtures;
using mandate::test::TestServer;
using Console = mandate::test::ConsoleHarness;
using mandate::test::child;

namespace {

QString describe(const QWidget *w)
{
    QStringList chain;
    for (const QWidget *p = w; p; p = p->parentWidget())
        chain.append(
            QStringLiteral("%1(%2)").arg(QString::fromLatin1(p->metaObject()->className()), p->objectName()));
    return chain.join(QStringLiteral(" < "));
}

// Controls a person operates; parts of composite controls (a spin box's line edit, a view's
// header, a scroll bar) are reached through their owner and are not checked on their own.
bool isInteractive(const QWidget *w)
{
    if (qobject_cast<const QHeaderView *>(w))
        return false;
    const QWidget *parent = w->parentWidget();
    if (parent && (qobject_cast<const QAbstractSpinBox *>(parent) ||
                   qobject_cast<const QComboBox *>(parent) || qobject_cast<const QTabBar *>(parent)))
        return false;
    if (w->objectName().startsWith(QLatin1String("qt_")))
        return false;
    if (auto *text = qobject_cast<const QTextEdit *>(w); text && text->isReadOnly())
        return text->textInteractionFlags() & Qt::TextSelectableByKeyboard;
    return qobject_cast<const QAbstractButton *>(w) || qobject_cast<const QLineEdit *>(w) ||
           qobject_cast<const QComboBox *>(w) || qobject_cast<const QAbstractSpinBox *>(w) ||
           qobject_cast<const QAbstractItemView *>(w) || qobject_cast<const QTabBar *>(w) ||
           qobject_cast<const QPlainTextEdit *>(w) || qobject_cast<const QTextEdit *>(w);
}

// Every interactive control under `root` that would be visible with it has an accessible name and
// is in its window's Tab chain with a Tab focus policy. `audited` counts the controls checked, so a
// walk that silently finds nothing fails too.
QStringList auditWidgets(QWidget *root, int &audited)
{
    QSet<QWidget *> chain;
    QWidget *window = root->window();
    for (QWidget *w = window->nextInFocusChain(); w && w != window; w = w->nextInFocusChain())
        chain.insert(w);
    QStringList problems;
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *w : std::as_const(widgets)) {
        if (!isInteractive(w) || !(w == root || w->isVisibleTo(root)) || !w->isEnabled())
            continue;
        ++audited;
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
        if (!iface || iface->text(QAccessible::Name).trimmed().isEmpty())
            problems.append(QStringLiteral("no accessible name: ") + describe(w));
        if (!(w->focusPolicy() & Qt::TabFocus) || !chain.contains(w))
            problems.append(QStringLiteral("not reachable by Tab: ") + describe(w));
    }
    return problems;
}

QPalette darkPalette()
{
    return ui::ThemeColors::darkPalette();
}

} // namespace

// Every page, wizard page and dialog of the console, for each role: named controls, all reachable
// by keyboard, readable colours; and the approvals inbox operated with the keyboard alone.
class TstAccessibility : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<test::TestClient> m_alice;
    std::unique_ptr<test::TestClient> m_carol;
    std::unique_ptr<test::TestClient> m_payer;

    std::unique_ptr<Console> signIn(const QString &username)
    {
        auto console = Console::signIn(
            m_dir.filePath(username + QString::number(QRandomGenerator::global()->generate())),
            QUrl(m_server.url()), username, [](Console &c) { return c.session.events().isConnected(); });
        if (!console)
            return nullptr;
        console->window()->resize(1280, 760);
        console->window()->show();
        QTest::qWait(300);
        return console;
    }

    void auditEveryPage(Console &console, QStringList &problems, int &audited)
    {
        ui::MainWindow *window = console.window();
        for (int row = 0; row < window->navigation()->count(); ++row) {
            window->navigation()->setCurrentRow(row);
            QTest::qWait(100);
            problems += auditWidgets(window, audited);
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        // As the console's main() does: its dark screenshots show what a user sees.
        ui::ConsoleStyle::install();
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        m_alice = DemoFixtures::person(m_server.url(), QStringLiteral("alice"));
        m_carol = DemoFixtures::person(m_server.url(), QStringLiteral("carol"));
        m_payer = DemoFixtures::agentClient(m_server.url(), QStringLiteral("Bill payer"));
        QVERIFY(m_alice && m_carol && m_payer);
        QVERIFY(!DemoFixtures::dualControlRequest(*m_alice, *m_payer).isEmpty());
    }

    void signInDialogIsAccessible()
    {
        Console console(m_dir.filePath(QStringLiteral("dialog")));
        console.controller.start(QUrl(m_server.url()));
        ui::SignInDialog *dialog = console.controller.signInDialog();
        QVERIFY(dialog);
        int audited = 0;
        const QStringList problems = auditWidgets(dialog, audited);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        qInfo("sign-in dialog: %d controls checked", audited);
        QVERIFY(audited >= 4);
    }

    void everyPageOfEveryRoleIsAccessible_data()
    {
        QTest::addColumn<QString>("username");
        QTest::newRow("customer") << QStringLiteral("alice");
        QTest::newRow("approver") << QStringLiteral("carol");
        QTest::newRow("support") << QStringLiteral("sam");
        QTest::newRow("admin") << QStringLiteral("ada");
    }

    void everyPageOfEveryRoleIsAccessible()
    {
        QFETCH(QString, username);
        auto console = signIn(username);
        QVERIFY(console);
        QStringList problems;
        int audited = 0;
        auditEveryPage(*console, problems, audited);
        problems.removeDuplicates();
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        qInfo("%s: %d controls checked over every page", qPrintable(username), audited);
        QVERIFY(audited >= 10);
    }

    void grantWizardIsAccessible()
    {
        auto alice = signIn(QStringLiteral("alice"));
        QVERIFY(alice);
        alice->window()->showPage(alice->window()->delegationsPage());
        QPushButton *grant = child<QPushButton>(alice->window()->delegationsPage(), "grantButton");
        QTRY_VERIFY(grant->isEnabled());
        grant->click();
        QWizard *wizard = nullptr;
        QTRY_VERIFY((wizard = [] {
            for (QWidget *w : QApplication::topLevelWidgets())
                if (auto *found = qobject_cast<QWizard *>(w); found && found->isVisible())
                    return found;
            return static_cast<QWizard *>(nullptr);
        }()));
        QStringList problems;
        int audited = 0;
        for (int id : wizard->pageIds())
            problems += auditWidgets(wizard->page(id), audited);
        problems.removeDuplicates();
        wizard->reject();
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        qInfo("grant wizard: %d controls checked over every page", audited);
        QVERIFY(audited >= 15);
    }

    // The admin's registration dialog (with its check beside the name) and the token shown once.
    void enforcementPointDialogsAreAccessible()
    {
        auto ada = signIn(QStringLiteral("ada"));
        QVERIFY(ada);
        ui::EnforcementPointsPage *page = ada->window()->enforcementPointsPage();
        QVERIFY(page);
        ada->window()->showPage(page);
        page->startRegistration();
        ui::RegisterEnforcementPointDialog *dialog = page->registerDialog();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        dialog->registerButton()->click(); // no name: the message beside the field
        QStringList problems;
        int audited = 0;
        problems += auditWidgets(dialog, audited);
        dialog->reject();
        ui::EnforcementTokenDialog token(QStringLiteral("Gateway"), QStringLiteral("mep_sample"),
                                         ada->window());
        token.show();
        QVERIFY(QTest::qWaitForWindowExposed(&token));
        problems += auditWidgets(&token, audited);
        token.reject();
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        QVERIFY(audited >= 5);
    }

    // Carol, without a mouse: signs in, finds the request in her inbox and approves it.
    void approvalsInboxByKeyboardAlone()
    {
        const QString id = DemoFixtures::dualControlRequest(*m_alice, *m_payer);
        Console console(m_dir.filePath(QStringLiteral("keyboard")));
        console.controller.start(QUrl(m_server.url()));
        ui::SignInDialog *dialog = console.controller.signInDialog();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowActive(dialog));
        const auto focused = [] {
            return QApplication::focusWidget();
        };
        // The window system reports a window active before Qt has moved the focus into it.
        QTRY_COMPARE(focused(), child<QLineEdit>(dialog, "username"));
        QTest::keyClicks(focused(), QStringLiteral("carol"));
        QTest::keyClick(focused(), Qt::Key_Tab);
        QCOMPARE(focused(), child<QLineEdit>(dialog, "password"));
        QTest::keyClicks(focused(), QStringLiteral("mandate-demo"));
        QTest::keyClick(focused(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(console.window() && console.window()->isVisible(), 10000);
        QVERIFY(QTest::qWaitForWindowActive(console.window()));

        ui::ApprovalsPage *page = console.window()->approvalsPage();
        QTRY_VERIFY_WITH_TIMEOUT(page->model().rowOf(id) >= 0, 10000);
        // Ctrl+<its position in the navigation> opens the inbox and puts the focus into it; Tab
        // reaches the table.
        int row = 0;
        while (row < console.window()->navigation()->count() &&
               !console.window()->navigation()->item(row)->text().startsWith(QStringLiteral("Approvals")))
            ++row;
        QTest::keyClick(console.window(), static_cast<Qt::Key>(Qt::Key_1 + row), Qt::ControlModifier);
        QVERIFY(page->isVisible());
        QTRY_VERIFY(page->isAncestorOf(focused()));
        for (int i = 0; i < 20 && focused() != page->table(); ++i) {
            QTest::keyClick(focused(), Qt::Key_Tab);
        }
        QCOMPARE(focused(), page->table());
        QTest::keyClick(focused(), Qt::Key_Home);
        for (int i = 0;
             i < page->model().rowCount() && page->table()->currentIndex().row() != page->model().rowOf(id);
             ++i)
            QTest::keyClick(focused(), Qt::Key_Down);
        // Space selects the current row when Home left it current but unselected.
        if (page->detailPane()->approvalId() != id)
            QTest::keyClick(focused(), Qt::Key_Space);
        QTRY_COMPARE(page->detailPane()->approvalId(), id);
        QTRY_VERIFY(page->detailPane()->approveButton()->isEnabled());
        QTest::keyClick(focused(), Qt::Key_Return, Qt::ControlModifier);
        ui::ReasonConfirmDialog *confirm = nullptr;
        QTRY_VERIFY((confirm = page->decisionDialog()));
        QVERIFY(QTest::qWaitForWindowActive(confirm));
        QTRY_VERIFY(confirm->isAncestorOf(focused()));
        QTest::keyClicks(focused(), QStringLiteral("Known landlord, by keyboard"));
        // Tab leaves the reason for the buttons; the action button is reached and pressed with Space.
        for (int i = 0; i < 5 && focused() != confirm->actionButton(); ++i)
            QTest::keyClick(focused(), Qt::Key_Tab);
        QCOMPARE(focused(), confirm->actionButton());
        QTest::keyClick(focused(), Qt::Key_Space);
        QTRY_COMPARE_WITH_TIMEOUT(DemoFixtures::decisionCount(*m_carol, id), 1, 10000);
    }

    // The colours the console sets on text read at 4.5:1 or better in light and dark palettes.
    void coloursPassContrastInLightAndDark()
    {
        QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion"));
        const QList<QPair<QString, QPalette>> palettes = {
            {QStringLiteral("light"), fusion->standardPalette()}, {QStringLiteral("dark"), darkPalette()}};
        delete fusion;
        QStringList problems;
        for (const auto &[name, palette] : palettes) {
            for (auto role : {ui::ThemeColors::Role::Error, ui::ThemeColors::Role::Warning,
                              ui::ThemeColors::Role::Success}) {
                for (auto bg : {QPalette::Window, QPalette::Base}) {
                    const double ratio =
                        ui::ThemeColors::contrast(ui::ThemeColors::text(role, palette), palette.color(bg));
                    if (ratio < 4.5)
                        problems.append(QStringLiteral("%1: role %2 on %3: %4:1")
                                            .arg(name)
                                            .arg(static_cast<int>(role))
                                            .arg(static_cast<int>(bg))
                                            .arg(ratio, 0, 'f', 2));
                }
            }
            // The connection banner sets both of its colours itself.
            const double banner =
                ui::ThemeColors::contrast(QColor(0x5c, 0x3c, 0x00), QColor(0xff, 0xf3, 0xcd));
            if (banner < 4.5)
                problems.append(QStringLiteral("banner %1:1").arg(banner));
            for (auto [fg, bg] :
                 {std::pair{QPalette::WindowText, QPalette::Window}, {QPalette::Text, QPalette::Base}}) {
                const double ratio = ui::ThemeColors::contrast(palette.color(fg), palette.color(bg));
                if (ratio < 4.5)
                    problems.append(
                        QStringLiteral("%1 palette %2 on %3: %4:1").arg(name).arg(fg).arg(bg).arg(ratio));
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    // An unchecked box in a list stands out from the list's background at 3:1 or more (WCAG
    // 1.4.11) in the dark palette, also while the list is marked as wrong. Fusion alone frames it
    // a shade off the background (about 1.1:1): invisible.
    void checkBoxesInListsStandOutInTheDark()
    {
        const auto restore =
            qScopeGuard([original = QApplication::palette()] { QApplication::setPalette(original); });
        const QPalette dark = darkPalette();
        QApplication::setPalette(dark);
        const QColor base = dark.color(QPalette::Base);
        QVERIFY(ui::ThemeColors::contrast(ui::ConsoleStyle::checkFrame(dark), base) >= 3.0);
        for (const bool marked : {false, true}) {
            QWidget window;
            auto *list = new QListWidget(&window);
            auto *errorLine = new QLabel(&window);
            list->setGeometry(0, 0, 300, 120);
            auto *item = new QListWidgetItem(QStringLiteral("payment (payments.initiate)"), list);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
            if (marked)
                ui::FieldMarker::mark(list, errorLine, QStringLiteral("is not right"));
            window.resize(300, 160);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            const QImage shot = list->viewport()->grab().toImage();
            // The box sits at the row's start, left of the text; the slice holds no glyph.
            const QRect row = list->visualItemRect(item);
            double strongest = 1.0;
            for (int y = row.top(); y <= row.bottom(); ++y) {
                for (int x = row.left(); x < row.left() + row.height() * 3 / 4; ++x)
                    strongest = std::max(strongest, ui::ThemeColors::contrast(shot.pixelColor(x, y), base));
            }
            QVERIFY2(strongest >= 3.0,
                     qPrintable(QStringLiteral("%1 list: the box stands out at %2:1")
                                    .arg(marked ? QStringLiteral("marked") : QStringLiteral("plain"))
                                    .arg(strongest, 0, 'f', 2)));
        }
    }

    // docs/screenshots: the console in German and in a dark palette (with MANDATE_SCREENSHOT_DIR).
    void screenshotsInGermanAndDark()
    {
        if (qEnvironmentVariableIsEmpty("MANDATE_SCREENSHOT_DIR"))
            QSKIP("MANDATE_SCREENSHOT_DIR is not set");
        DemoFixtures::dualControlRequest(*m_alice, *m_payer);
        const auto shoot = [this](const QString &prefix) {
            auto alice = signIn(QStringLiteral("alice"));
            QVERIFY(alice);
            alice->window()->showPage(alice->window()->delegationsPage());
            QTest::qWait(500);
            alice->window()->delegationsPage()->table()->selectRow(0);
            Console::capture(alice->window(), prefix + QStringLiteral("-delegations"));
            alice->window()->showPage(alice->window()->agentsPage());
            QTest::qWait(300);
            alice->window()->agentsPage()->table()->selectRow(0);
            Console::capture(alice->window(), prefix + QStringLiteral("-agents"));
            ui::AuditPage *audit = alice->window()->auditPage();
            alice->window()->showPage(audit);
            QTest::qWait(500);
            audit->table()->selectRow(0);
            // The witness's line and a proof, in the palette and language of the shot.
            QTRY_VERIFY(audit->logStatusLabel()->text().startsWith(u'✔'));
            audit->showProof();
            QTRY_VERIFY(audit->proofLabel()->text().startsWith(u'✔'));
            Console::capture(alice->window(), prefix + QStringLiteral("-audit"));
            auto carol = signIn(QStringLiteral("carol"));
            QVERIFY(carol);
            carol->window()->showPage(carol->window()->approvalsPage());
            QTest::qWait(500);
            carol->window()->approvalsPage()->table()->selectRow(0);
            Console::capture(carol->window(), prefix + QStringLiteral("-approvals"));
        };
        const QPalette original = QApplication::palette();
        QApplication::setPalette(darkPalette());
        shoot(QStringLiteral("dark"));
        QApplication::setPalette(original);
        // As on a German desktop: German words, and German dates and numbers.
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        QVERIFY(ui::TranslationLoader::install(*qApp, QLocale()));
        shoot(QStringLiteral("de"));
        QLocale::setDefault(QLocale::c());
    }
};

QTEST_MAIN(TstAccessibility)
#include "tst_Accessibility.moc"
