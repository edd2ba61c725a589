#include "tests/support/MockClock.h"
#include "tests/ui/WizardDriver.h"
#include "ui/wizard/FieldMarker.h"
#include "ui/wizard/GrantWizard.h"
#include "ui/wizard/GrantWizardPage.h"
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

// Where every input of `page` sits, by name, in the page's coordinates.
QMap<QString, QRect> wizardInputGeometries(const QWidget *page)
{
    QMap<QString, QRect> found;
    const QList<QWidget *> inputs = page->findChildren<QWidget *>();
    for (const QWidget *input : inputs) {
        const bool isInput =
            qobject_cast<const QLineEdit *>(input) || qobject_cast<const QAbstractSpinBox *>(input) ||
            qobject_cast<const QComboBox *>(input) || qobject_cast<const QAbstractItemView *>(input) ||
            qobject_cast<const QPlainTextEdit *>(input) || qobject_cast<const QAbstractButton *>(input);
        if (isInput && input->isVisible() && !input->objectName().isEmpty() &&
            !input->objectName().startsWith(u"qt_"))
            found.insert(input->objectName(), QRect(input->mapTo(page, QPoint(0, 0)), input->size()));
    }
    return found;
}

} // namespace

class tst_GrantWizard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void grantsWhatThePagesDescribe();
    void suspendedAgentsCannotBePicked();
    void emptyPurposeIsRefusedOnItsPage();
    void serverErrorLandsOnItsField();
    void serverErrorPaths_data();
    void serverErrorPaths();
    void expiryIsCheckedAgainWhenGranting();
    void everyInputHasAnAccessibleName();
    void errorLinesMoveNoInput();
    void dualControlActionErrorsSayWhichAction();

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

void tst_GrantWizard::initTestCase()
{
    qputenv("TZ", "UTC");
    tzset();
    // Irish English: dates like the review tests expect, and the euro as the default currency.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::Ireland));
}

void tst_GrantWizard::init()
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

void tst_GrantWizard::cleanup()
{
    m_driver.reset();
    delete m_wizard;
    m_wizard = nullptr;
    delete m_agents;
}

void tst_GrantWizard::grantsWhatThePagesDescribe()
{
    QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());
    m_driver->capture(u"1-agent"_s);
    m_driver->pickAgent(u"Travel booker"_s);
    QVERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
    m_driver->next();

    QCOMPARE(m_wizard->currentId(), int(Page::PurposePageId));
    m_driver->fillPurpose(u"  Book flights and the hotel for the Berlin trip, 3 to 6 Dec  "_s);
    m_driver->capture(u"2-purpose"_s);
    m_driver->next();

    QCOMPARE(m_wizard->currentId(), int(Page::ScopesPageId));
    m_driver->addScope(WizardDriver::Payments, u"acc_1"_s);
    WizardDriver::retype(m_driver->scopeMoney("perActionEdit")->amountEdit(), u"250"_s);
    WizardDriver::retype(m_driver->scopeMoney("totalEdit")->amountEdit(), u"1,250.50"_s);
    child<QSpinBox>(Page::ScopesPageId, "maxUsesSpin")->setValue(10);
    child<QPlainTextEdit>(Page::ScopesPageId, "destinationsEdit")
        ->setPlainText(u"payee:lufthansa\n\npayee:db-bahn\n"_s);
    m_driver->addScope(WizardDriver::Deletes, u"crm/*"_s);
    m_driver->capture(u"3-scopes"_s);
    m_driver->next();

    QCOMPARE(m_wizard->currentId(), int(Page::ThresholdsPageId));
    child<QCheckBox>(Page::ThresholdsPageId, "stepUpSensitivityCheck")->setChecked(true);
    child<QComboBox>(Page::ThresholdsPageId, "stepUpSensitivityBox")->setCurrentIndex(1); // confidential
    child<QRadioButton>(Page::ThresholdsPageId, "approverApproverRadio")->setChecked(true);
    auto *dualActions = child<QListWidget>(Page::ThresholdsPageId, "dualActionsList");
    QCOMPARE(dualActions->count(), 2);
    QCOMPARE(dualActions->item(1)->data(Qt::UserRole).toString(), u"records.delete"_s);
    dualActions->item(1)->setCheckState(Qt::Checked);
    m_driver->capture(u"4-thresholds"_s);
    m_driver->next();

    QCOMPARE(m_wizard->currentId(), int(Page::LifetimePageId));
    child<QDateTimeEdit>(Page::LifetimePageId, "customEdit")->setDateTime(m_clock.now().addDays(45));
    QVERIFY(child<QRadioButton>(Page::LifetimePageId, "customRadio")->isChecked());
    QCOMPARE(
        child<QLabel>(Page::LifetimePageId, "expiresLabel")->text(),
        u"Ends on Fri 15 Jan 2027, 09:00, 45 days from now. That is a long time; a shorter grant is safer."_s);
    child<QCheckBox>(Page::LifetimePageId, "idleCheck")->setChecked(true);
    child<QSpinBox>(Page::LifetimePageId, "idleSpin")->setValue(30);
    child<QCheckBox>(Page::LifetimePageId, "contextCheck")->setChecked(true);
    m_driver->capture(u"5-lifetime"_s);
    m_driver->next();

    QCOMPARE(m_wizard->currentId(), int(Page::ReviewPageId));
    m_driver->capture(u"6-review"_s);
    const QString review = m_driver->reviewText();
    QVERIFY2(review.contains(u"Travel booker may act on your behalf"_s), qPrintable(review));
    QVERIFY(review.contains(u"up to EUR 250.00 each time, up to EUR 1,250.50 in total"_s));
    QVERIFY(review.contains(u"Long lifetime: this grant lasts 45 days, until 15 Jan 2027."_s));
    QVERIFY(review.contains(u"No confirmation on payments"_s));
    QVERIFY(review.contains(u"Wildcard: record:crm/* covers everything"_s));
    QVERIFY(!review.contains(u"No total cap"_s));
    QVERIFY(!review.contains(u"Deletes without a second approver"_s));
    QCOMPARE(m_wizard->button(QWizard::FinishButton)->text(), u"&Grant"_s);

    m_driver->pressGrant();
    QCOMPARE(m_requested.size(), 1);

    const DelegationGrant &grant = m_requested.front();
    QCOMPARE(grant.agentId, u"agt_travel"_s);
    QCOMPARE(grant.agentSpiffeId, QString());
    QCOMPARE(grant.purpose, u"Book flights and the hotel for the Berlin trip, 3 to 6 Dec"_s);
    QCOMPARE(grant.expiresAt, m_clock.now().addDays(45));
    QCOMPARE(grant.scopes.size(), 2);
    const Scope &payments = grant.scopes.at(0);
    QCOMPARE(payments.action, u"payments.initiate"_s);
    QCOMPARE(payments.resource, pattern(u"account:acc_1"_s));
    QCOMPARE(payments.maxPerAction, money(25000));
    QCOMPARE(payments.maxTotal, money(125050));
    QCOMPARE(payments.maxUses, qint64(10));
    QCOMPARE(payments.destinations,
             QList<ResourcePattern>({pattern(u"payee:lufthansa"_s), pattern(u"payee:db-bahn"_s)}));
    QCOMPARE(payments.maxSensitivity, std::nullopt);
    const Scope &deletes = grant.scopes.at(1);
    QCOMPARE(deletes.action, u"records.delete"_s);
    QCOMPARE(deletes.resource, pattern(u"record:crm/*"_s));
    QVERIFY(!deletes.maxPerAction && !deletes.maxTotal && !deletes.maxUses && !deletes.destinations);
    QCOMPARE(deletes.maxSensitivity, std::nullopt);
    QCOMPARE(grant.stepUp, (StepUpPolicy{std::nullopt, Sensitivity::Confidential, StepUpApprover::Approver}));
    QCOMPARE(grant.dualControl, (DualControlPolicy{std::nullopt, {u"records.delete"_s}}));
    QCOMPARE(grant.revokeOn, (RevokeOn{true, 1800, true}));
    QCOMPARE(grant, m_wizard->grant());

    // Waiting for the server: still open, and nothing to press twice.
    QVERIFY(m_wizard->isVisible());
    QVERIFY(!m_wizard->button(QWizard::FinishButton)->isEnabled());
    QVERIFY(!m_wizard->button(QWizard::BackButton)->isEnabled());
    QVERIFY(!m_wizard->button(QWizard::CancelButton)->isEnabled());
    QVERIFY(child<QLabel>(Page::ReviewPageId, "statusLabel")->text().contains(u"Granting"_s));
    m_driver->capture(u"7-granting"_s);
    m_wizard->reject();
    QVERIFY(m_wizard->isVisible());

    m_wizard->grantSucceeded();
    QVERIFY(!m_wizard->isVisible());
    QCOMPARE(m_wizard->result(), int(QDialog::Accepted));
    QCOMPARE(m_requested.size(), 1);
}

void tst_GrantWizard::suspendedAgentsCannotBePicked()
{
    auto *list = child<QListView>(Page::AgentPageId, "agentList");
    const QModelIndex suspended = list->model()->index(1, 0);
    QVERIFY(!(list->model()->flags(suspended) & Qt::ItemIsEnabled));
    QVERIFY(suspended.data().toString().contains(u"suspended"_s));
    QVERIFY(suspended.data(Qt::ToolTipRole).toString().contains(u"cannot be given new authority"_s));

    m_wizard->setPreselectedAgent(u"agt_crm"_s);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(suspended).center());
    QCOMPARE(m_wizard->grant().agentId, QString());
    QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());

    m_wizard->setPreselectedAgent(u"agt_bills"_s);
    QCOMPARE(m_wizard->grant().agentId, u"agt_bills"_s);
    QVERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
    // Keyboard only: Down moves past the suspended agent rather than onto it.
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Up);
    QCOMPARE(m_wizard->grant().agentId, u"agt_travel"_s);
}

void tst_GrantWizard::emptyPurposeIsRefusedOnItsPage()
{
    m_driver->pickAgent(u"Travel booker"_s);
    m_driver->next();
    m_driver->fillPurpose(u"   "_s);
    m_driver->next();
    QCOMPARE(m_wizard->currentId(), int(Page::PurposePageId));
    auto *edit = child<QPlainTextEdit>(Page::PurposePageId, "purposeEdit");
    auto *label = child<QLabel>(Page::PurposePageId, "purposeError");
    QCOMPARE(FieldMarker::messageOf(edit), u"The purpose must not be empty."_s);
    QCOMPARE(edit->toolTip(), u"The purpose must not be empty."_s);
    QVERIFY(label->isVisible());
    QCOMPARE(label->text(), u"The purpose must not be empty."_s);
    m_driver->capture(u"2-purpose-error"_s);

    QTest::keyClicks(edit, u"Pay the electricity bill"_s);
    QVERIFY(FieldMarker::messageOf(edit).isEmpty());
    QVERIFY(label->text().isEmpty()); // its line keeps its room
    m_driver->next();
    QCOMPARE(m_wizard->currentId(), int(Page::ScopesPageId));
}

void tst_GrantWizard::serverErrorLandsOnItsField()
{
    m_driver->goToReview();
    m_driver->pressGrant();
    QCOMPARE(m_requested.size(), 1);

    const QString message = u"The grant is not valid."_s;
    m_wizard->grantFailed(message,
                          {FieldError{u"scopes[0].max_total.amount_minor"_s, u"must be greater than 0"_s}});
    QCOMPARE(m_wizard->currentId(), int(Page::ScopesPageId));
    MoneyEdit *total = m_driver->scopeMoney("totalEdit");
    QCOMPARE(FieldMarker::messageOf(total), u"The total cap must be greater than 0."_s);
    QCOMPARE(total->toolTip(), u"The total cap must be greater than 0."_s);
    auto *label = child<QLabel>(Page::ScopesPageId, "totalError");
    QVERIFY(label->isVisible());
    QCOMPARE(label->text(), u"The total cap must be greater than 0."_s);
    QCOMPARE(child<QLabel>(Page::ScopesPageId, "banner")->text(), message);
    QVERIFY(total->amountEdit()->hasFocus());
    m_driver->capture(u"3-scopes-server-error"_s);

    // Nothing was changed, so the customer can try again at once.
    m_driver->next();
    m_driver->next();
    m_driver->next();
    QCOMPARE(m_wizard->currentId(), int(Page::ReviewPageId));
    QVERIFY(m_wizard->button(QWizard::FinishButton)->isEnabled());
    m_driver->pressGrant();
    QCOMPARE(m_requested.size(), 2);

    // An error without a field of the wizard stays on the review page, with Grant enabled again.
    m_wizard->grantFailed(u"The server could not be reached."_s,
                          {FieldError{u"customer_id"_s, u"is not an active customer"_s}});
    QCOMPARE(m_wizard->currentId(), int(Page::ReviewPageId));
    QVERIFY(m_wizard->button(QWizard::FinishButton)->isEnabled());
    QVERIFY(m_wizard->button(QWizard::CancelButton)->isEnabled());
    QVERIFY(child<QLabel>(Page::ReviewPageId, "statusLabel")->text().contains(u"could not be reached"_s));
    QVERIFY(child<QLabel>(Page::ReviewPageId, "statusLabel")
                ->text()
                .contains(u"customer_id: is not an active customer"_s));
}

void tst_GrantWizard::expiryIsCheckedAgainWhenGranting()
{
    m_driver->pickAgent(u"Travel booker"_s);
    m_driver->next();
    m_driver->fillPurpose(u"Pay the Berlin trip"_s);
    m_driver->next();
    m_driver->addScope(WizardDriver::Payments, u"acc_1"_s);
    m_driver->next();
    m_driver->next();
    child<QDateTimeEdit>(Page::LifetimePageId, "customEdit")->setDateTime(m_clock.now().addSecs(7200));
    m_driver->next();
    QCOMPARE(m_wizard->currentId(), int(Page::ReviewPageId));

    // The customer went for lunch: the chosen end is now in the past.
    m_clock.advanceSeconds(3 * 3600);
    m_driver->pressGrant();
    QVERIFY(m_requested.isEmpty());
    QCOMPARE(m_wizard->currentId(), int(Page::LifetimePageId));
    auto *box = child<QWidget>(Page::LifetimePageId, "expiryBox");
    QCOMPARE(FieldMarker::messageOf(box), u"The end date must be in the future."_s);
    QVERIFY(child<QLabel>(Page::LifetimePageId, "expiresError")->isVisible());
    m_driver->capture(u"5-lifetime-error"_s);

    child<QRadioButton>(Page::LifetimePageId, "oneDayRadio")->setChecked(true);
    m_driver->next();
    m_driver->pressGrant();
    QCOMPARE(m_requested.size(), 1);
    QCOMPARE(m_requested.front().expiresAt, m_clock.now().addDays(1));
}

void tst_GrantWizard::serverErrorPaths_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("pageId");
    QTest::addColumn<QString>("widget");

    QTest::newRow("agent") << u"agent_id"_s << int(Page::AgentPageId) << u"agentList"_s;
    QTest::newRow("purpose") << u"purpose"_s << int(Page::PurposePageId) << u"purposeEdit"_s;
    QTest::newRow("scopes") << u"scopes"_s << int(Page::ScopesPageId) << u"scopeList"_s;
    QTest::newRow("action") << u"scopes[0].action"_s << int(Page::ScopesPageId) << u"actionBox"_s;
    QTest::newRow("resource") << u"scopes[0].resource"_s << int(Page::ScopesPageId) << u"resourceEdit"_s;
    QTest::newRow("per action") << u"scopes[0].max_per_action.amount_minor"_s << int(Page::ScopesPageId)
                                << u"perActionEdit"_s;
    QTest::newRow("total currency") << u"scopes[0].max_total.currency"_s << int(Page::ScopesPageId)
                                    << u"totalEdit"_s;
    QTest::newRow("max uses") << u"scopes[0].max_uses"_s << int(Page::ScopesPageId) << u"maxUsesSpin"_s;
    QTest::newRow("destination") << u"scopes[0].destinations[2]"_s << int(Page::ScopesPageId)
                                 << u"destinationsEdit"_s;
    QTest::newRow("step-up amount") << u"step_up.above.currency"_s << int(Page::ThresholdsPageId)
                                    << u"stepUpAmountEdit"_s;
    QTest::newRow("step-up") << u"step_up"_s << int(Page::ThresholdsPageId) << u"stepUpBox"_s;
    QTest::newRow("dual-control amount")
        << u"dual_control.above.amount_minor"_s << int(Page::ThresholdsPageId) << u"dualAmountEdit"_s;
    QTest::newRow("dual-control action")
        << u"dual_control.actions[0]"_s << int(Page::ThresholdsPageId) << u"dualActionsList"_s;
    QTest::newRow("expiry") << u"expires_at"_s << int(Page::LifetimePageId) << u"expiryBox"_s;
    QTest::newRow("idle") << u"revoke_on.idle_seconds"_s << int(Page::LifetimePageId) << u"idleSpin"_s;
}

void tst_GrantWizard::serverErrorPaths()
{
    QFETCH(QString, path);
    QFETCH(int, pageId);
    QFETCH(QString, widget);

    m_driver->goToReview();
    m_driver->pressGrant();
    QCOMPARE(m_requested.size(), 1);
    m_wizard->grantFailed(u"Rejected."_s, {FieldError{path, u"is refused by the server"_s}});
    QCOMPARE(m_wizard->currentId(), pageId);
    const auto *field = m_wizard->page(pageId)->findChild<QWidget *>(widget);
    QVERIFY(field);
    QVERIFY2(FieldMarker::messageOf(field).contains(u"is refused by the server"_s),
             qPrintable(FieldMarker::messageOf(field)));
    QCOMPARE(field->toolTip(), FieldMarker::messageOf(field));
}

void tst_GrantWizard::everyInputHasAnAccessibleName()
{
    m_driver->goToReview();
    for (int id : m_wizard->pageIds()) {
        for (const QWidget *widget : m_wizard->page(id)->findChildren<QWidget *>()) {
            const bool input =
                qobject_cast<const QLineEdit *>(widget) || qobject_cast<const QPlainTextEdit *>(widget) ||
                qobject_cast<const QComboBox *>(widget) || qobject_cast<const QAbstractSpinBox *>(widget) ||
                qobject_cast<const QAbstractItemView *>(widget) ||
                qobject_cast<const QAbstractButton *>(widget);
            // The line edit inside a combo box or spin box is announced as part of its owner, and
            // a combo box's popup list belongs to the combo box.
            const bool part = qobject_cast<const QComboBox *>(widget->parentWidget()) ||
                              qobject_cast<const QAbstractSpinBox *>(widget->parentWidget()) ||
                              widget->window() != m_wizard;
            if (!input || part)
                continue;
            const auto *button = qobject_cast<const QAbstractButton *>(widget);
            const QString name =
                button && widget->accessibleName().isEmpty() ? button->text() : widget->accessibleName();
            QVERIFY2(!name.isEmpty(), qPrintable(widget->objectName()));
        }
    }
}

// Issue 19, point 10: every page's error lines keep their room, so no error that appears or goes
// away moves an input under the pointer.
void tst_GrantWizard::errorLinesMoveNoInput()
{
    m_driver->goToReview();
    m_driver->pressGrant();
    const auto error = [](const QString &field) {
        return FieldError{field, u"is not right"_s};
    };
    const QList<std::pair<Page, FieldErrors>> pages = {
        {Page::LifetimePageId,
         {error(u"expires_at"_s), error(u"revoke_on.idle_seconds"_s), error(u"revoke_on.on_anomaly"_s)}},
        {Page::ThresholdsPageId,
         {error(u"step_up.above.amount_minor"_s), error(u"step_up.sensitivity_at_or_above"_s),
          error(u"step_up"_s), error(u"dual_control.above.amount_minor"_s),
          error(u"dual_control.actions[0]"_s), error(u"dual_control"_s)}},
        {Page::ScopesPageId,
         {error(u"scopes[0].action"_s), error(u"scopes[0].resource"_s),
          error(u"scopes[0].max_per_action.amount_minor"_s), error(u"scopes[0].max_total.amount_minor"_s),
          error(u"scopes[0].max_uses"_s), error(u"scopes[0].destinations"_s),
          error(u"scopes[0].max_sensitivity"_s)}},
        {Page::PurposePageId, {error(u"purpose"_s)}},
        {Page::AgentPageId, {error(u"agent_id"_s)}},
    };
    // From the last page back, as the wizard goes back to the page of an error.
    for (const auto &[id, errors] : pages) {
        m_wizard->grantFailed(u"Not granted."_s, {errors.first()});
        QCOMPARE(m_wizard->currentId(), int(id));
        auto *page = qobject_cast<GrantWizardPage *>(m_wizard->page(id));
        QVERIFY(page);
        page->showBanner({});
        page->showFieldErrors({});
        QTest::qWait(30);
        const QMap<QString, QRect> clean = wizardInputGeometries(page);
        QVERIFY(!clean.isEmpty());
        for (const FieldError &one : errors) {
            page->showFieldErrors({one});
            QTest::qWait(30);
            QCOMPARE(wizardInputGeometries(page), clean);
            page->showFieldErrors({});
            QTest::qWait(30);
            QCOMPARE(wizardInputGeometries(page), clean);
        }
        page->showFieldErrors(errors);
        QTest::qWait(30);
        m_driver->capture(u"wizard-error-lines-%1"_s.arg(int(id)));
        const QMap<QString, QRect> marked = wizardInputGeometries(page);
        for (auto it = clean.begin(); it != clean.end(); ++it)
            QVERIFY2(marked.value(it.key()) == it.value(), qPrintable(it.key()));
        page->showFieldErrors({});
    }
}

// An error on one of the dual-control actions reads as a sentence that names the action, as
// every other error line names its field; one about an action no longer checked names the list.
void tst_GrantWizard::dualControlActionErrorsSayWhichAction()
{
    m_driver->goToReview();
    m_driver->pressGrant();
    auto *actions = child<QListWidget>(Page::ThresholdsPageId, "dualActionsList");
    QVERIFY(actions->count() > 0);
    actions->item(0)->setCheckState(Qt::Checked);
    const QString action = actions->item(0)->data(Qt::UserRole).toString();
    m_wizard->grantFailed(u"Not granted."_s,
                          {{u"dual_control.actions[0]"_s, u"is not an action of any scope"_s}});
    QCOMPARE(FieldMarker::messageOf(actions), u"The action %1 is not an action of any scope."_s.arg(action));
    m_wizard->grantFailed(u"Not granted."_s, {{u"dual_control.actions[3]"_s, u"is refused by the server"_s}});
    QCOMPARE(FieldMarker::messageOf(actions), u"A dual-control action is refused by the server."_s);
}

QTEST_MAIN(tst_GrantWizard)
#include "tst_GrantWizard.moc"
