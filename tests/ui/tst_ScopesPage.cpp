#include "tests/support/MockClock.h"
#include "tests/ui/WizardDriver.h"
#include "ui/wizard/FieldMarker.h"
#include "ui/wizard/GrantWizard.h"
#include "ui/wizard/MoneyEdit.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QListWidget>
#include <QRadioButton>
#include <QSpinBox>

using namespace mandate;
using namespace mandate::ui;
using namespace Qt::StringLiterals;
using Page = GrantWizard::PageId;
using test::WizardDriver;

namespace {

Money money(qint64 minor, const QString &currency = u"EUR"_s)
{
    return Money::of(minor, currency).value();
}

ResourcePattern pattern(const QString &text)
{
    return ResourcePattern::parse(text).value();
}

} // namespace

// The scopes page inside the wizard: templates, limits that apply to each action, exact money
// and server errors that name one scope of several.
class tst_ScopesPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void emptyScopeListIsRefused();
    void customScopeTakesATypedAction();
    void moneyIsParsedExactly();
    void serverErrorSelectsTheScopeItNames();

private:
    template <typename T>
    T *child(Page id, const char *name) const
    {
        return m_driver->child<T>(id, name);
    }

    test::MockClock m_clock;
    QStandardItemModel *m_agents = nullptr;
    GrantWizard *m_wizard = nullptr;
    std::unique_ptr<WizardDriver> m_driver;
    QList<DelegationGrant> m_requested;
};

void tst_ScopesPage::initTestCase()
{
    qputenv("TZ", "UTC");
    tzset();
    // Irish English: dates like the review tests expect, and the euro as the default currency.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::Ireland));
}

void tst_ScopesPage::init()
{
    m_clock.set(test::MockClock().now());
    m_agents = WizardDriver::makeAgents(this);
    m_wizard = new GrantWizard(m_agents, m_clock);
    m_driver = std::make_unique<WizardDriver>(m_wizard);
    m_requested.clear();
    connect(m_wizard, &GrantWizard::grantRequested, this,
            [this](const DelegationGrant &grant) { m_requested.append(grant); });
    m_wizard->resize(820, 640);
    m_wizard->show();
    // Active, so that where the focus lands is what a person would see.
    m_wizard->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_wizard));
}

void tst_ScopesPage::cleanup()
{
    m_driver.reset();
    delete m_wizard;
    m_wizard = nullptr;
    delete m_agents;
}

void tst_ScopesPage::moneyIsParsedExactly()
{
    m_driver->pickAgent(u"Travel booker"_s);
    m_driver->next();
    m_driver->fillPurpose(u"Pay the Berlin trip"_s);
    m_driver->next();
    m_driver->addScope(WizardDriver::Payments, u"acc_1"_s);
    MoneyEdit *total = m_driver->scopeMoney("totalEdit");
    auto *totalError = child<QLabel>(Page::ScopesPageId, "totalError");

    WizardDriver::retype(total->amountEdit(), u"12.345"_s);
    m_driver->next();
    QCOMPARE(m_wizard->currentId(), int(Page::ScopesPageId));
    QVERIFY2(FieldMarker::messageOf(total).contains(u"at most 2 decimal places"_s),
             qPrintable(FieldMarker::messageOf(total)));
    QVERIFY(totalError->isVisible());
    m_driver->capture(u"3-scopes-error"_s);

    WizardDriver::retype(total->amountEdit(), u"1,250.50"_s);
    // The error line empties but keeps its room: nothing below moves under the pointer.
    QVERIFY(totalError->text().isEmpty());
    QVERIFY(totalError->isVisible());
    QCOMPARE(m_wizard->grant().scopes.at(0).maxTotal, money(125050));

    WizardDriver::retype(m_driver->scopeMoney("perActionEdit")->amountEdit(), QString());
    total->setCurrency(u"JPY"_s);
    WizardDriver::retype(total->amountEdit(), u"1,250"_s);
    QCOMPARE(m_wizard->grant().scopes.at(0).maxTotal, money(1250, u"JPY"_s));
    total->setCurrency(u"BHD"_s);
    WizardDriver::retype(total->amountEdit(), u"1.250"_s);
    QCOMPARE(m_wizard->grant().scopes.at(0).maxTotal, money(1250, u"BHD"_s));
    m_driver->next();
    QCOMPARE(m_wizard->currentId(), int(Page::ThresholdsPageId));
}

void tst_ScopesPage::serverErrorSelectsTheScopeItNames()
{
    m_driver->pickAgent(u"Travel booker"_s);
    m_driver->next();
    m_driver->fillPurpose(u"Pay two accounts"_s);
    m_driver->next();
    m_driver->addScope(WizardDriver::Payments, u"acc_1"_s);
    m_driver->addScope(WizardDriver::Payments, u"acc_2"_s);
    child<QPlainTextEdit>(Page::ScopesPageId, "destinationsEdit")
        ->setPlainText(u"payee:a\npayee:b\npayee:c"_s);
    auto *list = child<QListWidget>(Page::ScopesPageId, "scopeList");
    list->setCurrentRow(0);
    m_driver->next();
    m_driver->next();
    m_driver->next();
    m_driver->pressGrant();

    m_wizard->grantFailed(u"Rejected."_s,
                          {FieldError{u"scopes[1].destinations[2]"_s, u"payee:c is not a known payee"_s},
                           FieldError{u"expires_at"_s, u"must be at most 90 days ahead"_s}});
    QCOMPARE(m_wizard->currentId(), int(Page::ScopesPageId));
    QCOMPARE(list->currentRow(), 1);
    auto *destinations = child<QPlainTextEdit>(Page::ScopesPageId, "destinationsEdit");
    QCOMPARE(FieldMarker::messageOf(destinations), u"The destination list payee:c is not a known payee."_s);
    QVERIFY(!list->item(1)->icon().isNull());
    QVERIFY(list->item(0)->icon().isNull());
    // The second error waits on its own page.
    QVERIFY(!FieldMarker::messageOf(child<QWidget>(Page::LifetimePageId, "expiryBox")).isEmpty());
}

void tst_ScopesPage::emptyScopeListIsRefused()
{
    m_driver->pickAgent(u"Travel booker"_s);
    m_driver->next();
    m_driver->fillPurpose(u"Pay the Berlin trip"_s);
    m_driver->next();
    m_driver->next();
    QCOMPARE(m_wizard->currentId(), int(Page::ScopesPageId));
    auto *list = child<QListWidget>(Page::ScopesPageId, "scopeList");
    QCOMPARE(FieldMarker::messageOf(list), u"The list of scopes must have at least one scope."_s);
    QVERIFY(child<QLabel>(Page::ScopesPageId, "scopesError")->isVisible());

    m_driver->addScope(WizardDriver::Payments, u"acc_1"_s);
    QVERIFY(FieldMarker::messageOf(list).isEmpty());
    m_driver->next();
    QCOMPARE(m_wizard->currentId(), int(Page::ThresholdsPageId));
}

void tst_ScopesPage::customScopeTakesATypedAction()
{
    m_driver->pickAgent(u"Travel booker"_s);
    m_driver->next();
    m_driver->fillPurpose(u"Book a meeting room"_s);
    m_driver->next();
    m_driver->addScope(WizardDriver::Custom, QString());
    auto *action = child<QComboBox>(Page::ScopesPageId, "actionBox");
    QVERIFY(action->hasFocus());
    QTest::keyClicks(action, u"calendar.book"_s);
    QTest::keyClicks(child<QLineEdit>(Page::ScopesPageId, "resourceEdit"), u"room:berlin-4"_s);
    // An action the console does not know may use every limit, so every field is offered.
    QVERIFY(m_driver->scopeMoney("totalEdit")->isVisible());
    QVERIFY(child<QPlainTextEdit>(Page::ScopesPageId, "destinationsEdit")->isVisible());
    QCOMPARE(child<QListWidget>(Page::ScopesPageId, "scopeList")->item(0)->text(),
             u"calendar.book \u00b7 room:berlin-4"_s);

    const Scope scope = m_wizard->grant().scopes.value(0);
    QCOMPARE(scope.action, u"calendar.book"_s);
    QCOMPARE(scope.resource, pattern(u"room:berlin-4"_s));
    QCOMPARE(scope.maxTotal, std::nullopt);

    // A known action shows only its own limits, and a hidden limit is not granted.
    m_driver->scopeMoney("totalEdit")->setAmountText(u"50"_s);
    action->setCurrentIndex(action->findText(u"records.delete"_s));
    QVERIFY(!m_driver->scopeMoney("totalEdit")->isVisible());
    QCOMPARE(m_wizard->grant().scopes.value(0).maxTotal, std::nullopt);
}

QTEST_MAIN(tst_ScopesPage)
#include "tst_ScopesPage.moc"
