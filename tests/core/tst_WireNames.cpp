#include "core/AgentStatus.h"
#include "core/Approval.h"
#include "core/Decision.h"
#include "core/Delegation.h"
#include "core/ReasonCode.h"
#include "core/Sensitivity.h"

#include <QTest>

using namespace mandate;

// The enum spellings on the wire are API.md's; a typo here would break every client silently.
class TstWireNames : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reasonCodes();
    void sensitivity_data();
    void sensitivity();
    void decisionOutcome_data();
    void decisionOutcome();
    void approvalEnums();
    void agentStatus();
    void delegationStatus_data();
    void delegationStatus();
    void unknownNames_data();
    void unknownNames();
};

void TstWireNames::reasonCodes()
{
    const QStringList expected{
        QStringLiteral("within_scope"),
        QStringLiteral("approved"),
        QStringLiteral("delegation_not_active"),
        QStringLiteral("delegation_expired"),
        QStringLiteral("agent_mismatch"),
        QStringLiteral("agent_suspended"),
        QStringLiteral("action_not_in_scope"),
        QStringLiteral("resource_not_in_scope"),
        QStringLiteral("destination_not_allowed"),
        QStringLiteral("sensitivity_exceeded"),
        QStringLiteral("per_action_limit_exceeded"),
        QStringLiteral("total_limit_exceeded"),
        QStringLiteral("uses_exhausted"),
        QStringLiteral("currency_mismatch"),
        QStringLiteral("context_changed"),
        QStringLiteral("step_up_threshold"),
        QStringLiteral("sensitivity_step_up"),
        QStringLiteral("dual_control_threshold"),
        QStringLiteral("dual_control_action"),
        QStringLiteral("approval_pending"),
        QStringLiteral("approval_denied"),
        QStringLiteral("approval_expired"),
        QStringLiteral("approval_mismatch"),
        QStringLiteral("org_policy_step_up"),
        QStringLiteral("org_policy_denied"),
        QStringLiteral("org_policy_unavailable"),
        QStringLiteral("outside_schedule"),
    };
    const QList<ReasonCode> codes = allReasonCodes();
    QCOMPARE(codes.size(), expected.size());
    for (qsizetype i = 0; i < codes.size(); ++i) {
        QCOMPARE(static_cast<qsizetype>(codes[i]), i);
        QCOMPARE(reasonCodeToString(codes[i]), expected[i]);
        QCOMPARE(reasonCodeFromString(expected[i]), std::optional<ReasonCode>(codes[i]));
    }
}

void TstWireNames::sensitivity_data()
{
    QTest::addColumn<Sensitivity>("level");
    QTest::addColumn<QString>("name");

    QTest::newRow("public") << Sensitivity::Public << QStringLiteral("public");
    QTest::newRow("internal") << Sensitivity::Internal << QStringLiteral("internal");
    QTest::newRow("confidential") << Sensitivity::Confidential << QStringLiteral("confidential");
    QTest::newRow("restricted") << Sensitivity::Restricted << QStringLiteral("restricted");
}

void TstWireNames::sensitivity()
{
    QFETCH(Sensitivity, level);
    QFETCH(QString, name);

    QCOMPARE(sensitivityToString(level), name);
    QCOMPARE(sensitivityFromString(name), std::optional<Sensitivity>(level));
}

void TstWireNames::decisionOutcome_data()
{
    QTest::addColumn<DecisionOutcome>("outcome");
    QTest::addColumn<QString>("name");

    QTest::newRow("allow") << DecisionOutcome::Allow << QStringLiteral("allow");
    QTest::newRow("deny") << DecisionOutcome::Deny << QStringLiteral("deny");
    QTest::newRow("step_up_required")
        << DecisionOutcome::StepUpRequired << QStringLiteral("step_up_required");
    QTest::newRow("dual_control_required")
        << DecisionOutcome::DualControlRequired << QStringLiteral("dual_control_required");
}

void TstWireNames::decisionOutcome()
{
    QFETCH(DecisionOutcome, outcome);
    QFETCH(QString, name);

    QCOMPARE(decisionOutcomeToString(outcome), name);
    QCOMPARE(decisionOutcomeFromString(name), std::optional<DecisionOutcome>(outcome));
}

void TstWireNames::approvalEnums()
{
    const QList<std::pair<ApprovalKind, QString>> kinds{
        {ApprovalKind::StepUp, QStringLiteral("step_up")},
        {ApprovalKind::DualControl, QStringLiteral("dual_control")},
    };
    for (const auto &[kind, name] : kinds) {
        QCOMPARE(approvalKindToString(kind), name);
        QCOMPARE(approvalKindFromString(name), std::optional<ApprovalKind>(kind));
    }

    const QList<std::pair<ApprovalStatus, QString>> statuses{
        {ApprovalStatus::Pending, QStringLiteral("pending")},
        {ApprovalStatus::Approved, QStringLiteral("approved")},
        {ApprovalStatus::Denied, QStringLiteral("denied")},
        {ApprovalStatus::Expired, QStringLiteral("expired")},
    };
    for (const auto &[status, name] : statuses) {
        QCOMPARE(approvalStatusToString(status), name);
        QCOMPARE(approvalStatusFromString(name), std::optional<ApprovalStatus>(status));
    }

    const QList<std::pair<ApprovalVerdict, QString>> verdicts{
        {ApprovalVerdict::Approve, QStringLiteral("approve")},
        {ApprovalVerdict::Deny, QStringLiteral("deny")},
    };
    for (const auto &[verdict, name] : verdicts) {
        QCOMPARE(approvalVerdictToString(verdict), name);
        QCOMPARE(approvalVerdictFromString(name), std::optional<ApprovalVerdict>(verdict));
    }
}

void TstWireNames::agentStatus()
{
    for (const auto &[status, name] :
         QList<std::pair<AgentStatus, QString>>{{AgentStatus::Active, QStringLiteral("active")},
                                                {AgentStatus::Suspended, QStringLiteral("suspended")}}) {
        QCOMPARE(agentStatusToString(status), name);
        QCOMPARE(agentStatusFromString(name), std::optional<AgentStatus>(status));
    }
    QCOMPARE(agentStatusFromString(u"Active"), std::nullopt);
}

void TstWireNames::delegationStatus_data()
{
    QTest::addColumn<DelegationStatus>("status");
    QTest::addColumn<QString>("name");

    QTest::newRow("active") << DelegationStatus::Active << QStringLiteral("active");
    QTest::newRow("revoked") << DelegationStatus::Revoked << QStringLiteral("revoked");
    QTest::newRow("expired") << DelegationStatus::Expired << QStringLiteral("expired");
    QTest::newRow("completed") << DelegationStatus::Completed << QStringLiteral("completed");
}

void TstWireNames::delegationStatus()
{
    QFETCH(DelegationStatus, status);
    QFETCH(QString, name);

    QCOMPARE(delegationStatusToString(status), name);
    QCOMPARE(delegationStatusFromString(name), std::optional<DelegationStatus>(status));
}

void TstWireNames::unknownNames_data()
{
    QTest::addColumn<QString>("name");

    QTest::newRow("empty") << QString();
    QTest::newRow("capitalised") << QStringLiteral("Approved");
    QTest::newRow("uppercase") << QStringLiteral("PENDING");
    QTest::newRow("trailing space") << QStringLiteral("deny ");
    QTest::newRow("camel case") << QStringLiteral("stepUp");
    QTest::newRow("hyphenated") << QStringLiteral("step-up");
    QTest::newRow("made up") << QStringLiteral("secret");
}

void TstWireNames::unknownNames()
{
    QFETCH(QString, name);

    QCOMPARE(reasonCodeFromString(name), std::nullopt);
    QCOMPARE(sensitivityFromString(name), std::nullopt);
    QCOMPARE(decisionOutcomeFromString(name), std::nullopt);
    QCOMPARE(approvalKindFromString(name), std::nullopt);
    QCOMPARE(approvalStatusFromString(name), std::nullopt);
    QCOMPARE(approvalVerdictFromString(name), std::nullopt);
    QCOMPARE(delegationStatusFromString(name), std::nullopt);
}

QTEST_APPLESS_MAIN(TstWireNames)
#include "tst_WireNames.moc"
