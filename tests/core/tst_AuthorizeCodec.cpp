#include "core/AuthorizeCodec.h"
#include "core/CanonicalJson.h"
#include "core/CanonicalJsonWriter.h"
#include "core/StrictJson.h"
#include "tests/support/JsonPatch.h"
#include "tests/support/JsonTestHelpers.h"
#include "tests/support/TestValues.h"

#include <QTest>

using mandate::test::describe;
using mandate::test::parse;

using namespace mandate;
using namespace mandate::test;

namespace {

// API.md's example request.
const char *const ExampleRequestJson = R"({
  "delegation_id": "dlg_1", "action": "payments.initiate", "resource": "account:acc_1",
  "amount": {"amount_minor": 25000, "currency": "EUR"}, "destination": "payee:lufthansa",
  "sensitivity": "internal", "context": {"agent_version": "1.4.2"}, "approval_id": null
})";

AuthorizeRequest exampleRequest()
{
    AuthorizeRequest request;
    request.delegationId = QStringLiteral("dlg_1");
    request.action = QStringLiteral("payments.initiate");
    request.resource = QStringLiteral("account:acc_1");
    request.amount = money(25000);
    request.destination = QStringLiteral("payee:lufthansa");
    request.sensitivity = Sensitivity::Internal;
    request.context = QJsonObject{{QStringLiteral("agent_version"), QStringLiteral("1.4.2")}};
    return request;
}

} // namespace

class TstAuthorizeCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsTheApiExample();
    void writesEveryField();
    void writesNullForAbsentParts();
    void roundTripsRequests_data();
    void roundTripsRequests();
    void writesTheAuditedFormCanonically_data() { roundTripsRequests_data(); }
    void writesTheAuditedFormCanonically();
    void acceptsFlatContexts();
    void rejectsInvalidRequests_data();
    void rejectsInvalidRequests();
    void writesDecisions();
    void roundTripsDecisions_data();
    void roundTripsDecisions();
    void rejectsInvalidDecisions_data();
    void rejectsInvalidDecisions();
};

void TstAuthorizeCodec::readsTheApiExample()
{
    const auto request = AuthorizeCodec::requestFromJson(parse(ExampleRequestJson));
    QVERIFY(request.hasValue());
    QVERIFY(*request == exampleRequest());
}

void TstAuthorizeCodec::writesEveryField()
{
    QCOMPARE(AuthorizeCodec::requestToJson(exampleRequest()), parse(ExampleRequestJson));
}

void TstAuthorizeCodec::writesNullForAbsentParts()
{
    AuthorizeRequest request;
    request.delegationId = QStringLiteral("dlg_9");
    request.action = QStringLiteral("data.read");
    request.resource = QStringLiteral("dataset:crm");
    QCOMPARE(
        AuthorizeCodec::requestToJson(request),
        parse(R"({"delegation_id": "dlg_9", "action": "data.read", "resource": "dataset:crm", "amount": null,
                       "destination": null, "sensitivity": null, "context": {}, "approval_id": null})"));
}

void TstAuthorizeCodec::roundTripsRequests_data()
{
    QTest::addColumn<AuthorizeRequest>("request");

    QTest::newRow("API example") << exampleRequest();
    AuthorizeRequest withApproval = exampleRequest();
    withApproval.approvalId = QStringLiteral("apr_7");
    withApproval.sensitivity = Sensitivity::Restricted;
    withApproval.context.insert(QStringLiteral("attempt"), 2);
    withApproval.context.insert(QStringLiteral("ratio"), 0.25);
    withApproval.context.insert(QStringLiteral("interactive"), false);
    QTest::newRow("with approval and rich context") << withApproval;
    AuthorizeRequest bare;
    bare.delegationId = QStringLiteral("dlg_2");
    bare.action = QStringLiteral("records.delete");
    bare.resource = QStringLiteral("record:*");
    QTest::newRow("bare") << bare;
}

void TstAuthorizeCodec::roundTripsRequests()
{
    QFETCH(AuthorizeRequest, request);

    const auto decoded = AuthorizeCodec::requestFromJson(AuthorizeCodec::requestToJson(request));
    QVERIFY(decoded.hasValue());
    QVERIFY(*decoded == request);
}

// A decision's audit event records the request without its delegation id, written straight as
// canonical bytes: they must be the canonical form of what requestToJson() says.
void TstAuthorizeCodec::writesTheAuditedFormCanonically()
{
    QFETCH(AuthorizeRequest, request);
    QJsonObject expected = AuthorizeCodec::requestToJson(request);
    expected.remove(QStringLiteral("delegation_id"));
    CanonicalJsonWriter written;
    AuthorizeCodec::writeAudited(written, request);
    QCOMPARE(written.take(), CanonicalJson::serialize(expected));

    // Past 2^53, where a double would round.
    AuthorizeRequest large = request;
    large.amount = *Money::of(9007199254740993, QStringLiteral("EUR"));
    expected = AuthorizeCodec::requestToJson(large);
    expected.remove(QStringLiteral("delegation_id"));
    CanonicalJsonWriter again;
    AuthorizeCodec::writeAudited(again, large);
    QCOMPARE(again.take(), CanonicalJson::serialize(expected));
}

void TstAuthorizeCodec::acceptsFlatContexts()
{
    QJsonObject body = parse(ExampleRequestJson);
    QJsonObject context;
    for (int i = 0; i < 32; ++i)
        context.insert(QStringLiteral("k%1").arg(i), i % 3 == 0 ? QJsonValue(i) : QJsonValue(i % 3 == 1));
    context.insert(QStringLiteral("k0"), QString(4096, u'x'));
    body.insert(QStringLiteral("context"), context);
    const auto request = AuthorizeCodec::requestFromJson(body);
    QVERIFY(request.hasValue());
    QCOMPARE(request->context, context);

    body.insert(QStringLiteral("context"), QJsonValue::Null);
    const auto withoutContext = AuthorizeCodec::requestFromJson(body);
    QVERIFY(withoutContext.hasValue());
    QCOMPARE(withoutContext->context, QJsonObject());
}

void TstAuthorizeCodec::rejectsInvalidRequests_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("replacement"); // JSON text; empty removes the field
    QTest::addColumn<QStringList>("errors");

    auto row = [](const char *name, const char *path, const QByteArray &replacement,
                  const QStringList &errors) {
        QTest::newRow(name) << QString::fromUtf8(path) << replacement << errors;
    };
    const QString actionError =
        QStringLiteral("must be an action name of the form domain.verb, such as payments.initiate");
    const QString patternError =
        QStringLiteral("a resource pattern has the form kind:id, such as account:acc_1");

    row("missing delegation_id", "delegation_id", "", {QStringLiteral("delegation_id: is required")});
    row("empty delegation_id", "delegation_id", "\"\"", {QStringLiteral("delegation_id: must not be empty")});
    row("numeric delegation_id", "delegation_id", "1", {QStringLiteral("delegation_id: must be a string")});
    row("missing action", "action", "", {QStringLiteral("action: is required")});
    row("action without a domain", "action", "\"pay\"", {QStringLiteral("action: ") + actionError});
    row("missing resource", "resource", "null", {QStringLiteral("resource: is required")});
    row("resource without kind", "resource", "\"acc_1\"", {QStringLiteral("resource: ") + patternError});
    row("oversized resource", "resource", "\"account:" + QByteArray(4096, 'a') + '"',
        {QStringLiteral("resource: must be at most 4096 characters")});
    row("float amount", "amount.amount_minor", "250.5",
        {QStringLiteral("amount.amount_minor: must be an integer (no fraction or exponent)")});
    row("2^63 amount", "amount.amount_minor", "9223372036854775808",
        {QStringLiteral("amount.amount_minor: must be at most 9223372036854775807")});
    row("negative amount", "amount.amount_minor", "-25000",
        {QStringLiteral("amount.amount_minor: must not be negative")});
    row("unknown currency", "amount.currency", "\"BTC\"",
        {QStringLiteral("amount.currency: is not a known ISO 4217 currency")});
    row("amount as a number", "amount", "25000", {QStringLiteral("amount: must be an object")});
    row("unknown field in amount", "amount.exponent", "2",
        {QStringLiteral("amount.exponent: unknown field")});
    row("destination without kind", "destination", "\"lufthansa\"",
        {QStringLiteral("destination: ") + patternError});
    row("numeric destination", "destination", "7", {QStringLiteral("destination: must be a string")});
    row("unknown sensitivity", "sensitivity", "\"top-secret\"",
        {QStringLiteral("sensitivity: must be one of public, internal, confidential, restricted")});
    row("context as array", "context", "[]", {QStringLiteral("context: must be an object")});
    row("context as string", "context", "\"v1\"", {QStringLiteral("context: must be an object")});
    row("nested context", "context.client", R"({"version": "1"})",
        {QStringLiteral("context.client: must be a string, number or boolean")});
    row("array in context", "context.tags", R"(["a"])",
        {QStringLiteral("context.tags: must be a string, number or boolean")});
    row("null in context", "context.session", "null",
        {QStringLiteral("context.session: must be a string, number or boolean")});
    row("oversized context value", "context.agent_version", '"' + QByteArray(4097, 'v') + '"',
        {QStringLiteral("context.agent_version: must be at most 4096 characters")});
    QByteArray manyKeys = "{";
    for (int i = 0; i < 33; ++i)
        manyKeys += (i ? ",\"k" : "\"k") + QByteArray::number(i) + "\":1";
    manyKeys += '}';
    row("33 context keys", "context", manyKeys, {QStringLiteral("context: must have at most 32 keys")});
    row("numeric approval_id", "approval_id", "7", {QStringLiteral("approval_id: must be a string")});
    row("unknown top-level field", "amount_minor", "25000", {QStringLiteral("amount_minor: unknown field")});
    row("agent-chosen decision", "decision", "\"allow\"", {QStringLiteral("decision: unknown field")});
}

void TstAuthorizeCodec::rejectsInvalidRequests()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, replacement);
    QFETCH(QStringList, errors);

    const auto request =
        AuthorizeCodec::requestFromJson(JsonPatch::apply(parse(ExampleRequestJson), path, replacement));
    QVERIFY(!request.hasValue());
    QCOMPARE(describe(request.error()), errors);
}

void TstAuthorizeCodec::writesDecisions()
{
    Decision decision;
    decision.outcome = DecisionOutcome::StepUpRequired;
    decision.reason = ReasonCode::StepUpThreshold;
    decision.message = QStringLiteral("EUR 250.00 is above the EUR 200.00 step-up threshold.");
    decision.approvalId = QStringLiteral("apr_1");
    decision.decisionId = QStringLiteral("dec_1");
    QCOMPARE(AuthorizeCodec::decisionToJson(decision),
             parse(R"({"decision": "step_up_required", "reason": "step_up_threshold",
                       "message": "EUR 250.00 is above the EUR 200.00 step-up threshold.",
                       "approval_id": "apr_1", "decision_id": "dec_1"})"));

    decision.approvalId.reset();
    QVERIFY(AuthorizeCodec::decisionToJson(decision).value(QStringLiteral("approval_id")).isNull());
}

void TstAuthorizeCodec::roundTripsDecisions_data()
{
    QTest::addColumn<Decision>("decision");

    for (const ReasonCode code : allReasonCodes()) {
        Decision decision;
        decision.outcome = code == ReasonCode::WithinScope || code == ReasonCode::Approved
                               ? DecisionOutcome::Allow
                               : DecisionOutcome::Deny;
        decision.reason = code;
        decision.message = QStringLiteral("Because ") + reasonCodeToString(code) + u'.';
        decision.decisionId = QStringLiteral("dec_") + reasonCodeToString(code);
        QTest::newRow(qPrintable(reasonCodeToString(code))) << decision;
    }
    Decision dualControl;
    dualControl.outcome = DecisionOutcome::DualControlRequired;
    dualControl.reason = ReasonCode::DualControlAction;
    dualControl.approvalId = QStringLiteral("apr_2");
    dualControl.decisionId = QStringLiteral("dec_2");
    QTest::newRow("dual control with approval") << dualControl;
}

void TstAuthorizeCodec::roundTripsDecisions()
{
    QFETCH(Decision, decision);

    const auto decoded = AuthorizeCodec::decisionFromJson(AuthorizeCodec::decisionToJson(decision));
    QVERIFY(decoded.hasValue());
    QVERIFY(*decoded == decision);
}

void TstAuthorizeCodec::rejectsInvalidDecisions_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("replacement");
    QTest::addColumn<QStringList>("errors");

    auto row = [](const char *name, const char *path, const QByteArray &replacement,
                  const QStringList &errors) {
        QTest::newRow(name) << QString::fromUtf8(path) << replacement << errors;
    };
    row("unknown outcome", "decision", "\"maybe\"",
        {QStringLiteral("decision: must be one of allow, deny, step_up_required, dual_control_required")});
    row("unknown reason", "reason", "\"because\"", {QStringLiteral("reason: is not a known reason code")});
    row("missing message", "message", "", {QStringLiteral("message: is required")});
    row("missing decision_id", "decision_id", "", {QStringLiteral("decision_id: is required")});
    row("numeric approval_id", "approval_id", "1", {QStringLiteral("approval_id: must be a string")});
    row("unknown field", "allowed", "true", {QStringLiteral("allowed: unknown field")});
}

void TstAuthorizeCodec::rejectsInvalidDecisions()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, replacement);
    QFETCH(QStringList, errors);

    const QJsonObject valid =
        parse(R"({"decision": "allow", "reason": "within_scope", "message": "Within scope.",
                                        "approval_id": null, "decision_id": "dec_1"})");
    QVERIFY(AuthorizeCodec::decisionFromJson(valid).hasValue());
    const auto decision = AuthorizeCodec::decisionFromJson(JsonPatch::apply(valid, path, replacement));
    QVERIFY(!decision.hasValue());
    QCOMPARE(describe(decision.error()), errors);
}

QTEST_APPLESS_MAIN(TstAuthorizeCodec)
#include "tst_AuthorizeCodec.moc"
