#include "FieldMarker.h"
#include "GrantWizard.h"
#include "MockClock.h"
#include "MoneyEdit.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTest>
#include <QTextBrowser>

using namespace mandate;
using namespace mandate::ui;
using namespace Qt::StringLiterals;

namespace {

Money money(qint64 minor, const QString &currency = u"EUR"_s)
{
    return Money::of(minor, currency).value();
}

ResourcePattern pattern(const QString &text)
{
    return ResourcePattern::parse(text).value();
}

QStandardItemModel *makeAgents(QObject *parent)
{
    auto *model = new QStandardItemModel(parent);
    const auto add = [model](const QString &name, const QString &id, const QString &status) {
        auto *item = new QStandardItem(name);
        item->setData(id, Qt::UserRole);
        item->setData(QString(u"spiffe://demo.mandate.local/"_s + id.mid(4)), Qt::UserRole + 1);
        item->setData(status, Qt::UserRole + 2);
        model->appendRow(item);
    };
    add(u"Travel booker"_s, u"agt_travel"_s, u"active"_s);
    add(u"CRM exporter"_s, u"agt_crm"_s, u"suspended"_s);
    add(u"Bill payer"_s, u"agt_bills"_s, u"active"_s);
    return model;
}

template <typename T>
T *child(const QWidget *parent, const char *name)
{
    T *found = parent->findChild<T *>(QString::fromLatin1(name));
    if (!found)
        qFatal("no child %s", name);
    return found;
}

void setText(QLineEdit *edit, const QString &text)
{
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
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
    void moneyIsParsedExactly();
    void serverErrorLandsOnItsField();
    void serverErrorSelectsTheScopeItNames();
    void expiryIsCheckedAgainWhenGranting();

private:
    void next();
    void pickAgent(const QString &name);
    void fillPurpose(const QString &text);
    QWidget *page(GrantWizard::PageId id) const { return m_wizard->page(id); }
    MoneyEdit *scopeMoney(const char *name) const
    {
        return child<MoneyEdit>(page(GrantWizard::ScopesPageId), name);
    }
    void addPayments(const QString &account);
    void goToReview();
    QString reviewText() const;
    void capture(const QString &name) const;

    test::MockClock m_clock;
    QStandardItemModel *m_agents = nullptr;
    GrantWizard *m_wizard = nullptr;
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
    m_agents = makeAgents(this);
    m_wizard = new GrantWizard(m_agents, m_clock);
    m_wizard->resize(820, 640);
    m_wizard->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_wizard));
}

void tst_GrantWizard::cleanup()
{
    delete m_wizard;
    m_wizard = nullptr;
    delete m_agents;
}

void tst_GrantWizard::next()
{
    QTest::mouseClick(m_wizard->button(QWizard::NextButton), Qt::LeftButton);
}

void tst_GrantWizard::pickAgent(const QString &name)
{
    auto *list = child<QListView>(page(GrantWizard::AgentPageId), "agentList");
    const QModelIndexList found = list->model()->match(list->model()->index(0, 0), Qt::DisplayRole, name);
    QVERIFY(!found.isEmpty());
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(found.front()).center());
}

void tst_GrantWizard::fillPurpose(const QString &text)
{
    auto *edit = child<QPlainTextEdit>(page(GrantWizard::PurposePageId), "purposeEdit");
    edit->setFocus();
    QTest::keyClicks(edit, text);
}

void tst_GrantWizard::addPayments(const QString &account)
{
    const QWidget *scopes = page(GrantWizard::ScopesPageId);
    child<QPushButton>(scopes, "addButton")->menu()->actions().at(0)->trigger();
    // The template leaves the cursor after "account:", where the customer types the id.
    QTest::keyClicks(child<QLineEdit>(scopes, "resourceEdit"), account);
}

void tst_GrantWizard::goToReview()
{
    pickAgent(u"Travel booker"_s);
    next();
    fillPurpose(u"Pay the Berlin trip"_s);
    next();
    addPayments(u"acc_1"_s);
    next();
    next();
    next();
    QCOMPARE(m_wizard->currentId(), int(GrantWizard::ReviewPageId));
}

QString tst_GrantWizard::reviewText() const
{
    return child<QTextBrowser>(page(GrantWizard::ReviewPageId), "summaryView")->toPlainText();
}

// With MANDATE_SCREENSHOT_DIR set, each page is saved as a PNG, so a person can look at the layout.
void tst_GrantWizard::capture(const QString &name) const
{
    const QString dir = qEnvironmentVariable("MANDATE_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QVERIFY(m_wizard->grab().save(dir + u'/' + name + u".png"_s));
}

void tst_GrantWizard::grantsWhatThePagesDescribe()
{
    QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());
    capture(u"1-agent"_s);
    pickAgent(u"Travel booker"_s);
    QVERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
    next();

    QCOMPARE(m_wizard->currentId(), int(GrantWizard::PurposePageId));
    fillPurpose(u"  Book flights and the hotel for the Berlin trip, 3 to 6 Dec  "_s);
    capture(u"2-purpose"_s);
    next();

    QCOMPARE(m_wizard->currentId(), int(GrantWizard::ScopesPageId));
    const QWidget *scopes = page(GrantWizard::ScopesPageId);
    addPayments(u"acc_1"_s);
    setText(scopeMoney("perActionEdit")->amountEdit(), u"250"_s);
    setText(scopeMoney("totalEdit")->amountEdit(), u"1,250.50"_s);
    child<QSpinBox>(scopes, "maxUsesSpin")->setValue(10);
    child<QPlainTextEdit>(scopes, "destinationsEdit")->setPlainText(u"payee:lufthansa\n\npayee:db-bahn\n"_s);
    child<QPushButton>(scopes, "addButton")->menu()->actions().at(2)->trigger(); // Deletes
    QTest::keyClicks(child<QLineEdit>(scopes, "resourceEdit"), u"crm/*"_s);
    capture(u"3-scopes"_s);
    next();

    QCOMPARE(m_wizard->currentId(), int(GrantWizard::ThresholdsPageId));
    const QWidget *thresholds = page(GrantWizard::ThresholdsPageId);
    child<QCheckBox>(thresholds, "stepUpSensitivityCheck")->setChecked(true);
    child<QComboBox>(thresholds, "stepUpSensitivityBox")->setCurrentIndex(1); // confidential
    child<QRadioButton>(thresholds, "approverApproverRadio")->setChecked(true);
    auto *dualActions = child<QListWidget>(thresholds, "dualActionsList");
    QCOMPARE(dualActions->count(), 2);
    QCOMPARE(dualActions->item(1)->data(Qt::UserRole).toString(), u"records.delete"_s);
    dualActions->item(1)->setCheckState(Qt::Checked);
    capture(u"4-thresholds"_s);
    next();

    QCOMPARE(m_wizard->currentId(), int(GrantWizard::LifetimePageId));
    const QWidget *lifetime = page(GrantWizard::LifetimePageId);
    child<QDateTimeEdit>(lifetime, "customEdit")->setDateTime(m_clock.now().addDays(45));
    QVERIFY(child<QRadioButton>(lifetime, "customRadio")->isChecked());
    child<QCheckBox>(lifetime, "idleCheck")->setChecked(true);
    child<QSpinBox>(lifetime, "idleSpin")->setValue(30);
    child<QCheckBox>(lifetime, "contextCheck")->setChecked(true);
    capture(u"5-lifetime"_s);
    next();

    QCOMPARE(m_wizard->currentId(), int(GrantWizard::ReviewPageId));
    capture(u"6-review"_s);
    const QString review = reviewText();
    QVERIFY2(review.contains(u"Travel booker may act on your behalf"_s), qPrintable(review));
    QVERIFY(review.contains(u"up to EUR 250.00 each time, up to EUR 1,250.50 in total"_s));
    QVERIFY(review.contains(u"Long lifetime: this grant lasts 45 days, until 15 Jan 2027."_s));
    QVERIFY(review.contains(u"No confirmation on payments"_s));
    QVERIFY(review.contains(u"Wildcard: record:crm/* covers everything"_s));
    QVERIFY(!review.contains(u"No total cap"_s));
    QVERIFY(!review.contains(u"Deletes without a second approver"_s));
    QCOMPARE(m_wizard->button(QWizard::FinishButton)->text(), u"&Grant"_s);

    QList<DelegationGrant> requested;
    connect(m_wizard, &GrantWizard::grantRequested, this,
            [&requested](const DelegationGrant &grant) { requested.append(grant); });
    QTest::mouseClick(m_wizard->button(QWizard::FinishButton), Qt::LeftButton);
    QCOMPARE(requested.size(), 1);

    const DelegationGrant &grant = requested.front();
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
    QVERIFY(child<QLabel>(page(GrantWizard::ReviewPageId), "statusLabel")->text().contains(u"Granting"_s));
    capture(u"7-granting"_s);
    m_wizard->reject();
    QVERIFY(m_wizard->isVisible());

    m_wizard->grantSucceeded();
    QVERIFY(!m_wizard->isVisible());
    QCOMPARE(m_wizard->result(), int(QDialog::Accepted));
    QCOMPARE(requested.size(), 1);
}

void tst_GrantWizard::suspendedAgentsCannotBePicked()
{
    auto *list = child<QListView>(page(GrantWizard::AgentPageId), "agentList");
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
    pickAgent(u"Travel booker"_s);
    next();
    fillPurpose(u"   "_s);
    next();
    QCOMPARE(m_wizard->currentId(), int(GrantWizard::PurposePageId));
    auto *edit = child<QPlainTextEdit>(page(GrantWizard::PurposePageId), "purposeEdit");
    auto *label = child<QLabel>(page(GrantWizard::PurposePageId), "purposeError");
    QCOMPARE(FieldMarker::messageOf(edit), u"The purpose must not be empty."_s);
    QCOMPARE(edit->toolTip(), u"The purpose must not be empty."_s);
    QVERIFY(label->isVisible());
    QCOMPARE(label->text(), u"The purpose must not be empty."_s);
    capture(u"2-purpose-error"_s);

    QTest::keyClicks(edit, u"Pay the electricity bill"_s);
    QVERIFY(FieldMarker::messageOf(edit).isEmpty());
    QVERIFY(!label->isVisible());
    next();
    QCOMPARE(m_wizard->currentId(), int(GrantWizard::ScopesPageId));
}

void tst_GrantWizard::moneyIsParsedExactly()
{
    pickAgent(u"Travel booker"_s);
    next();
    fillPurpose(u"Pay the Berlin trip"_s);
    next();
    addPayments(u"acc_1"_s);
    MoneyEdit *total = scopeMoney("totalEdit");
    auto *totalError = child<QLabel>(page(GrantWizard::ScopesPageId), "totalError");

    setText(total->amountEdit(), u"12.345"_s);
    next();
    QCOMPARE(m_wizard->currentId(), int(GrantWizard::ScopesPageId));
    QVERIFY2(FieldMarker::messageOf(total).contains(u"at most 2 decimal places"_s),
             qPrintable(FieldMarker::messageOf(total)));
    QVERIFY(totalError->isVisible());
    capture(u"3-scopes-error"_s);

    setText(total->amountEdit(), u"1,250.50"_s);
    QVERIFY(!totalError->isVisible());
    QCOMPARE(m_wizard->grant().scopes.at(0).maxTotal, money(125050));

    setText(scopeMoney("perActionEdit")->amountEdit(), QString());
    total->setCurrency(u"JPY"_s);
    setText(total->amountEdit(), u"1,250"_s);
    QCOMPARE(m_wizard->grant().scopes.at(0).maxTotal, money(1250, u"JPY"_s));
    total->setCurrency(u"BHD"_s);
    setText(total->amountEdit(), u"1.250"_s);
    QCOMPARE(m_wizard->grant().scopes.at(0).maxTotal, money(1250, u"BHD"_s));
    next();
    QCOMPARE(m_wizard->currentId(), int(GrantWizard::ThresholdsPageId));
}

void tst_GrantWizard::serverErrorLandsOnItsField()
{
    goToReview();
    QList<DelegationGrant> requested;
    connect(m_wizard, &GrantWizard::grantRequested, this,
            [&requested](const DelegationGrant &grant) { requested.append(grant); });
    QTest::mouseClick(m_wizard->button(QWizard::FinishButton), Qt::LeftButton);
    QCOMPARE(requested.size(), 1);

    const QString message = u"The grant is not valid."_s;
    m_wizard->grantFailed(message,
                          {FieldError{u"scopes[0].max_total.amount_minor"_s, u"must be greater than 0"_s}});
    QCOMPARE(m_wizard->currentId(), int(GrantWizard::ScopesPageId));
    MoneyEdit *total = scopeMoney("totalEdit");
    QCOMPARE(FieldMarker::messageOf(total), u"The total cap must be greater than 0."_s);
    QCOMPARE(total->toolTip(), u"The total cap must be greater than 0."_s);
    auto *label = child<QLabel>(page(GrantWizard::ScopesPageId), "totalError");
    QVERIFY(label->isVisible());
    QCOMPARE(label->text(), u"The total cap must be greater than 0."_s);
    QCOMPARE(child<QLabel>(page(GrantWizard::ScopesPageId), "banner")->text(), message);
    QVERIFY(total->amountEdit()->hasFocus());
    capture(u"3-scopes-server-error"_s);

    // Nothing was changed, so the customer can try again at once.
    next();
    next();
    next();
    QCOMPARE(m_wizard->currentId(), int(GrantWizard::ReviewPageId));
    QVERIFY(m_wizard->button(QWizard::FinishButton)->isEnabled());
    QTest::mouseClick(m_wizard->button(QWizard::FinishButton), Qt::LeftButton);
    QCOMPARE(requested.size(), 2);

    // An error without a field stays on the review page, with Grant enabled again.
    m_wizard->grantFailed(u"The server could not be reached."_s, {});
    QCOMPARE(m_wizard->currentId(), int(GrantWizard::ReviewPageId));
    QVERIFY(m_wizard->button(QWizard::FinishButton)->isEnabled());
    QVERIFY(m_wizard->button(QWizard::CancelButton)->isEnabled());
    QVERIFY(child<QLabel>(page(GrantWizard::ReviewPageId), "statusLabel")
                ->text()
                .contains(u"could not be reached"_s));
}

void tst_GrantWizard::serverErrorSelectsTheScopeItNames()
{
    pickAgent(u"Travel booker"_s);
    next();
    fillPurpose(u"Pay two accounts"_s);
    next();
    addPayments(u"acc_1"_s);
    addPayments(u"acc_2"_s);
    child<QPlainTextEdit>(page(GrantWizard::ScopesPageId), "destinationsEdit")
        ->setPlainText(u"payee:a\npayee:b\npayee:c"_s);
    auto *list = child<QListWidget>(page(GrantWizard::ScopesPageId), "scopeList");
    list->setCurrentRow(0);
    next();
    next();
    next();
    QTest::mouseClick(m_wizard->button(QWizard::FinishButton), Qt::LeftButton);

    m_wizard->grantFailed(u"Rejected."_s,
                          {FieldError{u"scopes[1].destinations[2]"_s, u"payee:c is not a known payee"_s},
                           FieldError{u"expires_at"_s, u"must be at most 90 days ahead"_s}});
    QCOMPARE(m_wizard->currentId(), int(GrantWizard::ScopesPageId));
    QCOMPARE(list->currentRow(), 1);
    auto *destinations = child<QPlainTextEdit>(page(GrantWizard::ScopesPageId), "destinationsEdit");
    QCOMPARE(FieldMarker::messageOf(destinations), u"The destination list payee:c is not a known payee."_s);
    QVERIFY(!list->item(1)->icon().isNull());
    QVERIFY(list->item(0)->icon().isNull());
    // The second error waits on its own page.
    QVERIFY(
        !FieldMarker::messageOf(child<QWidget>(page(GrantWizard::LifetimePageId), "expiryBox")).isEmpty());
}

void tst_GrantWizard::expiryIsCheckedAgainWhenGranting()
{
    pickAgent(u"Travel booker"_s);
    next();
    fillPurpose(u"Pay the Berlin trip"_s);
    next();
    addPayments(u"acc_1"_s);
    next();
    next();
    child<QDateTimeEdit>(page(GrantWizard::LifetimePageId), "customEdit")
        ->setDateTime(m_clock.now().addSecs(7200));
    next();
    QCOMPARE(m_wizard->currentId(), int(GrantWizard::ReviewPageId));

    // The customer went for lunch: the chosen end is now in the past.
    m_clock.advanceSeconds(3 * 3600);
    QList<DelegationGrant> requested;
    connect(m_wizard, &GrantWizard::grantRequested, this,
            [&requested](const DelegationGrant &grant) { requested.append(grant); });
    QTest::mouseClick(m_wizard->button(QWizard::FinishButton), Qt::LeftButton);
    QVERIFY(requested.isEmpty());
    QCOMPARE(m_wizard->currentId(), int(GrantWizard::LifetimePageId));
    auto *box = child<QWidget>(page(GrantWizard::LifetimePageId), "expiryBox");
    QCOMPARE(FieldMarker::messageOf(box), u"The end date must be in the future."_s);
    QVERIFY(child<QLabel>(page(GrantWizard::LifetimePageId), "expiresError")->isVisible());
    capture(u"5-lifetime-error"_s);

    child<QRadioButton>(page(GrantWizard::LifetimePageId), "oneDayRadio")->setChecked(true);
    next();
    QTest::mouseClick(m_wizard->button(QWizard::FinishButton), Qt::LeftButton);
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.front().expiresAt, m_clock.now().addDays(1));
}

QTEST_MAIN(tst_GrantWizard)
#include "tst_GrantWizard.moc"
