#include "core/ApprovalCodec.h"
#include "core/StrictJson.h"
#include "tests/support/JsonPatch.h"
#include "tests/support/JsonTestHelpers.h"
#include "tests/support/TestValues.h"

#include <QJsonArray>
#include <QTest>

using mandate::test::describe;
using mandate::test::parse;

using namespace mandate;
using namespace mandate::test;

namespace {

QDateTime utc(int hour, int minute, int second = 0)
{
    return QDateTime(QDate(2026, 12, 1), QTime(hour, minute, second), Qt::UTC);
}

// A dual-control approval one approver has approved and another has denied.
Approval deniedDualControl()
{
    Approval approval;
    approval.id = QStringLiteral("apr_1");
    approval.kind = ApprovalKind::DualControl;
    approval.status = ApprovalStatus::Denied;
    approval.delegationId = QStringLiteral("dlg_1");
    approval.purpose = QStringLiteral("Book the Berlin trip");
    approval.agent = PartyRef{QStringLiteral("agt_travel"), QStringLiteral("Travel booker"),
                              QStringLiteral("spiffe://demo.mandate.local/travel-booker")};
    approval.customer = PartyRef{QStringLiteral("usr_alice"), QStringLiteral("Alice"), QString()};
    approval.request =
        ApprovalRequestDetails{QStringLiteral("payments.initiate"), QStringLiteral("account:acc_1"),
                               money(125000), QStringLiteral("payee:lufthansa"), Sensitivity::Internal};
    approval.reason = ReasonCode::DualControlThreshold;
    approval.summary =
        QString::fromUtf8("Travel booker wants to pay EUR 1,250.00 to payee:lufthansa \xE2\x80\x94 "
                          "above the EUR 1,000.00 dual-control threshold");
    approval.requiredApprovals = 2;
    approval.decisions = {
        ApprovalDecisionRecord{PartyRef{QStringLiteral("usr_carol"), QStringLiteral("Carol"), QString()},
                               ApprovalVerdict::Approve, QString(), utc(9, 2)},
        ApprovalDecisionRecord{PartyRef{QStringLiteral("usr_dave"), QStringLiteral("Dave"), QString()},
                               ApprovalVerdict::Deny, QStringLiteral("Not a trip we approved"),
                               utc(9, 4, 30)},
    };
    approval.createdAt = utc(9, 0);
    approval.expiresAt = utc(9, 15);
    approval.resolvedAt = utc(9, 4, 30);
    return approval;
}

// (moc takes "//" inside a raw string for a comment, so the SPIFFE ID is written with "\/".)
const char *const DeniedDualControlJson = R"({
  "id": "apr_1", "kind": "dual_control", "status": "denied", "delegation_id": "dlg_1",
  "agent": {"id": "agt_travel", "name": "Travel booker", "spiffe_id": "spiffe:\/\/demo.mandate.local/travel-booker"},
  "customer": {"id": "usr_alice", "name": "Alice"},
  "request": {"action": "payments.initiate", "resource": "account:acc_1",
              "amount": {"amount_minor": 125000, "currency": "EUR"}, "destination": "payee:lufthansa",
              "sensitivity": "internal"},
  "reason": "dual_control_threshold",
  "purpose": "Book the Berlin trip",
  "summary": "Travel booker wants to pay EUR 1,250.00 to payee:lufthansa \u2014 above the EUR 1,000.00 dual-control threshold",
  "required_approvals": 2,
  "decisions": [
    {"user": {"id": "usr_carol", "name": "Carol"}, "decision": "approve", "reason": null,
     "at": "2026-12-01T09:02:00.000Z"},
    {"user": {"id": "usr_dave", "name": "Dave"}, "decision": "deny", "reason": "Not a trip we approved",
     "at": "2026-12-01T09:04:30.000Z"}
  ],
  "created_at": "2026-12-01T09:00:00.000Z", "expires_at": "2026-12-01T09:15:00.000Z",
  "resolved_at": "2026-12-01T09:04:30.000Z", "consumed": false
})";

} // namespace

class TstApprovalCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesEveryField();
    void writesNullForAbsentParts();
    void roundTrips_data();
    void roundTrips();
    void rejectsInvalidApprovals_data();
    void rejectsInvalidApprovals();
    void readsDecisionBodies_data();
    void readsDecisionBodies();
    void rejectsInvalidDecisionBodies_data();
    void rejectsInvalidDecisionBodies();
    void writesDecisionBodies();
};

void TstApprovalCodec::writesEveryField()
{
    QCOMPARE(ApprovalCodec::toJson(deniedDualControl()), parse(DeniedDualControlJson));
}

void TstApprovalCodec::writesNullForAbsentParts()
{
    Approval approval = deniedDualControl();
    approval.status = ApprovalStatus::Pending;
    approval.request.amount.reset();
    approval.request.destination.reset();
    approval.request.sensitivity.reset();
    approval.decisions.clear();
    approval.resolvedAt.reset();
    const QJsonObject json = ApprovalCodec::toJson(approval);
    QCOMPARE(json.value(QStringLiteral("request")).toObject(),
             parse(R"({"action": "payments.initiate", "resource": "account:acc_1", "amount": null,
                       "destination": null, "sensitivity": null})"));
    QCOMPARE(json.value(QStringLiteral("decisions")).toArray(), QJsonArray());
    QVERIFY(json.value(QStringLiteral("resolved_at")).isNull());
    QCOMPARE(json.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
}

void TstApprovalCodec::roundTrips_data()
{
    QTest::addColumn<Approval>("approval");

    QTest::newRow("denied dual control") << deniedDualControl();
    Approval consumedStepUp = deniedDualControl();
    consumedStepUp.kind = ApprovalKind::StepUp;
    consumedStepUp.status = ApprovalStatus::Approved;
    consumedStepUp.reason = ReasonCode::SensitivityStepUp;
    consumedStepUp.requiredApprovals = 1;
    consumedStepUp.decisions.removeLast();
    consumedStepUp.consumed = true;
    consumedStepUp.request.amount.reset();
    QTest::newRow("consumed step-up") << consumedStepUp;
    Approval expired = deniedDualControl();
    expired.status = ApprovalStatus::Expired;
    expired.decisions.clear();
    expired.request.destination.reset();
    QTest::newRow("expired") << expired;
}

void TstApprovalCodec::roundTrips()
{
    QFETCH(Approval, approval);

    const auto decoded = ApprovalCodec::fromJson(ApprovalCodec::toJson(approval));
    QVERIFY(decoded.hasValue());
    QVERIFY(*decoded == approval);
}

void TstApprovalCodec::rejectsInvalidApprovals_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("replacement"); // JSON text; empty removes the field
    QTest::addColumn<QStringList>("errors");

    auto row = [](const char *name, const char *path, const QByteArray &replacement,
                  const QStringList &errors) {
        QTest::newRow(name) << QString::fromUtf8(path) << replacement << errors;
    };
    row("unknown kind", "kind", "\"four_eyes\"",
        {QStringLiteral("kind: must be one of step_up, dual_control")});
    row("unknown status", "status", "\"withdrawn\"",
        {QStringLiteral("status: must be one of pending, approved, denied, expired, cancelled")});
    row("empty id", "id", "\"\"", {QStringLiteral("id: must not be empty")});
    row("agent without SPIFFE ID", "agent.spiffe_id", "", {QStringLiteral("agent.spiffe_id: is required")});
    row("customer with SPIFFE ID", "customer.spiffe_id", "\"spiffe://demo.mandate.local/alice\"",
        {QStringLiteral("customer.spiffe_id: unknown field")});
    row("customer as string", "customer", "\"usr_alice\"", {QStringLiteral("customer: must be an object")});
    row("float amount", "request.amount.amount_minor", "1250.5",
        {QStringLiteral("request.amount.amount_minor: must be an integer (no fraction or exponent)")});
    row("unknown request currency", "request.amount.currency", "\"XAU\"",
        {QStringLiteral("request.amount.currency: is not a known ISO 4217 currency")});
    row("unknown field in request", "request.context", "{}",
        {QStringLiteral("request.context: unknown field")});
    row("unknown reason code", "reason", "\"too_expensive\"",
        {QStringLiteral("reason: is not a known reason code")});
    row("three approvals", "required_approvals", "3",
        {QStringLiteral("required_approvals: must be between 1 and 2")});
    row("no approvals", "required_approvals", "0",
        {QStringLiteral("required_approvals: must be between 1 and 2")});
    row("required approvals as string", "required_approvals", "\"2\"",
        {QStringLiteral("required_approvals: must be an integer")});
    row("unknown verdict", "decisions[1].decision", "\"reject\"",
        {QStringLiteral("decisions[1].decision: must be one of approve, deny")});
    row("decision without user", "decisions[0].user", "", {QStringLiteral("decisions[0].user: is required")});
    row("user with SPIFFE ID", "decisions[0].user.spiffe_id", "\"x\"",
        {QStringLiteral("decisions[0].user.spiffe_id: unknown field")});
    row("oversized decision reason", "decisions[1].reason", '"' + QByteArray(1001, 'r') + '"',
        {QStringLiteral("decisions[1].reason: must be at most 1000 characters")});
    row("decision time not a timestamp", "decisions[0].at", "\"09:02\"",
        {QStringLiteral("decisions[0].at: must be an RFC 3339 timestamp such as 2026-12-03T10:00:00Z")});
    row("unknown field in a decision", "decisions[0].role", "\"approver\"",
        {QStringLiteral("decisions[0].role: unknown field")});
    row("decisions as object", "decisions", "{}", {QStringLiteral("decisions: must be an array")});
    row("too many decisions", "decisions", '[' + QByteArray("{},").repeated(16) + "{}]",
        {QStringLiteral("decisions: must have at most 16 items")});
    row("consumed as string", "consumed", "\"no\"", {QStringLiteral("consumed: must be a boolean")});
    row("missing consumed", "consumed", "", {QStringLiteral("consumed: is required")});
    row("unknown top-level field", "approvers", "[]", {QStringLiteral("approvers: unknown field")});
}

void TstApprovalCodec::rejectsInvalidApprovals()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, replacement);
    QFETCH(QStringList, errors);

    const auto approval =
        ApprovalCodec::fromJson(JsonPatch::apply(parse(DeniedDualControlJson), path, replacement));
    QVERIFY(!approval.hasValue());
    QCOMPARE(describe(approval.error()), errors);
}

void TstApprovalCodec::readsDecisionBodies_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("verdict");
    QTest::addColumn<QString>("reason");

    QTest::newRow("approve without reason")
        << QByteArray(R"({"decision": "approve"})") << int(ApprovalVerdict::Approve) << QString();
    QTest::newRow("approve with null reason") << QByteArray(R"({"decision": "approve", "reason": null})")
                                              << int(ApprovalVerdict::Approve) << QString();
    QTest::newRow("deny with reason")
        << QByteArray(R"({"decision": "deny", "reason": "Not a trip we approved"})")
        << int(ApprovalVerdict::Deny) << QStringLiteral("Not a trip we approved");
    QTest::newRow("reason of 1000 characters")
        << QByteArray(R"({"decision": "deny", "reason": ")" + QByteArray(1000, 'r') + "\"}")
        << int(ApprovalVerdict::Deny) << QString(1000, u'r');
}

void TstApprovalCodec::readsDecisionBodies()
{
    QFETCH(QByteArray, json);
    QFETCH(int, verdict);
    QFETCH(QString, reason);

    const auto body = ApprovalCodec::decisionBodyFromJson(parse(json));
    QVERIFY(body.hasValue());
    QCOMPARE(int(body->verdict), verdict);
    QCOMPARE(body->reason, reason);
}

void TstApprovalCodec::rejectsInvalidDecisionBodies_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("errors");

    QTest::newRow("empty body") << QByteArray("{}") << QStringList{QStringLiteral("decision: is required")};
    QTest::newRow("past tense") << QByteArray(R"({"decision": "approved"})")
                                << QStringList{QStringLiteral("decision: must be one of approve, deny")};
    QTest::newRow("boolean decision")
        << QByteArray(R"({"decision": true})") << QStringList{QStringLiteral("decision: must be a string")};
    QTest::newRow("reason of 1001 characters")
        << QByteArray(R"({"decision": "deny", "reason": ")" + QByteArray(1001, 'r') + "\"}")
        << QStringList{QStringLiteral("reason: must be at most 1000 characters")};
    QTest::newRow("numeric reason") << QByteArray(R"({"decision": "deny", "reason": 42})")
                                    << QStringList{QStringLiteral("reason: must be a string")};
    QTest::newRow("unknown field") << QByteArray(R"({"decision": "approve", "comment": "ok"})")
                                   << QStringList{QStringLiteral("comment: unknown field")};
}

void TstApprovalCodec::rejectsInvalidDecisionBodies()
{
    QFETCH(QByteArray, json);
    QFETCH(QStringList, errors);

    const auto body = ApprovalCodec::decisionBodyFromJson(parse(json));
    QVERIFY(!body.hasValue());
    QCOMPARE(describe(body.error()), errors);
}

void TstApprovalCodec::writesDecisionBodies()
{
    const ApprovalCodec::DecisionBody deny{ApprovalVerdict::Deny, QStringLiteral("Not a trip we approved")};
    const QJsonObject json = ApprovalCodec::decisionBodyToJson(deny);
    QCOMPARE(json, parse(R"({"decision": "deny", "reason": "Not a trip we approved"})"));
    const auto decoded = ApprovalCodec::decisionBodyFromJson(json);
    QVERIFY(decoded.hasValue());
    QCOMPARE(decoded->verdict, deny.verdict);
    QCOMPARE(decoded->reason, deny.reason);
}

QTEST_APPLESS_MAIN(TstApprovalCodec)
#include "tst_ApprovalCodec.moc"
