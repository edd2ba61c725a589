#include "core/ApprovalMatcher.h"
#include "tests/support/DecisionTweaks.h"

#include <QTest>

#include <functional>

using namespace mandate;
using namespace mandate::test;

namespace {

using S = DecisionScenario;
using R = ReasonCode;
using AK = ApprovalKind;
using AS = ApprovalStatus;

const QDateTime kNow = MockClock().now();

} // namespace

// Does an approval let exactly this request through now? Everything that can make a request
// riskier must match what was approved.
class TstApprovalMatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void match_data();
    void match();
    void aDifferenceIsNamed();
};

void TstApprovalMatcher::match_data()
{
    QTest::addColumn<Approval>("approval");
    QTest::addColumn<AuthorizeRequest>("request");
    QTest::addColumn<ApprovalKind>("required");
    QTest::addColumn<ReasonCode>("expected");

    const S s = scenario();
    const AuthorizeRequest request = s.request;
    AuthorizeRequest withoutAmount = request;
    withoutAmount.amount.reset();
    const auto approved = [&s](const std::function<void(Approval &)> &adjust, AS state = AS::Approved,
                               AK kind = AK::StepUp) {
        Approval a = s.approvalFor(kind, state);
        adjust(a);
        return a;
    };
    const auto asIs = [](Approval &) {
    };

    QTest::newRow("approved") << approved(asIs) << request << AK::StepUp << R::Approved;
    QTest::newRow("consumed before denied") << approved([](Approval &a) { a.consumed = true; }, AS::Denied)
                                            << request << AK::StepUp << R::ApprovalMismatch;
    QTest::newRow("denied before expired")
        << approved([](Approval &a) { a.expiresAt = kNow.addSecs(-1); }, AS::Denied) << request << AK::StepUp
        << R::ApprovalDenied;
    QTest::newRow("expired status") << approved(asIs, AS::Expired) << request << AK::StepUp
                                    << R::ApprovalExpired;
    QTest::newRow("approved, expires now")
        << approved([](Approval &a) { a.expiresAt = kNow; }) << request << AK::StepUp << R::ApprovalExpired;
    QTest::newRow("approved, 1 ms left") << approved([](Approval &a) { a.expiresAt = kNow.addMSecs(1); })
                                         << request << AK::StepUp << R::Approved;
    QTest::newRow("pending past expiry") << approved([](Approval &a) { a.expiresAt = kNow; }, AS::Pending)
                                         << request << AK::StepUp << R::ApprovalExpired;
    QTest::newRow("pending") << approved(asIs, AS::Pending) << request << AK::StepUp << R::ApprovalPending;
    QTest::newRow("pending before mismatch")
        << approved([](Approval &a) { a.request.amount = money(1); }, AS::Pending) << request << AK::StepUp
        << R::ApprovalPending;
    QTest::newRow("step-up kind for dual control")
        << approved(asIs) << request << AK::DualControl << R::ApprovalMismatch;
    QTest::newRow("dual-control kind for step-up")
        << approved(asIs, AS::Approved, AK::DualControl) << request << AK::StepUp << R::Approved;
    QTest::newRow("other delegation")
        << approved([](Approval &a) { a.delegationId = QStringLiteral("dlg_2"); }) << request << AK::StepUp
        << R::ApprovalMismatch;
    QTest::newRow("other action") << approved([](Approval &a) {
        a.request.action = QStringLiteral("data.export");
    }) << request << AK::StepUp << R::ApprovalMismatch;
    QTest::newRow("other resource") << approved([](Approval &a) {
        a.request.resource = QStringLiteral("account:acc_2");
    }) << request << AK::StepUp << R::ApprovalMismatch;
    QTest::newRow("other amount") << approved([](Approval &a) { a.request.amount = money(10001); }) << request
                                  << AK::StepUp << R::ApprovalMismatch;
    QTest::newRow("same amount, other currency")
        << approved([](Approval &a) { a.request.amount = money(10000, QStringLiteral("USD")); }) << request
        << AK::StepUp << R::ApprovalMismatch;
    QTest::newRow("approval without amount") << approved([](Approval &a) { a.request.amount.reset(); })
                                             << request << AK::StepUp << R::ApprovalMismatch;
    QTest::newRow("both without amount") << approved([](Approval &a) { a.request.amount.reset(); })
                                         << withoutAmount << AK::StepUp << R::Approved;
    QTest::newRow("other destination")
        << approved([](Approval &a) { a.request.destination = QStringLiteral("payee:db-bahn"); }) << request
        << AK::StepUp << R::ApprovalMismatch;
    QTest::newRow("approval without destination")
        << approved([](Approval &a) { a.request.destination.reset(); }) << request << AK::StepUp
        << R::ApprovalMismatch;
    QTest::newRow("other sensitivity")
        << approved([](Approval &a) { a.request.sensitivity = Sensitivity::Public; }) << request << AK::StepUp
        << R::ApprovalMismatch;

    // Approved with less: asked for 200.00, the approver let through at most `to`.
    const auto narrowedTo = [](const Money &to) {
        return [to](Approval &a) {
            a.request.amount = money(20000);
            a.decisions.append(ApprovalDecisionRecord{
                PartyRef{QStringLiteral("usr_alice"), QStringLiteral("Alice"), QString()},
                ApprovalVerdict::Approve, QString(), kNow, to});
        };
    };
    QTest::newRow("narrowed to exactly the request")
        << approved(narrowedTo(money(10000))) << request << AK::StepUp << R::Approved;
    QTest::newRow("narrowed above the request")
        << approved(narrowedTo(money(15000))) << request << AK::StepUp << R::Approved;
    QTest::newRow("narrowed below the request")
        << approved(narrowedTo(money(9999))) << request << AK::StepUp << R::ApprovalMismatch;
    QTest::newRow("narrowed in another currency") << approved(narrowedTo(money(15000, QStringLiteral("USD"))))
                                                  << request << AK::StepUp << R::ApprovalMismatch;
    QTest::newRow("narrowed, request without amount")
        << approved(narrowedTo(money(15000))) << withoutAmount << AK::StepUp << R::ApprovalMismatch;
    QTest::newRow("narrowed, other destination") << approved([narrowedTo](Approval &a) {
        narrowedTo(money(15000))(a);
        a.request.destination = QStringLiteral("payee:db-bahn");
    }) << request << AK::StepUp << R::ApprovalMismatch;
}

void TstApprovalMatcher::match()
{
    QFETCH(Approval, approval);
    QFETCH(AuthorizeRequest, request);
    QFETCH(ApprovalKind, required);
    QFETCH(ReasonCode, expected);

    const ApprovalMatcher::Match match =
        ApprovalMatcher::match(approval, QStringLiteral("dlg_1"), request, required, kNow);
    QCOMPARE(reasonCodeToString(match.reason), reasonCodeToString(expected));
    QVERIFY(match.message.contains(approval.id));
}

void TstApprovalMatcher::aDifferenceIsNamed()
{
    const S s = scenario();
    Approval approval = s.approvalFor(AK::StepUp, AS::Approved);
    approval.request.sensitivity = Sensitivity::Public;
    const ApprovalMatcher::Match match =
        ApprovalMatcher::match(approval, QStringLiteral("dlg_1"), s.request, AK::StepUp, kNow);
    QCOMPARE(match.message, QStringLiteral("Approval apr_1 was given for a different sensitivity."));
}

QTEST_APPLESS_MAIN(TstApprovalMatcher)
#include "tst_ApprovalMatcher.moc"
