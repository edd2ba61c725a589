#include "models/SignalStreamModel.h"
#include "tests/support/DemoFixtures.h"
#include "tests/support/SignalFixtures.h"
#include "tests/support/TestClient.h"
#include "tests/support/TestServer.h"
#include "tests/ui/ConsoleHarness.h"
#include "ui/MainWindow.h"
#include "ui/SignalsPage.h"
#include "ui/TranslationLoader.h"
#include "ui/wizard/ConsoleStyle.h"
#include "ui/wizard/ThemeColors.h"

#include <QApplication>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace mandate;
using mandate::test::ConsoleHarness;
using mandate::test::DemoFixtures;
using mandate::test::SignalFixtures;
using mandate::test::TestClient;
using mandate::test::TestServer;

// The "Shared signals" page as an admin uses it against a real server: each receiver's streams
// with what waits and why delivery fails, pause and resume (the server agrees), a verification
// event; only admins have the page.
class TstSignalsUi : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    TestServer m_server{{QStringLiteral("--demo"), QStringLiteral("--ssf-retry-max"), QStringLiteral("1")}};
    std::unique_ptr<TestClient> m_ada;
    SignalFixtures::Receiver m_payments;
    QString m_pushStream;
    QString m_pollStream;
    int m_consoles = 0;

    std::unique_ptr<ConsoleHarness> signIn(const QString &username)
    {
        return ConsoleHarness::signIn(m_dir.filePath(QString::number(++m_consoles)), QUrl(m_server.url()),
                                      username,
                                      [](ConsoleHarness &console) { return console.window() != nullptr; });
    }

    static ui::SignalsPage *openSignals(ConsoleHarness &console)
    {
        ui::SignalsPage *page = console.window()->signalsPage();
        if (!page)
            return nullptr;
        console.window()->showPage(page);
        QDeadlineTimer deadline(10'000);
        while (page->model().rowCount() != 2 && !deadline.hasExpired())
            QTest::qWait(20);
        return page->model().rowCount() == 2 ? page : nullptr;
    }

    static int rowOf(ui::SignalsPage *page, const QString &stream)
    {
        for (int row = 0; row < page->model().rowCount(); ++row) {
            if (page->model().rowAt(row)->stream.id == stream)
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
        m_ada = DemoFixtures::person(m_server.url(), QStringLiteral("ada"));
        m_payments = SignalFixtures::registerReceiver(*m_ada, m_server.url(), QStringLiteral("Payments API"));
        // A port nobody answers on: the receiver is down.
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        m_pushStream = SignalFixtures::createStream(
            *m_payments.client,
            {{QStringLiteral("description"), QStringLiteral("Card payments")},
             {QStringLiteral("delivery"),
              SignalFixtures::pushDelivery(QStringLiteral("http://127.0.0.1:%1/caep").arg(port))}});
        auto warehouse =
            SignalFixtures::registerReceiver(*m_ada, m_server.url(), QStringLiteral("Data warehouse"));
        m_pollStream = SignalFixtures::createStream(
            *warehouse.client, {{QStringLiteral("description"), QStringLiteral("Nightly exports")}});
        QVERIFY(!m_pushStream.isEmpty() && !m_pollStream.isEmpty());
        auto alice = DemoFixtures::person(m_server.url(), QStringLiteral("alice"));
        const QString payer = DemoFixtures::agentId(*alice, QStringLiteral("Bill payer"));
        const QString id = alice->post(QStringLiteral("/v1/delegations"), DemoFixtures::paymentGrant(payer))
                               .json()
                               .value(u"id")
                               .toString();
        QCOMPARE(alice
                     ->post(QStringLiteral("/v1/delegations/%1/revoke").arg(id),
                            {{QStringLiteral("reason"), QStringLiteral("Done.")}})
                     .status,
                 200);
        QTest::qWait(1500); // the first push fails and is recorded
    }

    void onlyAdminsHaveThePage()
    {
        auto sam = signIn(QStringLiteral("sam"));
        QVERIFY(sam);
        QVERIFY(!sam->window()->signalsPage());
        auto ada = signIn(QStringLiteral("ada"));
        QVERIFY(ada);
        QVERIFY(ada->window()->signalsPage());
        QVERIFY(!ada->window()
                     ->navigation()
                     ->findItems(QStringLiteral("Shared signals"), Qt::MatchExactly)
                     .isEmpty());
    }

    void showsDeliveryStateAndPausesAndResumes()
    {
        auto ada = signIn(QStringLiteral("ada"));
        QVERIFY(ada);
        ui::SignalsPage *page = openSignals(*ada);
        QVERIFY(page);
        const int push = rowOf(page, m_pushStream);
        QVERIFY(push >= 0);
        const auto &model = page->model();
        QCOMPARE(model.index(push, models::SignalStreamModel::ReceiverColumn).data().toString(),
                 QStringLiteral("Payments API"));
        QCOMPARE(model.index(push, models::SignalStreamModel::QueuedColumn).data().toInt(), 1);
        QVERIFY(
            !model.index(push, models::SignalStreamModel::FailingSinceColumn).data().toString().isEmpty());
        QVERIFY(!model.index(push, models::SignalStreamModel::LastErrorColumn).data().toString().isEmpty());
        ConsoleHarness::capture(ada->window(), QStringLiteral("shared-signals"));

        const int poll = rowOf(page, m_pollStream);
        page->table()->selectRow(poll);
        QVERIFY(page->pauseButton()->isEnabled());
        QVERIFY(!page->resumeButton()->isEnabled());
        QTest::mouseClick(page->pauseButton(), Qt::LeftButton);
        QTRY_COMPARE(model.index(poll, models::SignalStreamModel::StatusColumn).data().toString(),
                     QStringLiteral("Paused"));
        QVERIFY(page->resumeButton()->isEnabled());
        QTest::mouseClick(page->resumeButton(), Qt::LeftButton);
        QTRY_COMPARE(model.index(poll, models::SignalStreamModel::StatusColumn).data().toString(),
                     QStringLiteral("Enabled"));

        QTest::mouseClick(page->verifyButton(), Qt::LeftButton);
        auto *outcome = page->findChild<QLabel *>(QStringLiteral("outcome"));
        QTRY_VERIFY2(outcome->text().contains(QStringLiteral("Data warehouse")), qPrintable(outcome->text()));
        // The server agrees: a verification event waits on the stream, behind the held one.
        QTRY_COMPARE(
            model.index(rowOf(page, m_pollStream), models::SignalStreamModel::QueuedColumn).data().toInt(),
            4);
    }

    void screenshotsInGermanAndDark()
    {
        if (qEnvironmentVariableIsEmpty("MANDATE_SCREENSHOT_DIR"))
            QSKIP("MANDATE_SCREENSHOT_DIR is not set");
        const auto shoot = [this](const QString &name) {
            auto ada = signIn(QStringLiteral("ada"));
            QVERIFY(ada);
            ui::SignalsPage *page = openSignals(*ada);
            QVERIFY(page);
            page->table()->selectRow(rowOf(page, m_pushStream));
            ConsoleHarness::capture(ada->window(), name);
        };
        const QPalette original = QApplication::palette();
        QApplication::setPalette(ui::ThemeColors::darkPalette());
        shoot(QStringLiteral("dark-shared-signals"));
        QApplication::setPalette(original);
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        QVERIFY(ui::TranslationLoader::install(*qApp, QLocale()));
        shoot(QStringLiteral("de-shared-signals"));
        QLocale::setDefault(QLocale::c());
    }
};

QTEST_MAIN(TstSignalsUi)
#include "tst_SignalsUi.moc"
