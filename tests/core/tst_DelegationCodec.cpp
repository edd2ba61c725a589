#include "core/DelegationCodec.h"
#include "core/StrictJson.h"
#include "tests/support/DelegationBuilder.h"
#include "tests/support/JsonPatch.h"
#include "tests/support/JsonTestHelpers.h"
#include "tests/support/SampleDelegations.h"
#include "tests/support/ScopeBuilder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using mandate::test::describe;
using mandate::test::parse;

using namespace mandate;
using namespace mandate::test;

namespace {

QDateTime utc(int year, int month, int day, int hour, int minute = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), Qt::UTC);
}

// The same delegation as API.md spells it, plus the per-scope "used" extension. (moc takes "//" and
// a slash before "*" inside a raw string for comments, so raw JSON here writes "spiffe:\/\/" and
// avoids wildcards after a slash.)
const char *const FullyPopulatedJson = R"({
  "id": "dlg_1", "customer_id": "usr_alice", "agent_id": "agt_travel", "parent_id": "dlg_0",
  "purpose": "Book flights for the Berlin trip, 3\u20136 Dec",
  "status": "revoked",
  "created_at": "2026-12-01T08:00:00.000Z", "expires_at": "2026-12-08T09:00:00.000Z", "not_before": null,
  "revoked_at": "2026-12-01T08:45:00.000Z", "revoked_by": "usr_sam", "revoke_reason": "customer asked",
  "scopes": [{
    "action": "payments.initiate", "resource": "account:acc_1",
    "max_per_action": {"amount_minor": 50000, "currency": "EUR"},
    "max_total": {"amount_minor": 120000, "currency": "EUR"},
    "max_uses": 10,
    "destinations": ["payee:lufthansa", "payee:db-*"],
    "max_sensitivity": "confidential",
    "used": {"uses": 2, "spent": {"amount_minor": 42000, "currency": "EUR"}}
  }, {
    "action": "data.read", "resource": "dataset:crm-*",
    "max_per_action": null, "max_total": null, "max_uses": null, "destinations": null, "max_sensitivity": null,
    "used": {"uses": 1, "spent": null}
  }],
  "step_up": {"above": {"amount_minor": 20000, "currency": "EUR"}, "sensitivity_at_or_above": "confidential",
              "approver": "approver"},
  "dual_control": {"above": {"amount_minor": 100000, "currency": "EUR"}, "actions": ["records.delete"]},
  "revoke_on": {"task_complete": true, "idle_seconds": 3600, "context_change": true},
  "usage": {"uses": 3, "spent": [{"amount_minor": 42000, "currency": "EUR"}],
            "last_used_at": "2026-12-01T08:30:00.000Z"},
  "chain": [{"kind": "customer", "id": "usr_alice", "name": "Alice"},
            {"kind": "agent", "id": "agt_travel", "name": "Travel booker",
             "spiffe_id": "spiffe:\/\/demo.mandate.local/travel-booker"}],
  "children": ["dlg_2"]
})";

const char *const CustomerGrantJson = R"({
  "agent_id": "agt_travel",
  "purpose": "Book flights for the Berlin trip",
  "expires_at": "2026-12-08T09:00:00Z",
  "scopes": [{
    "action": "payments.initiate", "resource": "account:acc_1",
    "max_per_action": {"amount_minor": 50000, "currency": "EUR"},
    "max_total": {"amount_minor": 120000, "currency": "EUR"},
    "max_uses": 10,
    "destinations": ["payee:lufthansa", "payee:db-bahn"],
    "max_sensitivity": "confidential"
  }],
  "step_up": {"above": {"amount_minor": 20000, "currency": "EUR"}, "sensitivity_at_or_above": "confidential",
              "approver": "customer"},
  "dual_control": {"above": {"amount_minor": 100000, "currency": "EUR"}, "actions": ["records.delete"]},
  "revoke_on": {"task_complete": true, "idle_seconds": 3600, "context_change": true}
})";

} // namespace

class TstDelegationCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesEveryFieldOfApiMd();
    void writesNullForAbsentParts();
    void roundTripsAFullyPopulatedDelegation();
    void roundTripsThroughBytes();
    void showsScopeSpendingInTheCapCurrency_data();
    void showsScopeSpendingInTheCapCurrency();
    void keepsScopeSpendingInAnotherCurrency();
    void readsGrants();
    void roundTripsGrants_data();
    void roundTripsGrants();
    void defaultsOptionalGrantParts();
    void rejectsInvalidGrants_data();
    void rejectsInvalidGrants();
    void rejectsInvalidDelegations_data();
    void rejectsInvalidDelegations();
    void refusesMalformedBodiesBeforeReading_data();
    void refusesMalformedBodiesBeforeReading();
    void readsEmbeddedParts();
};

void TstDelegationCodec::writesEveryFieldOfApiMd()
{
    QCOMPARE(DelegationCodec::toJson(fullyPopulatedDelegation()), parse(FullyPopulatedJson));
}

void TstDelegationCodec::writesNullForAbsentParts()
{
    const QJsonObject json = DelegationCodec::toJson(DelegationBuilder().scope(ScopeBuilder()).build());
    for (const char *key :
         {"parent_id", "revoked_at", "revoked_by", "revoke_reason", "step_up", "dual_control"})
        QVERIFY2(json.value(QLatin1StringView(key)).isNull(), key);
    QCOMPARE(json.value(QStringLiteral("revoke_on")).toObject(),
             parse(R"({"task_complete": false, "idle_seconds": null, "context_change": false})"));
    QCOMPARE(json.value(QStringLiteral("usage")).toObject(),
             parse(R"({"uses": 0, "spent": [], "last_used_at": null})"));
    QCOMPARE(json.value(QStringLiteral("children")).toArray(), QJsonArray());
    QCOMPARE(json.value(QStringLiteral("status")).toString(), QStringLiteral("active"));
}

void TstDelegationCodec::roundTripsAFullyPopulatedDelegation()
{
    const Delegation original = fullyPopulatedDelegation();
    const auto decoded = DelegationCodec::fromJson(DelegationCodec::toJson(original));
    QVERIFY2(decoded.hasValue(),
             qPrintable(decoded.hasValue() ? QString() : describe(decoded.error()).join(u'\n')));
    QCOMPARE(decoded->scopes, original.scopes);
    QCOMPARE(decoded->scopeUsage, original.scopeUsage);
    QCOMPARE(decoded->chain, original.chain);
    QCOMPARE(decoded->usage, original.usage);
    QVERIFY(*decoded == original);
}

void TstDelegationCodec::roundTripsThroughBytes()
{
    const Delegation original = fullyPopulatedDelegation();
    const QByteArray bytes = QJsonDocument(DelegationCodec::toJson(original)).toJson(QJsonDocument::Compact);
    const auto parsed = StrictJson::parseObject(bytes);
    QVERIFY(parsed.hasValue());
    const auto decoded = DelegationCodec::fromJson(*parsed);
    QVERIFY(decoded.hasValue());
    QVERIFY(*decoded == original);
}

void TstDelegationCodec::showsScopeSpendingInTheCapCurrency_data()
{
    QTest::addColumn<Scope>("scope");
    QTest::addColumn<ScopeUsage>("usage");
    QTest::addColumn<QByteArray>("expected");

    const Scope capped = ScopeBuilder().total(100000, QStringLiteral("USD"));
    const Scope uncapped = ScopeBuilder();
    QTest::newRow("cap currency among several")
        << capped << ScopeUsage{4, {money(500), money(700, QStringLiteral("USD"))}}
        << QByteArray(R"({"uses":4,"spent":{"amount_minor":700,"currency":"USD"}})");
    QTest::newRow("nothing spent in the cap currency shows the first")
        << capped << ScopeUsage{1, {money(500)}}
        << QByteArray(R"({"uses":1,"spent":{"amount_minor":500,"currency":"EUR"}})");
    QTest::newRow("no cap shows the first currency")
        << uncapped << ScopeUsage{2, {money(300, QStringLiteral("JPY")), money(500)}}
        << QByteArray(R"({"uses":2,"spent":{"amount_minor":300,"currency":"JPY"}})");
    QTest::newRow("unused") << uncapped << ScopeUsage{} << QByteArray(R"({"uses":0,"spent":null})");
}

void TstDelegationCodec::showsScopeSpendingInTheCapCurrency()
{
    QFETCH(Scope, scope);
    QFETCH(ScopeUsage, usage);
    QFETCH(QByteArray, expected);

    QCOMPARE(DelegationCodec::scopeUsageToJson(usage, scope), parse(expected.constData()));
}

void TstDelegationCodec::keepsScopeSpendingInAnotherCurrency()
{
    const Delegation original = DelegationBuilder()
                                    .scope(ScopeBuilder().total(100000, QStringLiteral("USD")))
                                    .used(0, 1, {money(500, QStringLiteral("CHF"))})
                                    .build();
    const auto decoded = DelegationCodec::fromJson(DelegationCodec::toJson(original));
    QVERIFY(decoded.hasValue());
    QCOMPARE(decoded->scopeUsage, original.scopeUsage);
}

void TstDelegationCodec::readsGrants()
{
    const auto grant =
        DelegationCodec::grantFromJson(parse(CustomerGrantJson), DelegationCodec::GrantKind::Customer);
    QVERIFY(grant.hasValue());
    QCOMPARE(grant->agentId, QStringLiteral("agt_travel"));
    QCOMPARE(grant->agentSpiffeId, QString());
    QCOMPARE(grant->purpose, QStringLiteral("Book flights for the Berlin trip"));
    QCOMPARE(grant->expiresAt, utc(2026, 12, 8, 9));
    const Scope expectedScope =
        ScopeBuilder()
            .perAction(50000)
            .total(120000)
            .uses(10)
            .destinations({QStringLiteral("payee:lufthansa"), QStringLiteral("payee:db-bahn")})
            .maxSensitivity(Sensitivity::Confidential);
    QCOMPARE(grant->scopes, QList<Scope>{expectedScope});
    QVERIFY(grant->stepUp ==
            (StepUpPolicy{money(20000), Sensitivity::Confidential, StepUpApprover::Customer}));
    QVERIFY(grant->dualControl == (DualControlPolicy{money(100000), {QStringLiteral("records.delete")}}));
    QVERIFY(grant->revokeOn == (RevokeOn{true, 3600, true}));
}

void TstDelegationCodec::roundTripsGrants_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("agentKey");

    QTest::newRow("customer grant") << int(DelegationCodec::GrantKind::Customer)
                                    << QStringLiteral("agent_id");
    QTest::newRow("sub-delegation") << int(DelegationCodec::GrantKind::SubDelegation)
                                    << QStringLiteral("agent_spiffe_id");
}

void TstDelegationCodec::roundTripsGrants()
{
    QFETCH(int, kind);
    QFETCH(QString, agentKey);
    const auto grantKind = DelegationCodec::GrantKind(kind);

    DelegationGrant grant = DelegationBuilder().scope(ScopeBuilder().total(5000)).grant();
    grant.stepUp = StepUpPolicy{std::nullopt, Sensitivity::Restricted, StepUpApprover::Customer};
    grant.dualControl = DualControlPolicy{std::nullopt, {QStringLiteral("records.delete")}};
    if (grantKind == DelegationCodec::GrantKind::Customer)
        grant.agentSpiffeId.clear();
    else
        grant.agentId.clear();

    const QJsonObject json = DelegationCodec::grantToJson(grant, grantKind);
    QCOMPARE(json.keys(), (QStringList{agentKey, QStringLiteral("dual_control"), QStringLiteral("expires_at"),
                                       QStringLiteral("purpose"), QStringLiteral("revoke_on"),
                                       QStringLiteral("scopes"), QStringLiteral("step_up")}));
    const auto decoded = DelegationCodec::grantFromJson(json, grantKind);
    QVERIFY(decoded.hasValue());
    QVERIFY(*decoded == grant);
}

void TstDelegationCodec::defaultsOptionalGrantParts()
{
    const auto grant = DelegationCodec::grantFromJson(
        parse(
            R"({"agent_spiffe_id": "spiffe:\/\/demo.mandate.local/bill-payer", "purpose": "Pay the power bill",
                  "expires_at": "2026-12-02T09:00:00+01:00",
                  "scopes": [{"action": "payments.initiate", "resource": "account:acc_1"}],
                  "step_up": null, "dual_control": null, "revoke_on": {"idle_seconds": 600}})"),
        DelegationCodec::GrantKind::SubDelegation);
    QVERIFY(grant.hasValue());
    QCOMPARE(grant->agentSpiffeId, QStringLiteral("spiffe://demo.mandate.local/bill-payer"));
    QCOMPARE(grant->expiresAt, utc(2026, 12, 2, 8));
    QCOMPARE(grant->scopes, QList<Scope>{ScopeBuilder().build()});
    QVERIFY(!grant->stepUp);
    QVERIFY(!grant->dualControl);
    QVERIFY(grant->revokeOn == (RevokeOn{false, 600, false}));
}

void TstDelegationCodec::rejectsInvalidGrants_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("replacement"); // JSON text; empty removes the field
    QTest::addColumn<QStringList>("errors");

    const int customer = int(DelegationCodec::GrantKind::Customer);
    const int subDelegation = int(DelegationCodec::GrantKind::SubDelegation);
    auto row = [&](const char *name, const char *path, const QByteArray &replacement, QStringList errors,
                   int kind = int(DelegationCodec::GrantKind::Customer)) {
        QTest::newRow(name) << kind << QString::fromUtf8(path) << replacement << errors;
    };
    const QString money = QStringLiteral("scopes[0].max_total.amount_minor");
    const QString notAnInteger = QStringLiteral("must be an integer (no fraction or exponent)");

    // Shape of the body and its fields.
    row("missing agent_id", "agent_id", "", {QStringLiteral("agent_id: is required")});
    row("null agent_id", "agent_id", "null", {QStringLiteral("agent_id: is required")});
    row("numeric agent_id", "agent_id", "7", {QStringLiteral("agent_id: must be a string")});
    row("empty agent_id", "agent_id", "\"\"", {QStringLiteral("agent_id: must not be empty")});
    row("purpose as array", "purpose", "[\"a\"]", {QStringLiteral("purpose: must be a string")});
    row("oversized purpose", "purpose", '"' + QByteArray(4097, 'x') + '"',
        {QStringLiteral("purpose: must be at most 4096 characters")});
    row("missing expires_at", "expires_at", "", {QStringLiteral("expires_at: is required")});
    row("expires_at without offset", "expires_at", "\"2026-12-08T09:00:00\"",
        {QStringLiteral("expires_at: must be an RFC 3339 timestamp such as 2026-12-03T10:00:00Z")});
    row("expires_at as epoch", "expires_at", "1796720400",
        {QStringLiteral("expires_at: must be an RFC 3339 timestamp such as 2026-12-03T10:00:00Z")});
    row("missing scopes", "scopes", "", {QStringLiteral("scopes: is required")});
    row("scopes as object", "scopes", "{}", {QStringLiteral("scopes: must be an array")});
    row("too many scopes", "scopes", '[' + QByteArray("{},").repeated(64) + "{}]",
        {QStringLiteral("scopes: must have at most 64 items")});
    row("scope as string", "scopes[0]", "\"payments.initiate\"",
        {QStringLiteral("scopes[0]: must be an object")});
    row("numeric action", "scopes[0].action", "1", {QStringLiteral("scopes[0].action: must be a string")});
    row("missing resource", "scopes[0].resource", "", {QStringLiteral("scopes[0].resource: is required")});
    row("resource without kind", "scopes[0].resource", "\"acc_1\"",
        {QStringLiteral(
            "scopes[0].resource: a resource pattern has the form kind:id, such as account:acc_1")});
    row("oversized resource", "scopes[0].resource", "\"account:" + QByteArray(5000, 'a') + '"',
        {QStringLiteral("scopes[0].resource: must be at most 4096 characters")});

    // Money.
    row("float amount", money.toUtf8(), "1.5", {money + QStringLiteral(": ") + notAnInteger});
    row("exponent amount", money.toUtf8(), "1.25e1", {money + QStringLiteral(": ") + notAnInteger});
    row("2^63 amount", money.toUtf8(), "9223372036854775808",
        {money + QStringLiteral(": must be at most 9223372036854775807")});
    row("negative amount", money.toUtf8(), "-1", {money + QStringLiteral(": must not be negative")});
    row("amount as string", money.toUtf8(), "\"120000\"", {money + QStringLiteral(": must be an integer")});
    row("missing amount", money.toUtf8(), "", {money + QStringLiteral(": is required")});
    row("unknown currency", "scopes[0].max_total.currency", "\"EURO\"",
        {QStringLiteral("scopes[0].max_total.currency: is not a known ISO 4217 currency")});
    row("withdrawn currency", "scopes[0].max_per_action.currency", "\"DEM\"",
        {QStringLiteral("scopes[0].max_per_action.currency: is not a known ISO 4217 currency")});
    row("amount and currency both bad", "scopes[0].max_total", R"({"amount_minor": -5, "currency": "eur"})",
        {money + QStringLiteral(": must not be negative"),
         QStringLiteral("scopes[0].max_total.currency: is not a known ISO 4217 currency")});
    row("money as a number", "scopes[0].max_per_action", "50000",
        {QStringLiteral("scopes[0].max_per_action: must be an object")});
    row("step-up threshold as float", "step_up.above.amount_minor", "199.99",
        {QStringLiteral("step_up.above.amount_minor: ") + notAnInteger});
    row("dual-control currency as number", "dual_control.above.currency", "978",
        {QStringLiteral("dual_control.above.currency: must be a string")});

    // Other limits.
    row("float max_uses", "scopes[0].max_uses", "2.5",
        {QStringLiteral("scopes[0].max_uses: ") + notAnInteger});
    row("string max_uses", "scopes[0].max_uses", "\"10\"",
        {QStringLiteral("scopes[0].max_uses: must be an integer")});
    row("2^63 max_uses", "scopes[0].max_uses", "9223372036854775808",
        {QStringLiteral("scopes[0].max_uses: must be at most 9223372036854775807")});
    row("destinations as string", "scopes[0].destinations", "\"payee:lufthansa\"",
        {QStringLiteral("scopes[0].destinations: must be an array")});
    row("numeric destination", "scopes[0].destinations[1]", "7",
        {QStringLiteral("scopes[0].destinations[1]: must be a string")});
    row("invalid destination", "scopes[0].destinations[0]", "\"lufthansa\"",
        {QStringLiteral(
            "scopes[0].destinations[0]: a resource pattern has the form kind:id, such as account:acc_1")});
    row("unknown sensitivity", "scopes[0].max_sensitivity", "\"secret\"",
        {QStringLiteral(
            "scopes[0].max_sensitivity: must be one of public, internal, confidential, restricted")});
    row("step_up as bool", "step_up", "true", {QStringLiteral("step_up: must be an object")});
    row("unknown approver", "step_up.approver", "\"manager\"",
        {QStringLiteral("step_up.approver: must be one of customer, approver")});
    row("dual-control actions as string", "dual_control.actions", "\"records.delete\"",
        {QStringLiteral("dual_control.actions: must be an array")});
    row("numeric dual-control action", "dual_control.actions[0]", "1",
        {QStringLiteral("dual_control.actions[0]: must be a string")});
    row("float idle_seconds", "revoke_on.idle_seconds", "3600.5",
        {QStringLiteral("revoke_on.idle_seconds: ") + notAnInteger});
    row("string task_complete", "revoke_on.task_complete", "\"yes\"",
        {QStringLiteral("revoke_on.task_complete: must be a boolean")});
    row("revoke_on as array", "revoke_on", "[]", {QStringLiteral("revoke_on: must be an object")});

    // Unknown fields at every level, including everything only the server sets.
    for (const char *serverField : {"id", "customer_id", "parent_id", "status", "created_at", "revoked_at",
                                    "usage", "chain", "children"}) {
        const QByteArray name = QByteArray("server-set ") + serverField;
        row(name.constData(), serverField, "null",
            {QString::fromUtf8(serverField) + QStringLiteral(": unknown field")});
    }
    row("typo at the top", "expires", "\"2026-12-08T09:00:00Z\"", {QStringLiteral("expires: unknown field")});
    row("typo in a scope", "scopes[0].max_totl", R"({"amount_minor": 1, "currency": "EUR"})",
        {QStringLiteral("scopes[0].max_totl: unknown field")});
    row("usage extension in a grant", "scopes[0].used", R"({"uses": 0, "spent": null})",
        {QStringLiteral("scopes[0].used: unknown field")});
    row("unknown field in money", "scopes[0].max_total.minor_units", "2",
        {QStringLiteral("scopes[0].max_total.minor_units: unknown field")});
    row("unknown field in step_up", "step_up.above_amount", "1",
        {QStringLiteral("step_up.above_amount: unknown field")});
    row("unknown field in step-up money", "step_up.above.scale", "2",
        {QStringLiteral("step_up.above.scale: unknown field")});
    row("unknown field in dual_control", "dual_control.approvers", "2",
        {QStringLiteral("dual_control.approvers: unknown field")});
    row("unknown field in revoke_on", "revoke_on.on_logout", "true",
        {QStringLiteral("revoke_on.on_logout: unknown field")});

    // The sub-delegation body names its agent by SPIFFE ID.
    row("agent_id in a sub-delegation", "purpose", "\"x\"",
        {QStringLiteral("agent_spiffe_id: is required"), QStringLiteral("agent_id: unknown field")},
        subDelegation);
    row("agent_spiffe_id in a customer grant", "agent_spiffe_id", "\"spiffe://demo.mandate.local/a\"",
        {QStringLiteral("agent_spiffe_id: unknown field")}, customer);
}

void TstDelegationCodec::rejectsInvalidGrants()
{
    QFETCH(int, kind);
    QFETCH(QString, path);
    QFETCH(QByteArray, replacement);
    QFETCH(QStringList, errors);

    const QJsonObject body = JsonPatch::apply(parse(CustomerGrantJson), path, replacement);
    const auto grant = DelegationCodec::grantFromJson(body, DelegationCodec::GrantKind(kind));
    QVERIFY(!grant.hasValue());
    QCOMPARE(describe(grant.error()), errors);
}

void TstDelegationCodec::rejectsInvalidDelegations_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("replacement");
    QTest::addColumn<QStringList>("errors");

    auto row = [](const char *name, const char *path, const QByteArray &replacement,
                  const QStringList &errors) {
        QTest::newRow(name) << QString::fromUtf8(path) << replacement << errors;
    };

    row("missing id", "id", "", {QStringLiteral("id: is required")});
    row("numeric customer_id", "customer_id", "42", {QStringLiteral("customer_id: must be a string")});
    row("unknown status", "status", "\"paused\"",
        {QStringLiteral("status: must be one of active, revoked, expired, completed")});
    row("bad created_at", "created_at", "\"yesterday\"",
        {QStringLiteral("created_at: must be an RFC 3339 timestamp such as 2026-12-03T10:00:00Z")});
    row("parent_id as number", "parent_id", "0", {QStringLiteral("parent_id: must be a string")});
    row("negative scope uses", "scopes[0].used.uses", "-1",
        {QStringLiteral("scopes[0].used.uses: must not be negative")});
    row("scope spending as a list", "scopes[0].used.spent", "[]",
        {QStringLiteral("scopes[0].used.spent: must be an object")});
    row("unknown field in scope usage", "scopes[1].used.remaining", "3",
        {QStringLiteral("scopes[1].used.remaining: unknown field")});
    row("missing usage", "usage", "", {QStringLiteral("usage: is required")});
    row("float usage uses", "usage.uses", "3.5",
        {QStringLiteral("usage.uses: must be an integer (no fraction or exponent)")});
    row("spent as object", "usage.spent", R"({"amount_minor": 1, "currency": "EUR"})",
        {QStringLiteral("usage.spent: must be an array")});
    row("unknown spent currency", "usage.spent[0].currency", "\"XXX\"",
        {QStringLiteral("usage.spent[0].currency: is not a known ISO 4217 currency")});
    row("2^63 spent", "usage.spent[0].amount_minor", "9223372036854775808",
        {QStringLiteral("usage.spent[0].amount_minor: must be at most 9223372036854775807")});
    row("unknown field in usage", "usage.remaining", "null",
        {QStringLiteral("usage.remaining: unknown field")});
    row("unknown chain kind", "chain[0].kind", "\"robot\"",
        {QStringLiteral("chain[0].kind: must be one of customer, agent")});
    row("agent link without SPIFFE ID", "chain[1].spiffe_id", "",
        {QStringLiteral("chain[1].spiffe_id: is required")});
    row("customer link with SPIFFE ID", "chain[0].spiffe_id", "\"spiffe://demo.mandate.local/alice\"",
        {QStringLiteral("chain[0].spiffe_id: only agent links have a SPIFFE ID")});
    row("unknown field in a chain link", "chain[0].email", "\"alice@example.com\"",
        {QStringLiteral("chain[0].email: unknown field")});
    row("chain link as string", "chain[1]", "\"agt_travel\"",
        {QStringLiteral("chain[1]: must be an object")});
    row("numeric child", "children[0]", "2", {QStringLiteral("children[0]: must be a string")});
    row("bound context is not on the wire", "bound_context", "{}",
        {QStringLiteral("bound_context: unknown field")});
    row("unknown field at the top", "scope", "[]", {QStringLiteral("scope: unknown field")});
}

void TstDelegationCodec::rejectsInvalidDelegations()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, replacement);
    QFETCH(QStringList, errors);

    const QJsonObject json = JsonPatch::apply(parse(FullyPopulatedJson), path, replacement);
    const auto delegation = DelegationCodec::fromJson(json);
    QVERIFY(!delegation.hasValue());
    QCOMPARE(describe(delegation.error()), errors);
}

void TstDelegationCodec::refusesMalformedBodiesBeforeReading_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");

    const QByteArray grant(CustomerGrantJson);
    QTest::newRow("truncated")
        << grant.left(grant.size() - 2)
        << QStringLiteral("unexpected end of input at byte %1, expected ',' or '}'").arg(grant.size() - 2);
    QTest::newRow("second max_total smuggled in")
        << QByteArray(
               R"({"agent_id":"agt_travel","scopes":[{"max_total":{"amount_minor":1,"currency":"EUR"},)"
               R"("max_total":{"amount_minor":999999999,"currency":"EUR"}}]})")
        << QStringLiteral("duplicate key \"max_total\" at byte 84");
    QTest::newRow("float that Qt would store as an integer")
        << QByteArray(R"({"scopes":[{"max_uses":10.0}]})")
        << QStringLiteral("integral number written with a fraction or exponent at byte 23");
}

void TstDelegationCodec::refusesMalformedBodiesBeforeReading()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, message);

    const auto parsed = StrictJson::parseObject(body);
    QVERIFY(!parsed.hasValue());
    QCOMPARE(parsed.error().message, message);
}

void TstDelegationCodec::readsEmbeddedParts()
{
    FieldErrors errors;
    JsonReader linkReader(
        parse(R"({"kind":"agent","id":"agt_1","name":"Bill payer","spiffe_id":"spiffe:\/\/d/b"})"),
        QStringLiteral("chain[1]"), &errors);
    const auto link = DelegationCodec::chainLinkFromJson(linkReader);
    QVERIFY(link);
    QCOMPARE(*link, (ChainLink{ChainLink::Kind::Agent, QStringLiteral("agt_1"), QStringLiteral("Bill payer"),
                               QStringLiteral("spiffe://d/b")}));
    QCOMPARE(DelegationCodec::chainLinkToJson(*link),
             parse(R"({"kind":"agent","id":"agt_1","name":"Bill payer","spiffe_id":"spiffe:\/\/d/b"})"));

    JsonReader scopeReader(
        parse(R"({"action":"data.read","resource":"dataset:crm-*","max_uses":0,"extra":1})"),
        QStringLiteral("scopes[3]"), &errors);
    QVERIFY(!DelegationCodec::scopeFromJson(scopeReader));
    QCOMPARE(describe(errors), QStringList{QStringLiteral("scopes[3].extra: unknown field")});
    QCOMPARE(DelegationCodec::moneyToJson(std::optional<Money>()), QJsonValue(QJsonValue::Null));
}

QTEST_APPLESS_MAIN(TstDelegationCodec)
#include "tst_DelegationCodec.moc"
