#include "core/DecisionEngine.h"
#include "tests/support/DecisionTweaks.h"

#include <QTest>

#include <limits>

using namespace mandate;
using namespace mandate::test;

namespace {

using S = DecisionScenario;
using R = ReasonCode;
using AK = ApprovalKind;
using AS = ApprovalStatus;
constexpr auto Allow = DecisionOutcome::Allow;
constexpr auto Deny = DecisionOutcome::Deny;
constexpr auto StepUp = DecisionOutcome::StepUpRequired;
constexpr auto Dual = DecisionOutcome::DualControlRequired;

const QDateTime kNow = MockClock().now();

struct Row
{
    const char *name;
    Tweak tweak;
    DecisionOutcome outcome;
    ReasonCode reason;
};

Tweak notBefore(const QDateTime &at)
{
    return [at](DecisionScenario &s) {
        s.delegation.notBefore = at;
    };
}

// Europe/Berlin office hours on `days`; kNow is Tuesday 1 December 2026, 10:00 in Berlin.
Tweak officeHours(const QList<int> &days)
{
    return [days](DecisionScenario &s) {
        s.delegation.scopes[0].schedule =
            Schedule{QStringLiteral("Europe/Berlin"), days, QTime(8, 0), QTime(18, 0)};
    };
}

QList<Row> decisionTable()
{
    const qint64 maxMinor = std::numeric_limits<qint64>::max();
    const Tweak hourIdle = idle(3600);
    const Tweak overStepUp = stepUpAbove(money(9999));
    const Tweak overDual = dualAbove(money(9999));
    const Scope anyPayment = ScopeBuilder();
    return {
        // Status and expiry, of the delegation and of every ancestor.
        {"within scope", {}, Allow, R::WithinScope},
        {"revoked", status(DelegationStatus::Revoked), Deny, R::DelegationNotActive},
        {"completed", status(DelegationStatus::Completed), Deny, R::DelegationNotActive},
        {"status expired", status(DelegationStatus::Expired), Deny, R::DelegationNotActive},
        {"expires exactly now", expiresAt(kNow), Deny, R::DelegationExpired},
        {"expires 1 ms from now", expiresAt(kNow.addMSecs(1)), Allow, R::WithinScope},
        {"idle timeout reached", hourIdle + lastUsed(kNow.addSecs(-3600)), Deny, R::DelegationExpired},
        {"idle timeout 1 ms away", hourIdle + lastUsed(kNow.addSecs(-3600).addMSecs(1)), Allow,
         R::WithinScope},
        {"never used, idle since creation", hourIdle, Deny, R::DelegationExpired},
        {"starts 1 ms from now", notBefore(kNow.addMSecs(1)), Deny, R::OutsideSchedule},
        {"starts now", notBefore(kNow), Allow, R::WithinScope},
        {"schedule admits now", officeHours({1, 2, 3, 4, 5}), Allow, R::WithinScope},
        {"schedule excludes the day", officeHours({6, 7}), Deny, R::OutsideSchedule},
        {"never used, created within idle time", idle(3601), Allow, R::WithinScope},
        {"ancestor revoked", ancestor(parentBuilder().status(DelegationStatus::Revoked).build()), Deny,
         R::DelegationNotActive},
        {"ancestor expires now", ancestor(parentBuilder().expiresAt(kNow).build()), Deny,
         R::DelegationExpired},
        {"ancestor idle",
         ancestor(parentBuilder().revokeOn(RevokeOn{false, 60, false}).lastUsedAt(kNow.addSecs(-60)).build()),
         Deny, R::DelegationExpired},
        // Another agent learns nothing of the delegation, not even that it is revoked.
        {"the agent decides before the status", status(DelegationStatus::Revoked) + caller(u"agt_other"),
         Deny, R::AgentMismatch},
        // Agent.
        {"another agent", caller(u"agt_other"), Deny, R::AgentMismatch},
        {"suspended agent", suspended(), Deny, R::AgentSuspended},
        {"mismatch decides before suspension", caller(u"agt_other") + suspended(), Deny, R::AgentMismatch},
        // Context binding.
        {"first request binds context", watchContext(), Allow, R::WithinScope},
        {"bound context unchanged", watchContext() + boundToRequest(), Allow, R::WithinScope},
        {"bound value differs",
         watchContext() + boundContext({{QStringLiteral("agent_version"), QStringLiteral("1.4.1")}}), Deny,
         R::ContextChanged},
        {"bound key missing from request",
         watchContext() + boundContext({{QStringLiteral("agent_version"), QStringLiteral("1.4.2")},
                                        {QStringLiteral("tenant"), QStringLiteral("t1")}}),
         Deny, R::ContextChanged},
        {"extra request keys are ignored",
         watchContext() + boundToRequest() + requestContext(u"trace_id", 42), Allow, R::WithinScope},
        {"context ignored without revoke_on", boundContext({{QStringLiteral("agent_version"), 1}}), Allow,
         R::WithinScope},
        // The organisation's policy engine, asked only about what the delegation would allow.
        {"org policy allows", orgPolicy(OrgPolicyVerdict::Answer::Allow), Allow, R::WithinScope},
        {"org policy asks a person", orgPolicy(OrgPolicyVerdict::Answer::PersonRequired), StepUp,
         R::OrgPolicyStepUp},
        {"org policy denies", orgPolicy(OrgPolicyVerdict::Answer::Denied), Deny, R::OrgPolicyDenied},
        {"org policy unavailable", orgPolicy(OrgPolicyVerdict::Answer::Unavailable), Deny,
         R::OrgPolicyUnavailable},
        {"org policy not asked yet", orgPolicy(std::nullopt), Deny, R::OrgPolicyUnavailable},
        {"the delegation's own denial comes first", orgPolicy(OrgPolicyVerdict::Answer::Denied) + suspended(),
         Deny, R::AgentSuspended},
        {"the delegation's own step-up stands",
         orgPolicy(OrgPolicyVerdict::Answer::PersonRequired) + stepUpAbove(money(5000)), StepUp,
         R::StepUpThreshold},
        {"dual control stands over the org's person",
         orgPolicy(OrgPolicyVerdict::Answer::PersonRequired) + dualAbove(money(5000)), Dual,
         R::DualControlThreshold},
        {"org step-up confirmed",
         orgPolicy(OrgPolicyVerdict::Answer::PersonRequired) + approval(AK::StepUp, AS::Approved), Allow,
         R::Approved},
        {"org denial overrides an approval",
         stepUpAbove(money(5000)) + approval(AK::StepUp, AS::Approved) +
             orgPolicy(OrgPolicyVerdict::Answer::Denied),
         Deny, R::OrgPolicyDenied},
        // Scope matching.
        {"action not in scope", action(u"data.export"), Deny, R::ActionNotInScope},
        {"resource not in scope", resource(u"account:acc_2"), Deny, R::ResourceNotInScope},
        {"wildcard resource", scope(paymentsFrom(u"account:*")), Allow, R::WithinScope},
        {"destination not allowed", scope(ScopeBuilder().destinations({QStringLiteral("payee:db-bahn")})),
         Deny, R::DestinationNotAllowed},
        {"no destination with an allowlist",
         scope(ScopeBuilder().destinations({QStringLiteral("payee:lufthansa")})) + noDestination(), Deny,
         R::DestinationNotAllowed},
        {"destination in allowlist",
         scope(ScopeBuilder().destinations(
             {QStringLiteral("payee:db-bahn"), QStringLiteral("payee:lufthansa")})),
         Allow, R::WithinScope},
        {"destination wildcard", scope(ScopeBuilder().destinations({QStringLiteral("payee:*")})), Allow,
         R::WithinScope},
        {"sensitivity at ceiling", scope(ScopeBuilder().maxSensitivity(Sensitivity::Internal)), Allow,
         R::WithinScope},
        {"sensitivity one above ceiling",
         scope(ScopeBuilder().maxSensitivity(Sensitivity::Internal)) + sensitivity(Sensitivity::Confidential),
         Deny, R::SensitivityExceeded},
        {"no sensitivity under a ceiling",
         scope(ScopeBuilder().maxSensitivity(Sensitivity::Restricted)) + sensitivity(std::nullopt), Deny,
         R::SensitivityExceeded},
        {"second scope governs", scope(paymentsFrom(u"account:acc_2")) + alsoScope(anyPayment), Allow,
         R::WithinScope},
        {"scope without ceiling admits what another refuses",
         scope(ScopeBuilder().maxSensitivity(Sensitivity::Public)) + alsoScope(anyPayment), Allow,
         R::WithinScope},
        // Per-action limit.
        {"per-action limit equal", scope(ScopeBuilder().perAction(10000)), Allow, R::WithinScope},
        {"per-action limit one over", scope(ScopeBuilder().perAction(9999)), Deny, R::PerActionLimitExceeded},
        {"per-action limit without amount", scope(ScopeBuilder().perAction(10000)) + amount(std::nullopt),
         Deny, R::PerActionLimitExceeded},
        {"per-action limit in another currency",
         scope(ScopeBuilder().perAction(10000, QStringLiteral("USD"))), Deny, R::CurrencyMismatch},
        // Cumulative limits and uses.
        {"total reaches cap exactly", scope(ScopeBuilder().total(50000)) + used(3, {money(40000)}), Allow,
         R::WithinScope},
        {"total one over cap", scope(ScopeBuilder().total(49999)) + used(3, {money(40000)}), Deny,
         R::TotalLimitExceeded},
        {"total without amount", scope(ScopeBuilder().total(50000)) + amount(std::nullopt), Deny,
         R::TotalLimitExceeded},
        {"total in another currency", scope(ScopeBuilder().total(50000, QStringLiteral("USD"))), Deny,
         R::CurrencyMismatch},
        {"spending in other currencies does not count",
         scope(ScopeBuilder().total(10000)) + used(1, {money(50000, QStringLiteral("USD"))}), Allow,
         R::WithinScope},
        {"total overflow counts as exceeded",
         scope(ScopeBuilder().total(maxMinor)) + used(1, {money(maxMinor - 5000)}), Deny,
         R::TotalLimitExceeded},
        {"last use", scope(ScopeBuilder().uses(3)) + used(2), Allow, R::WithinScope},
        {"uses exhausted", scope(ScopeBuilder().uses(3)) + used(3), Deny, R::UsesExhausted},
        {"total decides before uses", scope(ScopeBuilder().total(5000).uses(1)) + used(1), Deny,
         R::TotalLimitExceeded},
        // Ancestors' caps and scopes.
        {"parent cap reached exactly", underParent(ScopeBuilder().total(50000), 4, {money(40000)}), Allow,
         R::WithinScope},
        {"parent cap one over", underParent(ScopeBuilder().total(50000), 4, {money(40001)}), Deny,
         R::TotalLimitExceeded},
        {"parent uses exhausted", underParent(ScopeBuilder().uses(5), 5), Deny, R::UsesExhausted},
        {"grandparent cap",
         underParent(anyPayment) + ancestor(DelegationBuilder(QStringLiteral("dlg_root"), kNow)
                                                .scope(ScopeBuilder().total(10000))
                                                .used(0, 1, {money(1)})
                                                .build()),
         Deny, R::TotalLimitExceeded},
        {"parent lacks the action", underParent(ScopeBuilder(QStringLiteral("data.read"))), Deny,
         R::ActionNotInScope},
        {"parent lacks the resource", underParent(paymentsFrom(u"account:acc_9")), Deny,
         R::ResourceNotInScope},
        {"parent destination allowlist",
         underParent(ScopeBuilder().destinations({QStringLiteral("payee:db-bahn")})), Deny,
         R::DestinationNotAllowed},
        {"parent sensitivity ceiling", underParent(ScopeBuilder().maxSensitivity(Sensitivity::Public)), Deny,
         R::SensitivityExceeded},
        // Whether every link may do it at all comes before whether enough is left.
        {"parent's scope decides before own total",
         scope(ScopeBuilder().total(5000)) + underParent(ScopeBuilder(QStringLiteral("data.read"))), Deny,
         R::ActionNotInScope},
        {"parent per-action limit binds the child", underParent(ScopeBuilder().perAction(5000)), Deny,
         R::PerActionLimitExceeded},
        {"parent per-action limit at the amount", underParent(ScopeBuilder().perAction(10000)), Allow,
         R::WithinScope},
        // Dual control.
        {"dual-control action", dualFor(u"payments.initiate"), Dual, R::DualControlAction},
        {"dual-control threshold equal", dualAbove(money(10000)), Allow, R::WithinScope},
        {"dual-control threshold one over", overDual, Dual, R::DualControlThreshold},
        {"dual-control threshold in another currency", dualAbove(money(9999, QStringLiteral("USD"))), Deny,
         R::CurrencyMismatch},
        {"dual control wins over step-up", overDual + overStepUp, Dual, R::DualControlThreshold},
        // Step-up.
        {"step-up threshold equal", stepUpAbove(money(10000)), Allow, R::WithinScope},
        {"step-up threshold one over", overStepUp, StepUp, R::StepUpThreshold},
        {"step-up threshold in another currency", stepUpAbove(money(9999, QStringLiteral("USD"))), Deny,
         R::CurrencyMismatch},
        {"payment without an amount is above the step-up threshold",
         stepUpAbove(money(5000)) + amount(std::nullopt), StepUp, R::StepUpThreshold},
        {"payment without an amount is above the dual-control threshold",
         dualAbove(money(5000)) + amount(std::nullopt), Dual, R::DualControlThreshold},
        {"sensitivity at step-up level", stepUpAt(Sensitivity::Internal), StepUp, R::SensitivityStepUp},
        {"sensitivity one below step-up level", stepUpAt(Sensitivity::Confidential), Allow, R::WithinScope},
        {"no sensitivity counts as restricted", stepUpAt(Sensitivity::Restricted) + sensitivity(std::nullopt),
         StepUp, R::SensitivityStepUp},
        // Retrying with an approval.
        {"approved step-up", overStepUp + approval(AK::StepUp, AS::Approved), Allow, R::Approved},
        {"step-up still pending", overStepUp + approval(AK::StepUp, AS::Pending), StepUp, R::ApprovalPending},
        {"step-up denied", overStepUp + approval(AK::StepUp, AS::Denied), Deny, R::ApprovalDenied},
        {"step-up expired", overStepUp + approval(AK::StepUp, AS::Expired), Deny, R::ApprovalExpired},
        {"approved but expiring now",
         overStepUp + approval(AK::StepUp, AS::Approved, [](Approval &a) { a.expiresAt = kNow; }), Deny,
         R::ApprovalExpired},
        {"approval already consumed",
         overStepUp + approval(AK::StepUp, AS::Approved, [](Approval &a) { a.consumed = true; }), Deny,
         R::ApprovalMismatch},
        {"approval for another amount",
         overStepUp +
             approval(AK::StepUp, AS::Approved, [](Approval &a) { a.request.amount = money(10001); }),
         Deny, R::ApprovalMismatch},
        {"approval for another destination",
         overStepUp + approval(AK::StepUp, AS::Approved) + destination(u"payee:x"), Deny,
         R::ApprovalMismatch},
        {"approval of another delegation",
         overStepUp + approval(AK::StepUp, AS::Approved,
                               [](Approval &a) { a.delegationId = QStringLiteral("dlg_2"); }),
         Deny, R::ApprovalMismatch},
        {"unknown approval id", overStepUp + unknownApproval(), Deny, R::ApprovalMismatch},
        {"step-up approval never satisfies dual control", overDual + approval(AK::StepUp, AS::Approved), Deny,
         R::ApprovalMismatch},
        {"dual-control approval satisfies step-up", overStepUp + approval(AK::DualControl, AS::Approved),
         Allow, R::Approved},
        {"approved dual control", overDual + approval(AK::DualControl, AS::Approved), Allow, R::Approved},
        {"dual control still pending", overDual + approval(AK::DualControl, AS::Pending), Dual,
         R::ApprovalPending},
        {"approval id without a threshold is ignored", approval(AK::StepUp, AS::Approved), Allow,
         R::WithinScope},
        {"approved sensitivity step-up without amounts",
         stepUpAt(Sensitivity::Internal) + amount(std::nullopt) + approval(AK::StepUp, AS::Approved), Allow,
         R::Approved},
    };
}

} // namespace

Q_DECLARE_METATYPE(mandate::test::DecisionScenario)
Q_DECLARE_METATYPE(mandate::DecisionOutcome)
Q_DECLARE_METATYPE(mandate::ReasonCode)
Q_DECLARE_METATYPE(mandate::ApprovalKind)
Q_DECLARE_METATYPE(mandate::Approval)
Q_DECLARE_METATYPE(mandate::AuthorizeRequest)

class TstDecisionEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decide_data();
    void decide();
    void everyReasonCodeIsReached();
    void orgPolicyWordsReachTheAgent();
    void orgPolicyNotAskedWritesNothing();
    void messages_data();
    void messages();
    void approvalRequests_data();
    void approvalRequests();
    void chargesCoverTheDelegationAndEveryAncestor();
    void chargesWithoutAmount();
    void noChargesUnlessAllowed_data();
    void noChargesUnlessAllowed();
    void approvedRetryConsumesTheApproval();
    void pendingApprovalIsEchoedNotRecreated();
    void approvalIdWithoutThresholdIsNotConsumed();
    void contextSideEffects_data();
    void contextSideEffects();
    void expiryMarksTheExpiredDelegation_data();
    void expiryMarksTheExpiredDelegation();
    void timeoutsFollowTheClock();
};

void TstDecisionEngine::decide_data()
{
    QTest::addColumn<S>("scenario");
    QTest::addColumn<DecisionOutcome>("outcome");
    QTest::addColumn<ReasonCode>("reason");
    for (const Row &row : decisionTable()) {
        QTest::newRow(row.name) << scenario(row.tweak) << row.outcome << row.reason;
    }
}

void TstDecisionEngine::decide()
{
    QFETCH(S, scenario);
    QFETCH(DecisionOutcome, outcome);
    QFETCH(ReasonCode, reason);

    const EngineResult result = scenario.decide();
    QCOMPARE(reasonCodeToString(result.reason), reasonCodeToString(reason));
    QCOMPARE(decisionOutcomeToString(result.outcome), decisionOutcomeToString(outcome));
    QVERIFY2(result.message.endsWith(u'.'), qPrintable(result.message));
}

void TstDecisionEngine::orgPolicyWordsReachTheAgent()
{
    const QString words = QStringLiteral("Payments to sanctioned payees are never allowed.");
    QCOMPARE(scenario(orgPolicy(OrgPolicyVerdict::Answer::Denied, words)).decide().message, words);
    const EngineResult plain = scenario(orgPolicy(OrgPolicyVerdict::Answer::Denied)).decide();
    QCOMPARE(plain.message, QStringLiteral("Your organisation's policy does not allow this."));
    const EngineResult person = scenario(orgPolicy(OrgPolicyVerdict::Answer::PersonRequired)).decide();
    QCOMPARE(person.approvalNeeded, std::optional<ApprovalKind>(ApprovalKind::StepUp));
    QVERIFY(!person.orgPolicyNeeded);
}

void TstDecisionEngine::orgPolicyNotAskedWritesNothing()
{
    const EngineResult result = scenario(orgPolicy(std::nullopt)).decide();
    QVERIFY(result.orgPolicyNeeded);
    QVERIFY(result.charges.isEmpty());
    QVERIFY(!result.approvalNeeded);
    // Nothing to ask about a request the delegation itself refuses.
    QVERIFY(!scenario(orgPolicy(std::nullopt) + suspended()).decide().orgPolicyNeeded);
}

void TstDecisionEngine::everyReasonCodeIsReached()
{
    QList<ReasonCode> reached;
    for (const Row &row : decisionTable()) {
        reached.append(scenario(row.tweak).decide().reason);
    }
    QStringList missing;
    for (const ReasonCode code : allReasonCodes()) {
        if (!reached.contains(code)) {
            missing.append(reasonCodeToString(code));
        }
    }
    QVERIFY2(missing.isEmpty(),
             qPrintable(QStringLiteral("never produced by the table: ") + missing.join(u", ")));
}

void TstDecisionEngine::messages_data()
{
    QTest::addColumn<S>("scenario");
    QTest::addColumn<QString>("message");

    const Tweak perAction = scope(ScopeBuilder().perAction(20000));
    QTest::newRow("per-action") << scenario(perAction + amount(money(25000)))
                                << QStringLiteral("EUR 250.00 is above this delegation's per-action limit of "
                                                  "EUR 200.00.");
    QTest::newRow("per-action without amount")
        << scenario(perAction + amount(std::nullopt))
        << QStringLiteral(
               "This action must state an amount: this delegation's per-action limit is EUR 200.00.");
    QTest::newRow("per-action currency")
        << scenario(perAction + amount(money(100, QStringLiteral("USD"))))
        << QStringLiteral("The amount is in USD, but this delegation's per-action limit is in EUR.");
    QTest::newRow("total") << scenario(scope(ScopeBuilder().total(120000)) + used(4, {money(100000)}) +
                                       amount(money(30000)))
                           << QStringLiteral(
                                  "EUR 300.00 more would bring this delegation's total to EUR 1,300.00, "
                                  "above its limit of EUR 1,200.00.");
    QTest::newRow("parent total") << scenario(underParent(ScopeBuilder().total(120000), 4, {money(100000)}) +
                                              amount(money(30000)))
                                  << QStringLiteral(
                                         "EUR 300.00 more would bring ancestor delegation dlg_parent's "
                                         "total to EUR 1,300.00, above its limit of EUR 1,200.00.");
    QTest::newRow("uses") << scenario(scope(ScopeBuilder().uses(3)) + used(3))
                          << QStringLiteral("This delegation has used all of its 3 allowed uses.");
    QTest::newRow("single use") << scenario(scope(ScopeBuilder().uses(1)) + used(1))
                                << QStringLiteral("This delegation has used all of its 1 allowed use.");
    QTest::newRow("action") << scenario(action(u"data.export"))
                            << QStringLiteral("This delegation does not allow data.export.");
    QTest::newRow("resource") << scenario(resource(u"account:acc_2"))
                              << QStringLiteral(
                                     "This delegation does not allow payments.initiate on account:acc_2.");
    QTest::newRow("destination") << scenario(
                                        scope(ScopeBuilder().destinations({QStringLiteral("payee:db-bahn")})))
                                 << QStringLiteral("payee:lufthansa is not an allowed destination for "
                                                   "payments.initiate under this delegation.");
    QTest::newRow("no destination")
        << scenario(scope(ScopeBuilder().destinations({QStringLiteral("payee:db-bahn")})) + noDestination())
        << QStringLiteral(
               "This delegation only allows listed destinations for payments.initiate, and the request "
               "names none.");
    QTest::newRow("sensitivity")
        << scenario(scope(ScopeBuilder().maxSensitivity(Sensitivity::Internal)) +
                    sensitivity(Sensitivity::Confidential))
        << QStringLiteral("Confidential data is above this delegation's sensitivity ceiling of internal.");
    QTest::newRow("expired") << scenario(expiresAt(kNow))
                             << QStringLiteral("This delegation expired at 2026-12-01T09:00:00.000Z.");
    QTest::newRow("idle") << scenario(idle(3600))
                          << QStringLiteral("This delegation expired after being idle for 3600 seconds since "
                                            "2026-12-01T08:00:00.000Z.");
    QTest::newRow("ancestor revoked")
        << scenario(ancestor(parentBuilder().status(DelegationStatus::Revoked).build()))
        << QStringLiteral("Ancestor delegation dlg_parent is revoked.");
    QTest::newRow("context") << scenario(watchContext() +
                                         boundContext({{QStringLiteral("agent_version"), 1}}))
                             << QStringLiteral("The request's \"agent_version\" differs from the value this "
                                               "delegation is bound to, so the delegation is revoked.");
    QTest::newRow("within scope") << scenario()
                                  << QStringLiteral(
                                         "payments.initiate on account:acc_1 is within this delegation's "
                                         "scope.");
    QTest::newRow("step-up") << scenario(stepUpAbove(money(9999)))
                             << QStringLiteral(
                                    "EUR 100.00 is above the step-up threshold of EUR 99.99, so the "
                                    "customer must confirm it.");
    QTest::newRow("approved") << scenario(stepUpAbove(money(9999)) + approval(AK::StepUp, AS::Approved))
                              << QStringLiteral("Allowed with approval apr_1.");
    QTest::newRow("approval mismatch")
        << scenario(stepUpAbove(money(9999)) + approval(AK::StepUp, AS::Approved) + amount(money(10001)))
        << QStringLiteral("Approval apr_1 was given for a different amount.");
}

void TstDecisionEngine::messages()
{
    QFETCH(S, scenario);
    QFETCH(QString, message);
    QCOMPARE(scenario.decide().message, message);
}

void TstDecisionEngine::approvalRequests_data()
{
    QTest::addColumn<S>("scenario");
    QTest::addColumn<DecisionOutcome>("outcome");
    QTest::addColumn<ApprovalKind>("kind");
    QTest::addColumn<QString>("summary");

    const Tweak bigPayment = amount(money(125000)) + stepUpAbove(money(20000));
    const Tweak noValue = amount(std::nullopt) + noDestination();
    QTest::newRow("payment above step-up")
        << scenario(bigPayment) << StepUp << AK::StepUp
        << QStringLiteral("Travel booker wants to pay EUR 1,250.00 to "
                          "payee:lufthansa — above your EUR 200.00 step-up "
                          "threshold");
    QTest::newRow("routed to approvers")
        << scenario(amount(money(125000)) + stepUpAbove(money(20000), StepUpApprover::Approver)) << StepUp
        << AK::StepUp
        << QStringLiteral("Travel booker wants to pay EUR 1,250.00 to payee:lufthansa — above the EUR 200.00 "
                          "step-up threshold");
    QTest::newRow("export at sensitivity")
        << scenario(retarget(u"data.export", u"dataset:crm/eu") + noValue + destination(u"bucket:exports") +
                    sensitivity(Sensitivity::Confidential) + stepUpAt(Sensitivity::Confidential))
        << StepUp << AK::StepUp
        << QStringLiteral(
               "Travel booker wants to export dataset:crm/eu to bucket:exports — confidential data, at "
               "or above your confidential step-up level");
    QTest::newRow("delete under dual control")
        << scenario(retarget(u"records.delete", u"record:cust_7") + noValue + dualFor(u"records.delete"))
        << Dual << AK::DualControl
        << QStringLiteral(
               "Travel booker wants to delete record:cust_7 — records.delete always needs two approvers");
    QTest::newRow("share without sensitivity")
        << scenario(retarget(u"data.share_external", u"dataset:crm/eu") + noValue +
                    destination(u"partner:acme") + sensitivity(std::nullopt) +
                    stepUpAt(Sensitivity::Restricted))
        << StepUp << AK::StepUp
        << QStringLiteral(
               "Travel booker wants to share dataset:crm/eu with partner:acme — sensitivity not stated "
               "(treated as restricted), at or above your restricted step-up level");
    QTest::newRow("other action above dual control")
        << scenario(retarget(u"records.update", u"record:cust_7") + noValue + amount(money(5000)) +
                    dualAbove(money(4000)))
        << Dual << AK::DualControl
        << QStringLiteral(
               "Travel booker wants to perform records.update on record:cust_7 for EUR 50.00 — above "
               "the EUR 40.00 dual-control threshold");
    QTest::newRow("sub-delegated agent")
        << scenario(bigPayment +
                    [](S &s) {
                        s.delegation.chain.append(ChainLink{ChainLink::Kind::Agent,
                                                            QStringLiteral("agt_flights"),
                                                            QStringLiteral("Flight booker"), QString()});
                    })
        << StepUp << AK::StepUp
        << QStringLiteral(
               "Flight booker wants to pay EUR 1,250.00 to payee:lufthansa — above your EUR 200.00 "
               "step-up threshold");
    QTest::newRow("unnamed agent") << scenario(bigPayment + [](S &s) { s.delegation.chain.clear(); })
                                   << StepUp << AK::StepUp
                                   << QStringLiteral(
                                          "agt_travel wants to pay EUR 1,250.00 to payee:lufthansa — "
                                          "above your EUR 200.00 step-up threshold");
}

void TstDecisionEngine::approvalRequests()
{
    QFETCH(S, scenario);
    QFETCH(DecisionOutcome, outcome);
    QFETCH(ApprovalKind, kind);
    QFETCH(QString, summary);

    const EngineResult result = scenario.decide();
    QCOMPARE(decisionOutcomeToString(result.outcome), decisionOutcomeToString(outcome));
    QCOMPARE(result.approvalNeeded, std::optional<ApprovalKind>(kind));
    QCOMPARE(result.approvalSummary, summary);
    QVERIFY(!result.approvalId);
    QVERIFY(!result.consumeApproval);
    QVERIFY(result.charges.isEmpty());
}

void TstDecisionEngine::chargesCoverTheDelegationAndEveryAncestor()
{
    const Delegation planner =
        DelegationBuilder(QStringLiteral("dlg_parent"), kNow)
            .scope(ScopeBuilder(QStringLiteral("data.read"), QStringLiteral("dataset:*")))
            .scope(paymentsFrom(u"account:*").total(100000))
            .build();
    const Delegation root =
        DelegationBuilder(QStringLiteral("dlg_root"), kNow).scope(paymentsFrom(u"account:*")).build();

    const EngineResult result = scenario(ancestor(planner) + ancestor(root)).decide();
    QCOMPARE(result.outcome, DecisionOutcome::Allow);
    const QList<ScopeCharge> expected{
        {QStringLiteral("dlg_1"), 0, money(10000)},
        {QStringLiteral("dlg_parent"), 1, money(10000)},
        {QStringLiteral("dlg_root"), 0, money(10000)},
    };
    QCOMPARE(result.charges, expected);
}

void TstDecisionEngine::chargesWithoutAmount()
{
    const EngineResult result =
        scenario(amount(std::nullopt) + underParent(ScopeBuilder().uses(10))).decide();
    const QList<ScopeCharge> expected{{QStringLiteral("dlg_1"), 0, std::nullopt},
                                      {QStringLiteral("dlg_parent"), 0, std::nullopt}};
    QCOMPARE(result.charges, expected);
}

void TstDecisionEngine::noChargesUnlessAllowed_data()
{
    QTest::addColumn<S>("scenario");
    QTest::newRow("deny") << scenario(scope(ScopeBuilder().perAction(1)));
    QTest::newRow("step-up required") << scenario(stepUpAbove(money(1)));
    QTest::newRow("approval pending") << scenario(stepUpAbove(money(1)) + approval(AK::StepUp, AS::Pending));
}

void TstDecisionEngine::noChargesUnlessAllowed()
{
    QFETCH(S, scenario);
    const EngineResult result = scenario.decide();
    QVERIFY(result.outcome != DecisionOutcome::Allow);
    QVERIFY(result.charges.isEmpty());
    QVERIFY(!result.consumeApproval);
}

void TstDecisionEngine::approvedRetryConsumesTheApproval()
{
    const EngineResult result =
        scenario(stepUpAbove(money(9999)) + approval(AK::StepUp, AS::Approved)).decide();
    QCOMPARE(result.reason, ReasonCode::Approved);
    QVERIFY(result.consumeApproval);
    QCOMPARE(result.approvalId, std::optional<QString>(QStringLiteral("apr_1")));
    QVERIFY(!result.approvalNeeded);
    const QList<ScopeCharge> expected{{QStringLiteral("dlg_1"), 0, money(10000)}};
    QCOMPARE(result.charges, expected);
}

void TstDecisionEngine::pendingApprovalIsEchoedNotRecreated()
{
    const EngineResult result =
        scenario(stepUpAbove(money(9999)) + approval(AK::StepUp, AS::Pending)).decide();
    QCOMPARE(result.outcome, DecisionOutcome::StepUpRequired);
    QCOMPARE(result.reason, ReasonCode::ApprovalPending);
    QCOMPARE(result.approvalId, std::optional<QString>(QStringLiteral("apr_1")));
    QVERIFY(!result.approvalNeeded);
    QVERIFY(result.approvalSummary.isEmpty());
    QVERIFY(!result.consumeApproval);
}

void TstDecisionEngine::approvalIdWithoutThresholdIsNotConsumed()
{
    const EngineResult result = scenario(approval(AK::StepUp, AS::Approved)).decide();
    QCOMPARE(result.reason, ReasonCode::WithinScope);
    QVERIFY(!result.consumeApproval);
    QVERIFY(!result.approvalId);
    QCOMPARE(result.charges.size(), 1);
}

void TstDecisionEngine::contextSideEffects_data()
{
    QTest::addColumn<S>("scenario");
    QTest::addColumn<bool>("bindContext");
    QTest::addColumn<bool>("revoke");
    QTest::addColumn<ReasonCode>("reason");

    QTest::newRow("first request binds") << scenario(watchContext()) << true << false << R::WithinScope;
    QTest::newRow("binds even when a later check denies")
        << scenario(watchContext() + action(u"data.export")) << true << false << R::ActionNotInScope;
    QTest::newRow("agent checked before binding")
        << scenario(watchContext() + caller(u"agt_other")) << false << false << R::AgentMismatch;
    QTest::newRow("already bound, unchanged")
        << scenario(watchContext() + boundToRequest()) << false << false << R::WithinScope;
    QTest::newRow("bound key changed revokes")
        << scenario(watchContext() + boundToRequest() + requestContext(u"agent_version", 2)) << false << true
        << R::ContextChanged;
    QTest::newRow("not watched") << scenario() << false << false << R::WithinScope;
}

void TstDecisionEngine::contextSideEffects()
{
    QFETCH(S, scenario);
    QFETCH(bool, bindContext);
    QFETCH(bool, revoke);
    QFETCH(ReasonCode, reason);

    const EngineResult result = scenario.decide();
    QCOMPARE(reasonCodeToString(result.reason), reasonCodeToString(reason));
    QCOMPARE(result.bindContext, bindContext);
    QCOMPARE(result.revokeForContextChange, revoke);
}

void TstDecisionEngine::expiryMarksTheExpiredDelegation_data()
{
    QTest::addColumn<S>("scenario");
    QTest::addColumn<QString>("expiredDelegationId");

    QTest::newRow("own expiry") << scenario(expiresAt(kNow.addSecs(-1))) << QStringLiteral("dlg_1");
    QTest::newRow("own idle timeout") << scenario(idle(60)) << QStringLiteral("dlg_1");
    QTest::newRow("ancestor expiry")
        << scenario(underParent(ScopeBuilder()) +
                    ancestor(DelegationBuilder(QStringLiteral("dlg_root"), kNow).expiresAt(kNow).build()))
        << QStringLiteral("dlg_root");
    QTest::newRow("revoked is not marked") << scenario(status(DelegationStatus::Revoked)) << QString();
    QTest::newRow("allowed is not marked") << scenario() << QString();
}

void TstDecisionEngine::expiryMarksTheExpiredDelegation()
{
    QFETCH(S, scenario);
    QFETCH(QString, expiredDelegationId);

    const EngineResult result = scenario.decide();
    QCOMPARE(result.expiredDelegationId, expiredDelegationId);
    const auto expectedStatus = expiredDelegationId.isEmpty()
                                    ? std::nullopt
                                    : std::optional<DelegationStatus>(DelegationStatus::Expired);
    QCOMPARE(result.markStatus, expectedStatus);
}

void TstDecisionEngine::timeoutsFollowTheClock()
{
    MockClock clock;
    S s(clock.now());
    s.delegation.revokeOn.idleSeconds = 900;
    s.delegation.usage.lastUsedAt = clock.now();
    s.delegation.expiresAt = clock.now().addSecs(1700);
    const auto advance = [&](qint64 seconds) {
        clock.advanceSeconds(seconds);
        s.now = clock.now();
        return s.decide();
    };

    QCOMPARE(advance(899).reason, ReasonCode::WithinScope);
    QCOMPARE(advance(1).reason, ReasonCode::DelegationExpired);

    // A use restarts the idle timer, but the hard expiry still ends the delegation.
    s.delegation.usage.lastUsedAt = clock.now();
    QCOMPARE(advance(600).reason, ReasonCode::WithinScope);
    QCOMPARE(advance(200).message, QStringLiteral("This delegation expired at 2026-12-01T09:28:20.000Z."));
}

QTEST_APPLESS_MAIN(TstDecisionEngine)
#include "tst_DecisionEngine.moc"
