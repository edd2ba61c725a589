#include "tests/support/MockClock.h"
#include "ui/wizard/GrantReview.h"

#include <QTest>

#include <functional>

using namespace mandate;
using namespace mandate::ui;
using namespace Qt::StringLiterals;
using Kind = ReviewCallOut::Kind;
using Tweak = std::function<void(DelegationGrant &)>;

Q_DECLARE_METATYPE(Tweak)

namespace {

Money eur(qint64 minor)
{
    return Money::of(minor, u"EUR"_s).value();
}

ResourcePattern pattern(const QString &text)
{
    return ResourcePattern::parse(text).value();
}

// The console's default English: 24-hour times, day before month.
QLocale english()
{
    return QLocale(QLocale::English, QLocale::UnitedKingdom);
}

const QDateTime &now()
{
    static const QDateTime at = test::MockClock().now(); // Tue 1 Dec 2026, 09:00 UTC
    return at;
}

// A grant the review has nothing to warn about; each test changes one thing.
DelegationGrant carefulGrant()
{
    DelegationGrant grant;
    grant.agentId = u"agt_travel"_s;
    grant.purpose = u"Book flights for the Berlin trip"_s;
    grant.expiresAt = now().addDays(2);
    Scope payments;
    payments.action = u"payments.initiate"_s;
    payments.resource = pattern(u"account:acc_1"_s);
    payments.maxPerAction = eur(25000);
    payments.maxTotal = eur(125000);
    payments.maxUses = 10;
    payments.destinations =
        QList<ResourcePattern>{pattern(u"payee:lufthansa"_s), pattern(u"payee:db-bahn"_s)};
    grant.scopes = {payments};
    grant.stepUp = StepUpPolicy{eur(20000), std::nullopt, StepUpApprover::Customer};
    grant.revokeOn.taskComplete = true;
    return grant;
}

Scope dataScope(const QString &action, const QString &resource, std::optional<Sensitivity> ceiling)
{
    Scope scope;
    scope.action = action;
    scope.resource = pattern(resource);
    scope.maxSensitivity = ceiling;
    return scope;
}

QList<Kind> kinds(const GrantSummary &summary)
{
    QList<Kind> result;
    for (const ReviewCallOut &callOut : summary.callOuts)
        result.append(callOut.kind);
    return result;
}

} // namespace

class tst_GrantReview : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sentences();
    void approvalSentences();
    void carefulGrantHasNoCallOuts();
    void callOuts_data();
    void callOuts();
    void noTotalCapReadsAsInTheIssue();
    void noTotalCapCountsUsesTimesCap();
    void longLifetimeStartsAfterThirtyDays();
    void deletesWithDualControlAreFine();
};

void tst_GrantReview::initTestCase()
{
    qputenv("TZ", "UTC");
    tzset();
}

void tst_GrantReview::sentences()
{
    const GrantSummary summary = GrantReview::describe(carefulGrant(), u"Travel booker"_s, now(), english());
    const QStringList expected{
        u"Travel booker may act on your behalf for this purpose: \u201cBook flights for the Berlin trip\u201d."_s,
        u"Make payments from account:acc_1: up to EUR 250.00 each time, up to EUR 1,250.00 in total, at most "
        u"10 "
        "times, only to payee:lufthansa or payee:db-bahn."_s,
        u"You will be asked to confirm any request above EUR 200.00."_s,
        u"The grant ends on Thu 3 Dec, 09:00, 2 days from now. It ends earlier as soon as the agent reports "
        u"the "
        "task complete. You can revoke it at any time."_s,
    };
    QCOMPARE(summary.sentences(), expected);
    QCOMPARE(summary.scopes, expected.mid(1, 1));
}

void tst_GrantReview::approvalSentences()
{
    DelegationGrant grant = carefulGrant();
    grant.scopes.append(dataScope(u"data.export"_s, u"dataset:crm"_s, Sensitivity::Confidential));
    grant.scopes.append(dataScope(u"records.delete"_s, u"record:crm"_s, std::nullopt));
    grant.scopes[0].maxUses = 1;
    grant.stepUp = StepUpPolicy{std::nullopt, Sensitivity::Confidential, StepUpApprover::Approver};
    grant.dualControl = DualControlPolicy{eur(100000), {u"records.delete"_s}};
    grant.revokeOn = RevokeOn{true, 3600, true};
    grant.expiresAt = now().addSecs(3600);

    const QStringList sentences = GrantReview::describe(grant, u"CRM helper"_s, now(), english()).sentences();
    QVERIFY2(sentences.at(1).contains(u"only once"_s), qPrintable(sentences.at(1)));
    QCOMPARE(sentences.at(2), u"Export data from dataset:crm: only data up to confidential sensitivity."_s);
    QCOMPARE(sentences.at(3), u"Delete records in record:crm, with no further limits."_s);
    QCOMPARE(sentences.at(4),
             u"An approver will be asked to confirm any request touching confidential data or anything more "
             "sensitive."_s);
    QCOMPARE(
        sentences.at(5),
        u"Two approvers other than you must both agree to any request above EUR 1,000.00 and every record "
        "deletion."_s);
    QCOMPARE(
        sentences.at(6),
        u"The grant ends on Tue 1 Dec, 10:00, 1 hour from now. It ends earlier as soon as the agent reports "
        "the task complete, or the agent does nothing for 1 hour, or the agent's context changes, "
        "for example its software version. You can revoke it at any time."_s);

    grant.stepUp.reset();
    QCOMPARE(GrantReview::describe(grant, u"CRM helper"_s, now(), english()).approvals.at(0),
             u"Nobody is asked to confirm a request before the agent acts."_s);
}

void tst_GrantReview::carefulGrantHasNoCallOuts()
{
    const GrantSummary summary = GrantReview::describe(carefulGrant(), u"Travel booker"_s, now(), english());
    QVERIFY2(summary.callOuts.isEmpty(), qPrintable(summary.callOuts.value(0).text));
}

void tst_GrantReview::callOuts_data()
{
    QTest::addColumn<Tweak>("tweak");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("text");

    QTest::newRow("no total cap") << Tweak([](DelegationGrant &g) { g.scopes[0].maxTotal.reset(); })
                                  << Kind::NoTotalCap << u"No total cap: the agent may spend up to"_s;
    QTest::newRow("no per-action cap")
        << Tweak([](DelegationGrant &g) { g.scopes[0].maxPerAction.reset(); }) << Kind::NoPerActionCap
        << u"No per-payment cap: a single payment from account:acc_1 may use the whole total of EUR 1,250.00."_s;
    QTest::newRow("no payee allowlist")
        << Tweak([](DelegationGrant &g) { g.scopes[0].destinations.reset(); }) << Kind::NoDestinationAllowlist
        << u"No payee allowlist: the agent may pay anyone from account:acc_1."_s;
    QTest::newRow("no recipient allowlist")
        << Tweak([](DelegationGrant &g) {
               g.scopes.append(dataScope(u"data.share_external"_s, u"dataset:press"_s, Sensitivity::Public));
           })
        << Kind::NoDestinationAllowlist
        << u"No recipient allowlist: the agent may share data from dataset:press with anyone."_s;
    QTest::newRow("restricted ceiling")
        << Tweak([](DelegationGrant &g) {
               g.scopes.append(dataScope(u"data.export"_s, u"dataset:hr"_s, Sensitivity::Restricted));
           })
        << Kind::BroadSensitivity
        << u"Restricted data allowed: the agent may handle your most sensitive data in dataset:hr."_s;
    QTest::newRow("no ceiling on data") << Tweak([](DelegationGrant &g) {
        g.scopes.append(dataScope(u"data.read"_s, u"dataset:hr"_s, std::nullopt));
    }) << Kind::BroadSensitivity
                                        << u"No sensitivity ceiling: the agent may handle data of any "
                                           u"sensitivity in dataset:hr, restricted data "
                                           "included."_s;
    QTest::newRow("long lifetime") << Tweak([](DelegationGrant &g) { g.expiresAt = now().addDays(45); })
                                   << Kind::LongLifetime
                                   << u"Long lifetime: this grant lasts 45 days, until 15 Jan 2027."_s;
    QTest::newRow("no step-up") << Tweak([](DelegationGrant &g) { g.stepUp.reset(); })
                                << Kind::NoStepUpOnPayments
                                << u"No confirmation on payments: nobody is asked before the agent pays"_s;
    QTest::newRow("step-up on sensitivity only") << Tweak([](DelegationGrant &g) {
        g.stepUp = StepUpPolicy{std::nullopt, Sensitivity::Internal, {}};
    }) << Kind::NoStepUpOnPayments << u"No confirmation on payments"_s;
    QTest::newRow("wildcard resource")
        << Tweak([](DelegationGrant &g) { g.scopes[0].resource = pattern(u"account:acc_*"_s); })
        << Kind::WildcardResource
        << u"Wildcard: account:acc_* covers everything whose name starts with account:acc_."_s;
    QTest::newRow("deletes without dual control") << Tweak([](DelegationGrant &g) {
        g.scopes.append(dataScope(u"records.delete"_s, u"record:crm"_s, std::nullopt));
    }) << Kind::DeleteWithoutDualControl
                                                  << u"Deletes without a second approver: the agent may "
                                                     u"delete records in record:crm without anyone else "
                                                     "agreeing."_s;
    QTest::newRow("deletes with a dual-control amount only") << Tweak([](DelegationGrant &g) {
        g.scopes.append(dataScope(u"records.delete"_s, u"record:crm"_s, std::nullopt));
        g.dualControl = DualControlPolicy{eur(100000), {}};
    }) << Kind::DeleteWithoutDualControl << u"Deletes without a second approver"_s;
}

void tst_GrantReview::callOuts()
{
    QFETCH(Tweak, tweak);
    QFETCH(Kind, kind);
    QFETCH(QString, text);

    DelegationGrant grant = carefulGrant();
    tweak(grant);
    const GrantSummary summary = GrantReview::describe(grant, u"Travel booker"_s, now(), english());
    QCOMPARE(kinds(summary), QList<Kind>{kind});
    QVERIFY2(summary.callOuts.front().text.startsWith(text), qPrintable(summary.callOuts.front().text));
}

void tst_GrantReview::noTotalCapReadsAsInTheIssue()
{
    DelegationGrant grant = carefulGrant();
    grant.scopes[0].maxTotal.reset();
    grant.scopes[0].maxUses.reset();
    const GrantSummary summary = GrantReview::describe(grant, u"Travel booker"_s, now(), english());
    QCOMPARE(kinds(summary), QList<Kind>{Kind::NoTotalCap});
    QCOMPARE(summary.callOuts.front().text,
             u"No total cap: the agent may spend without limit until 3 Dec."_s);
    QCOMPARE(summary.callOuts.front().scope, 0);

    // With two accounts the call-out says which one.
    grant.scopes.append(grant.scopes.front());
    grant.scopes[1].resource = pattern(u"account:acc_2"_s);
    const GrantSummary two = GrantReview::describe(grant, u"Travel booker"_s, now(), english());
    QCOMPARE(two.callOuts.at(1).text,
             u"No total cap on account:acc_2: the agent may spend without limit until 3 Dec."_s);
    QCOMPARE(two.callOuts.at(1).scope, 1);
}

void tst_GrantReview::noTotalCapCountsUsesTimesCap()
{
    DelegationGrant grant = carefulGrant();
    grant.scopes[0].maxTotal.reset();
    const GrantSummary summary = GrantReview::describe(grant, u"Travel booker"_s, now(), english());
    QCOMPARE(summary.callOuts.front().text,
             u"No total cap: the agent may spend up to EUR 2,500.00 until 3 Dec."_s);
}

void tst_GrantReview::longLifetimeStartsAfterThirtyDays()
{
    DelegationGrant grant = carefulGrant();
    grant.expiresAt = now().addDays(GrantReview::LongLifetimeDays);
    QVERIFY(GrantReview::describe(grant, u"A"_s, now(), english()).callOuts.isEmpty());
    grant.expiresAt = now().addDays(GrantReview::LongLifetimeDays + 1);
    QCOMPARE(kinds(GrantReview::describe(grant, u"A"_s, now(), english())), QList<Kind>{Kind::LongLifetime});
}

void tst_GrantReview::deletesWithDualControlAreFine()
{
    DelegationGrant grant = carefulGrant();
    grant.scopes.append(dataScope(u"records.delete"_s, u"record:crm"_s, std::nullopt));
    grant.dualControl = DualControlPolicy{std::nullopt, {u"records.delete"_s}};
    QVERIFY(GrantReview::describe(grant, u"A"_s, now(), english()).callOuts.isEmpty());
}

QTEST_APPLESS_MAIN(tst_GrantReview)
#include "tst_GrantReview.moc"
