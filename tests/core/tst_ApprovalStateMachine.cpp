#include "core/ApprovalStateMachine.h"
#include "tests/support/MockClock.h"
#include "tests/support/TestValues.h"

#include <QSet>
#include <QTest>

using namespace mandate;
using namespace mandate::test;

namespace {

using Error = ApprovalStateMachine::Error;
using Outcome = std::optional<Error>;

const QDateTime kNow = MockClock().now();

const QList<Error> kAllErrors{
    Error::NotPending,     Error::Expired,       Error::ReasonRequired,           Error::SupportCannotDecide,
    Error::NotTheCustomer, Error::NotAnApprover, Error::CustomerCannotApproveOwn, Error::AlreadyDecided};

QString nameOf(Outcome error)
{
    if (!error) {
        return QStringLiteral("eligible");
    }
    switch (*error) {
    case Error::NotPending:
        return QStringLiteral("NotPending");
    case Error::Expired:
        return QStringLiteral("Expired");
    case Error::ReasonRequired:
        return QStringLiteral("ReasonRequired");
    case Error::SupportCannotDecide:
        return QStringLiteral("SupportCannotDecide");
    case Error::NotTheCustomer:
        return QStringLiteral("NotTheCustomer");
    case Error::NotAnApprover:
        return QStringLiteral("NotAnApprover");
    case Error::CustomerCannotApproveOwn:
        return QStringLiteral("CustomerCannotApproveOwn");
    case Error::AlreadyDecided:
        return QStringLiteral("AlreadyDecided");
    }
    Q_UNREACHABLE();
    return {};
}

Decider person(const char *id, const char *name, const QStringList &roles)
{
    return Decider{QString::fromUtf8(id), QString::fromUtf8(name), roles};
}

const QString kCustomerRole = QStringLiteral("customer");
const QString kApproverRole = QStringLiteral("approver");
const Decider kAlice = person("usr_alice", "Alice", {kCustomerRole});
const Decider kBob = person("usr_bob", "Bob", {kCustomerRole});
const Decider kCarol = person("usr_carol", "Carol", {kApproverRole});
const Decider kDave = person("usr_dave", "Dave", {kApproverRole});
const Decider kSam = person("usr_sam", "Sam", {QStringLiteral("support")});
const Decider kAda = person("usr_ada", "Ada", {QStringLiteral("admin")});
const Decider kAliceAlsoApprover = person("usr_alice", "Alice", {kCustomerRole, kApproverRole});
const Decider kSamAlsoApprover = person("usr_sam", "Sam", {QStringLiteral("support"), kApproverRole});

// Alice's pending request, created five minutes ago and open for ten more.
Approval pending(ApprovalKind kind)
{
    Approval approval;
    approval.id = QStringLiteral("apr_1");
    approval.kind = kind;
    approval.delegationId = QStringLiteral("dlg_1");
    approval.agent = PartyRef{QStringLiteral("agt_travel"), QStringLiteral("Travel booker"),
                              QStringLiteral("spiffe://demo.mandate.local/travel-booker")};
    approval.customer = PartyRef{QStringLiteral("usr_alice"), QStringLiteral("Alice"), QString()};
    approval.request =
        ApprovalRequestDetails{QStringLiteral("payments.initiate"), QStringLiteral("account:acc_1"),
                               money(125000), QStringLiteral("payee:lufthansa"), Sensitivity::Internal};
    approval.reason =
        kind == ApprovalKind::StepUp ? ReasonCode::StepUpThreshold : ReasonCode::DualControlThreshold;
    approval.requiredApprovals = kind == ApprovalKind::StepUp ? 1 : 2;
    approval.createdAt = kNow.addSecs(-300);
    approval.expiresAt = kNow.addSecs(600);
    return approval;
}

Approval with(Approval approval, ApprovalStatus status)
{
    approval.status = status;
    return approval;
}

Approval expiringAt(Approval approval, const QDateTime &at)
{
    approval.expiresAt = at;
    return approval;
}

Approval decidedBy(Approval approval, const Decider &decider)
{
    approval.decisions.append(ApprovalDecisionRecord{PartyRef{decider.userId, decider.name, QString()},
                                                     ApprovalVerdict::Approve, QString(), kNow.addSecs(-60)});
    return approval;
}

const QString kGoodReason = QStringLiteral("Not a trip I planned");

} // namespace

Q_DECLARE_METATYPE(mandate::Approval)
Q_DECLARE_METATYPE(mandate::StepUpApprover)
Q_DECLARE_METATYPE(mandate::Decider)

class TstApprovalStateMachine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eligibility_data();
    void eligibility();
    void stepUpApprovedByTheCustomer();
    void denyResolvesAtOnce_data();
    void denyResolvesAtOnce();
    void denyReasonLength_data();
    void denyReasonLength();
    void twoApproversApproveDualControl();
    void sameApproverTwiceIsRefused();
    void refusalLeavesTheApprovalUnchanged();
    void whoIsAskedBeforeWhatTheySent();
    void expireIfDue_data();
    void expireIfDue();
    void everyErrorHasItsOwnMessage();
};

void TstApprovalStateMachine::eligibility_data()
{
    QTest::addColumn<Approval>("approval");
    QTest::addColumn<StepUpApprover>("routing");
    QTest::addColumn<Decider>("decider");
    QTest::addColumn<QString>("expected");

    const Approval stepUp = pending(ApprovalKind::StepUp);
    const Approval dual = pending(ApprovalKind::DualControl);
    const auto toCustomer = StepUpApprover::Customer;
    const auto toApprovers = StepUpApprover::Approver;
    const auto row = [](const char *name, const Approval &approval, StepUpApprover routing,
                        const Decider &decider, Outcome expected) {
        QTest::newRow(name) << approval << routing << decider << nameOf(expected);
    };

    row("step-up: the customer", stepUp, toCustomer, kAlice, std::nullopt);
    row("step-up: another customer", stepUp, toCustomer, kBob, Error::NotTheCustomer);
    row("step-up: an approver, routed to the customer", stepUp, toCustomer, kCarol, Error::NotTheCustomer);
    row("step-up: support", stepUp, toCustomer, kSam, Error::SupportCannotDecide);
    row("step-up: admin", stepUp, toCustomer, kAda, Error::SupportCannotDecide);
    row("step-up: already approved", with(stepUp, ApprovalStatus::Approved), toCustomer, kAlice,
        Error::NotPending);
    row("step-up: already denied", with(stepUp, ApprovalStatus::Denied), toCustomer, kAlice,
        Error::NotPending);
    row("step-up: already expired", with(stepUp, ApprovalStatus::Expired), toCustomer, kAlice,
        Error::NotPending);
    row("step-up: expires now", expiringAt(stepUp, kNow), toCustomer, kAlice, Error::Expired);
    row("step-up: 1 ms left", expiringAt(stepUp, kNow.addMSecs(1)), toCustomer, kAlice, std::nullopt);
    row("resolved decides before expiry",
        expiringAt(with(stepUp, ApprovalStatus::Approved), kNow.addSecs(-1)), toCustomer, kAlice,
        Error::NotPending);
    row("expiry decides before support", expiringAt(stepUp, kNow), toCustomer, kSam, Error::Expired);
    row("step-up to approvers: an approver", stepUp, toApprovers, kCarol, std::nullopt);
    row("step-up to approvers: the customer", stepUp, toApprovers, kAlice, Error::NotAnApprover);
    row("step-up to approvers: support", stepUp, toApprovers, kSam, Error::SupportCannotDecide);
    row("step-up to approvers: support who is also an approver", stepUp, toApprovers, kSamAlsoApprover,
        std::nullopt);
    row("dual control: an approver", dual, toCustomer, kCarol, std::nullopt);
    row("dual control ignores step-up routing", dual, toApprovers, kCarol, std::nullopt);
    row("dual control: the customer", dual, toCustomer, kAlice, Error::NotAnApprover);
    row("dual control: the customer who is also an approver", dual, toCustomer, kAliceAlsoApprover,
        Error::CustomerCannotApproveOwn);
    row("dual control: support", dual, toCustomer, kSam, Error::SupportCannotDecide);
    row("dual control: admin", dual, toCustomer, kAda, Error::SupportCannotDecide);
    row("dual control: the same approver again", decidedBy(dual, kCarol), toCustomer, kCarol,
        Error::AlreadyDecided);
    row("dual control: a second approver", decidedBy(dual, kCarol), toCustomer, kDave, std::nullopt);
    row("dual control: expires now", expiringAt(dual, kNow), toCustomer, kCarol, Error::Expired);
}

void TstApprovalStateMachine::eligibility()
{
    QFETCH(Approval, approval);
    QFETCH(StepUpApprover, routing);
    QFETCH(Decider, decider);
    QFETCH(QString, expected);
    QCOMPARE(nameOf(ApprovalStateMachine::eligibility(approval, routing, decider, kNow)), expected);
}

void TstApprovalStateMachine::stepUpApprovedByTheCustomer()
{
    const auto result = ApprovalStateMachine::decide(pending(ApprovalKind::StepUp), StepUpApprover::Customer,
                                                     kAlice, ApprovalVerdict::Approve, QString(), kNow);
    QVERIFY(result.hasValue());
    QCOMPARE(result->status, ApprovalStatus::Approved);
    QCOMPARE(result->resolvedAt, std::optional<QDateTime>(kNow));
    const QList<ApprovalDecisionRecord> expected{
        {PartyRef{QStringLiteral("usr_alice"), QStringLiteral("Alice"), QString()}, ApprovalVerdict::Approve,
         QString(), kNow}};
    QCOMPARE(result->decisions, expected);
}

void TstApprovalStateMachine::denyResolvesAtOnce_data()
{
    QTest::addColumn<Approval>("approval");
    QTest::addColumn<Decider>("decider");
    QTest::newRow("step-up, by the customer") << pending(ApprovalKind::StepUp) << kAlice;
    QTest::newRow("dual control, first approver") << pending(ApprovalKind::DualControl) << kCarol;
    QTest::newRow("dual control, after one approval")
        << decidedBy(pending(ApprovalKind::DualControl), kCarol) << kDave;
}

void TstApprovalStateMachine::denyResolvesAtOnce()
{
    QFETCH(Approval, approval);
    QFETCH(Decider, decider);
    const qsizetype before = approval.decisions.size();

    const auto result = ApprovalStateMachine::decide(approval, StepUpApprover::Customer, decider,
                                                     ApprovalVerdict::Deny, kGoodReason, kNow);
    QVERIFY(result.hasValue());
    QCOMPARE(result->status, ApprovalStatus::Denied);
    QCOMPARE(result->resolvedAt, std::optional<QDateTime>(kNow));
    QCOMPARE(result->decisions.size(), before + 1);
    QCOMPARE(result->decisions.constLast().verdict, ApprovalVerdict::Deny);
    QCOMPARE(result->decisions.constLast().reason, kGoodReason);
    QCOMPARE(result->decisions.constLast().user.id, decider.userId);
}

void TstApprovalStateMachine::denyReasonLength_data()
{
    QTest::addColumn<QString>("reason");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("none") << QString() << false;
    QTest::newRow("only spaces") << QStringLiteral("            ") << false;
    QTest::newRow("nine characters") << QStringLiteral("123456789") << false;
    QTest::newRow("nine characters padded with spaces") << QStringLiteral(" 1 2 3 4 5 6 7 8 9 \t\n") << false;
    QTest::newRow("ten characters") << QStringLiteral("1234567890") << true;
    QTest::newRow("ten characters around spaces") << QStringLiteral("  12345 67890  ") << true;
    QTest::newRow("a sentence") << kGoodReason << true;
}

void TstApprovalStateMachine::denyReasonLength()
{
    QFETCH(QString, reason);
    QFETCH(bool, accepted);
    const auto result = ApprovalStateMachine::decide(pending(ApprovalKind::StepUp), StepUpApprover::Customer,
                                                     kAlice, ApprovalVerdict::Deny, reason, kNow);
    QCOMPARE(result.hasValue(), accepted);
    if (!accepted) {
        QCOMPARE(nameOf(result.error()), nameOf(Error::ReasonRequired));
    }
}

void TstApprovalStateMachine::twoApproversApproveDualControl()
{
    const auto first =
        ApprovalStateMachine::decide(pending(ApprovalKind::DualControl), StepUpApprover::Customer, kCarol,
                                     ApprovalVerdict::Approve, QString(), kNow);
    QVERIFY(first.hasValue());
    QCOMPARE(first->status, ApprovalStatus::Pending);
    QCOMPARE(first->resolvedAt, std::nullopt);
    QCOMPARE(first->decisions.size(), 1);

    const QDateTime later = kNow.addSecs(30);
    const auto second = ApprovalStateMachine::decide(
        *first, StepUpApprover::Customer, kDave, ApprovalVerdict::Approve, QStringLiteral("Checked"), later);
    QVERIFY(second.hasValue());
    QCOMPARE(second->status, ApprovalStatus::Approved);
    QCOMPARE(second->resolvedAt, std::optional<QDateTime>(later));
    QCOMPARE(second->decisions.size(), 2);
    QCOMPARE(second->decisions.at(0).user.id, QStringLiteral("usr_carol"));
    QCOMPARE(second->decisions.at(1).user.id, QStringLiteral("usr_dave"));
    QCOMPARE(second->decisions.at(1).reason, QStringLiteral("Checked"));
    QCOMPARE(second->decisions.at(1).at, later);
}

void TstApprovalStateMachine::sameApproverTwiceIsRefused()
{
    const auto first =
        ApprovalStateMachine::decide(pending(ApprovalKind::DualControl), StepUpApprover::Customer, kCarol,
                                     ApprovalVerdict::Approve, QString(), kNow);
    QVERIFY(first.hasValue());
    const auto again = ApprovalStateMachine::decide(*first, StepUpApprover::Customer, kCarol,
                                                    ApprovalVerdict::Approve, QString(), kNow);
    QVERIFY(!again.hasValue());
    QCOMPARE(nameOf(again.error()), nameOf(Error::AlreadyDecided));
}

void TstApprovalStateMachine::refusalLeavesTheApprovalUnchanged()
{
    const Approval approval = pending(ApprovalKind::StepUp);
    const auto result = ApprovalStateMachine::decide(approval, StepUpApprover::Customer, kBob,
                                                     ApprovalVerdict::Approve, QString(), kNow);
    QVERIFY(!result.hasValue());
    QCOMPARE(nameOf(result.error()), nameOf(Error::NotTheCustomer));
    QCOMPARE(approval, pending(ApprovalKind::StepUp));
}

void TstApprovalStateMachine::whoIsAskedBeforeWhatTheySent()
{
    const auto result = ApprovalStateMachine::decide(pending(ApprovalKind::StepUp), StepUpApprover::Customer,
                                                     kSam, ApprovalVerdict::Deny, QString(), kNow);
    QVERIFY(!result.hasValue());
    QCOMPARE(nameOf(result.error()), nameOf(Error::SupportCannotDecide));
}

void TstApprovalStateMachine::expireIfDue_data()
{
    QTest::addColumn<Approval>("approval");
    QTest::addColumn<bool>("changed");
    const Approval stepUp = pending(ApprovalKind::StepUp);
    QTest::newRow("pending, expires now") << expiringAt(stepUp, kNow) << true;
    QTest::newRow("pending, long past") << expiringAt(stepUp, kNow.addDays(-1)) << true;
    QTest::newRow("pending, 1 ms left") << expiringAt(stepUp, kNow.addMSecs(1)) << false;
    QTest::newRow("approved, past expiry")
        << expiringAt(with(stepUp, ApprovalStatus::Approved), kNow.addSecs(-1)) << false;
    QTest::newRow("denied, past expiry")
        << expiringAt(with(stepUp, ApprovalStatus::Denied), kNow.addSecs(-1)) << false;
    QTest::newRow("already expired") << expiringAt(with(stepUp, ApprovalStatus::Expired), kNow.addSecs(-1))
                                     << false;
}

void TstApprovalStateMachine::expireIfDue()
{
    QFETCH(Approval, approval);
    QFETCH(bool, changed);
    const Approval before = approval;

    QCOMPARE(ApprovalStateMachine::expireIfDue(approval, kNow), changed);
    if (!changed) {
        QCOMPARE(approval, before);
        return;
    }
    QCOMPARE(approval.status, ApprovalStatus::Expired);
    QCOMPARE(approval.resolvedAt, std::optional<QDateTime>(before.expiresAt));
    QCOMPARE(nameOf(ApprovalStateMachine::eligibility(approval, StepUpApprover::Customer, kAlice, kNow)),
             nameOf(Error::NotPending));
}

void TstApprovalStateMachine::everyErrorHasItsOwnMessage()
{
    QSet<QString> messages;
    for (const Error error : kAllErrors) {
        const QString message = ApprovalStateMachine::errorMessage(error);
        QVERIFY2(message.endsWith(u'.'), qPrintable(message));
        messages.insert(message);
    }
    QCOMPARE(messages.size(), kAllErrors.size());
    QCOMPARE(ApprovalStateMachine::errorMessage(Error::ReasonRequired),
             QStringLiteral("A denial needs a reason of at least 10 characters, not counting spaces."));
}

QTEST_APPLESS_MAIN(TstApprovalStateMachine)
#include "tst_ApprovalStateMachine.moc"
