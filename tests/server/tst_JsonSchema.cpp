#include "tests/support/JsonSchema.h"
#include "tests/support/OpenApiContract.h"
#include "tests/support/YamlDocument.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using mandate::test::JsonSchema;
using mandate::test::OpenApiContract;
using mandate::test::YamlDocument;

// The validator every integration test's TestClient holds answers against. A validator that
// passes everything would make that check worthless, so each keyword is shown failing here.
class TstJsonSchema : public QObject
{
    Q_OBJECT

private:
    // A document holding `schema` at #/s, plus a few shared definitions to $ref.
    static QJsonObject document(const QByteArray &schema)
    {
        const QByteArray json =
            R"({"defs": {"Money": {"type": "object", "additionalProperties": false, )"
            R"("required": ["amount_minor", "currency"], "properties": {)"
            R"("amount_minor": {"type": "integer", "minimum": 0}, )"
            R"("currency": {"type": "string", "pattern": "^[A-Z]{3}$"}}}, )"
            R"("Actor": {"type": "object", "required": ["sub"], "properties": {)"
            "\"sub\": {\"type\": \"string\"}, \"act\": {\"$ref\": \"#/defs/Actor\"}}}}, \"s\": " +
            schema + "}";
        QJsonParseError error;
        const QJsonDocument parsed = QJsonDocument::fromJson(json, &error);
        if (error.error != QJsonParseError::NoError)
            qFatal("bad test schema %s: %s", schema.constData(), qPrintable(error.errorString()));
        return parsed.object();
    }

    static QJsonValue value(const QByteArray &json)
    {
        return QJsonDocument::fromJson("[" + json + "]").array().at(0);
    }

private Q_SLOTS:
    void validates_data()
    {
        QTest::addColumn<QByteArray>("schema");
        QTest::addColumn<QByteArray>("instance");
        // Empty when valid; otherwise "<instance pointer> <keyword>" of the first violation.
        QTest::addColumn<QString>("expected");

        QTest::newRow("type string") << QByteArray(R"({"type": "string"})") << QByteArray("\"a\"") << "";
        QTest::newRow("type string, number")
            << QByteArray(R"({"type": "string"})") << QByteArray("5") << " type";
        QTest::newRow("type array allows null")
            << QByteArray(R"({"type": ["object", "null"]})") << QByteArray("null") << "";
        QTest::newRow("type array refuses string")
            << QByteArray(R"({"type": ["object", "null"]})") << QByteArray("\"x\"") << " type";
        QTest::newRow("integer 1.0") << QByteArray(R"({"type": "integer"})") << QByteArray("1.0") << "";
        QTest::newRow("integer 1.5") << QByteArray(R"({"type": "integer"})") << QByteArray("1.5") << " type";
        QTest::newRow("number takes integer") << QByteArray(R"({"type": "number"})") << QByteArray("3") << "";
        QTest::newRow("null is not an integer")
            << QByteArray(R"({"type": "object", "properties": {"max_uses": {"type": "integer"}}})")
            << QByteArray(R"({"max_uses": null})") << "/max_uses type";
        QTest::newRow("required") << QByteArray(R"({"type": "object", "required": ["actions"]})")
                                  << QByteArray(R"({"above": 1})") << "/actions required";
        QTest::newRow("additionalProperties false")
            << QByteArray(R"({"properties": {"a": {}}, "additionalProperties": false})")
            << QByteArray(R"({"a": 1, "b/c": 2})") << "/b~1c additionalProperties";
        QTest::newRow("additionalProperties schema")
            << QByteArray(R"({"additionalProperties": {"type": ["string", "boolean"]}})")
            << QByteArray(R"({"a": true, "b": 2})") << "/b type";
        QTest::newRow("items") << QByteArray(R"({"type": "array", "items": {"type": "string"}})")
                               << QByteArray(R"(["a", "b", 3])") << "/2 type";
        QTest::newRow("enum") << QByteArray(R"({"enum": ["public", "internal"]})") << QByteArray("\"secret\"")
                              << " enum";
        QTest::newRow("enum integers") << QByteArray(R"({"enum": [1, 2]})") << QByteArray("2") << "";
        QTest::newRow("const") << QByteArray(R"({"const": false})") << QByteArray("true") << " const";
        QTest::newRow("$ref") << QByteArray("{\"$ref\": \"#/defs/Money\"}")
                              << QByteArray(R"({"amount_minor": -1, "currency": "EUR"})")
                              << "/amount_minor minimum";
        QTest::newRow("$ref with sibling keywords")
            << QByteArray("{\"$ref\": \"#/defs/Money\", \"maxProperties\": 1}")
            << QByteArray(R"({"amount_minor": 1, "currency": "EUR"})") << " maxProperties";
        QTest::newRow("recursive $ref")
            << QByteArray("{\"$ref\": \"#/defs/Actor\"}")
            << QByteArray(R"({"sub": "a", "act": {"sub": "b", "act": {"sub": 3}}})") << "/act/act/sub type";
        QTest::newRow("anyOf money or null")
            << QByteArray("{\"anyOf\": [{\"$ref\": \"#/defs/Money\"}, {\"type\": \"null\"}]}")
            << QByteArray("null") << "";
        QTest::newRow("anyOf neither")
            << QByteArray("{\"anyOf\": [{\"$ref\": \"#/defs/Money\"}, {\"type\": \"null\"}]}")
            << QByteArray(R"({"amount_minor": 1})") << " anyOf";
        QTest::newRow("oneOf exactly one")
            << QByteArray(R"({"oneOf": [{"required": ["a"]}, {"required": ["b"]}]})")
            << QByteArray(R"({"a": 1})") << "";
        QTest::newRow("oneOf two") << QByteArray(R"({"oneOf": [{"required": ["a"]}, {"required": ["b"]}]})")
                                   << QByteArray(R"({"a": 1, "b": 2})") << " oneOf";
        QTest::newRow("allOf") << QByteArray(R"({"allOf": [{"required": ["a"]}, {"required": ["b"]}]})")
                               << QByteArray(R"({"a": 1})") << "/b required";
        QTest::newRow("not") << QByteArray(R"({"not": {"required": ["x"]}})") << QByteArray(R"({"x": 1})")
                             << " not";
        QTest::newRow("if then")
            << QByteArray(
                   R"({"if": {"properties": {"ok": {"const": false}}}, "then": {"required": ["first_bad_seq"]}})")
            << QByteArray(R"({"ok": false})") << "/first_bad_seq required";
        QTest::newRow("if else") << QByteArray(R"({"if": {"properties": {"ok": {"const": false}}},
                                                   "else": {"not": {"required": ["first_bad_seq"]}}})")
                                 << QByteArray(R"({"ok": true, "first_bad_seq": 3})") << " not";
        QTest::newRow("maximum, exact in 64 bits")
            << QByteArray(R"({"maximum": 9007199254740993})") << QByteArray("9007199254740994") << " maximum";
        QTest::newRow("int64 max") << QByteArray(R"({"type": "integer", "maximum": 9223372036854775807})")
                                   << QByteArray("9223372036854775807") << "";
        QTest::newRow("exclusiveMinimum")
            << QByteArray(R"({"exclusiveMinimum": 0})") << QByteArray("0") << " exclusiveMinimum";
        QTest::newRow("maxLength counts code points")
            << QByteArray(R"({"maxLength": 2})") << QByteArray("\"\xF0\x9F\x98\x80\xF0\x9F\x98\x80\"") << "";
        QTest::newRow("maxLength") << QByteArray(R"({"maxLength": 2})") << QByteArray("\"abc\"")
                                   << " maxLength";
        QTest::newRow("minLength") << QByteArray(R"({"minLength": 1})") << QByteArray("\"\"") << " minLength";
        QTest::newRow("pattern is not anchored")
            << QByteArray(R"({"pattern": "Z$"})") << QByteArray("\"2025-01-01T00:00:00Z\"") << "";
        QTest::newRow("pattern") << QByteArray(R"({"pattern": "^[A-Z]{3}$"})") << QByteArray("\"eur\"")
                                 << " pattern";
        QTest::newRow("pattern ignores numbers")
            << QByteArray(R"({"pattern": "^a$"})") << QByteArray("5") << "";
        QTest::newRow("minItems") << QByteArray(R"({"minItems": 1})") << QByteArray("[]") << " minItems";
        QTest::newRow("maxItems") << QByteArray(R"({"maxItems": 1})") << QByteArray("[1, 2]") << " maxItems";
        QTest::newRow("uniqueItems") << QByteArray(R"({"uniqueItems": true})")
                                     << QByteArray(R"(["a", "b", "a"])") << " uniqueItems";
        QTest::newRow("propertyNames") << QByteArray(R"({"propertyNames": {"maxLength": 3}})")
                                       << QByteArray(R"({"abcd": 1})") << "/abcd maxLength";
        QTest::newRow("format date-time") << QByteArray(R"({"type": "string", "format": "date-time"})")
                                          << QByteArray("\"2025-12-01T09:30:00Z\"") << "";
        QTest::newRow("format date-time, bad") << QByteArray(R"({"type": "string", "format": "date-time"})")
                                               << QByteArray("\"2025-13-01 09:30\"") << " format";
        QTest::newRow("format int64")
            << QByteArray(R"({"format": "int64"})") << QByteArray("1e300") << " format";
        QTest::newRow("annotations only")
            << QByteArray(R"({"description": "d", "examples": [1], "readOnly": true,
                                                          "x-extension": {"anything": 1}})")
            << QByteArray("{}") << "";
        QTest::newRow("false schema") << QByteArray("false") << QByteArray("1") << " false";
    }

    void validates()
    {
        QFETCH(QByteArray, schema);
        QFETCH(QByteArray, instance);
        QFETCH(QString, expected);
        JsonSchema schemas(document(schema));
        QString error;
        const auto *compiled = schemas.compile(QStringLiteral("#/s"), &error);
        QVERIFY2(compiled, qPrintable(error));
        const auto violations = JsonSchema::validate(*compiled, value(instance));
        if (expected.isEmpty()) {
            QVERIFY2(violations.isEmpty(), qPrintable(violations.value(0).toString()));
            return;
        }
        QVERIFY2(!violations.isEmpty(), "the value passed a schema it breaks");
        const QString got = violations.first().instancePointer + u' ' + violations.first().rule;
        QVERIFY2(got.startsWith(expected), qPrintable(violations.first().toString()));
    }

    void refusesWhatItDoesNotImplement_data()
    {
        QTest::addColumn<QByteArray>("schema");
        QTest::addColumn<QString>("named");
        QTest::newRow("OpenAPI 3.0 nullable")
            << QByteArray(R"({"type": "string", "nullable": true})") << "nullable";
        QTest::newRow("nested") << QByteArray(R"({"properties": {"a": {"unevaluatedProperties": false}}})")
                                << "unevaluatedProperties";
        QTest::newRow("unknown format") << QByteArray(R"({"format": "uuid"})") << "uuid";
        QTest::newRow("remote $ref") << QByteArray("{\"$ref\": \"other.yaml#/Money\"}") << "other.yaml";
        QTest::newRow("dangling $ref") << QByteArray("{\"$ref\": \"#/defs/Nothing\"}") << "#/defs/Nothing";
        QTest::newRow("unknown type") << QByteArray(R"({"type": "text"})") << "text";
        QTest::newRow("bad pattern") << QByteArray("{\"pattern\": \"([\"}") << "pattern";
    }

    void refusesWhatItDoesNotImplement()
    {
        QFETCH(QByteArray, schema);
        QFETCH(QString, named);
        JsonSchema schemas(document(schema));
        QString error;
        QVERIFY(!schemas.compile(QStringLiteral("#/s"), &error));
        QVERIFY2(error.contains(named), qPrintable(error));
    }

    void readsYamlScalarsByTheCoreSchema()
    {
        QString error;
        const QJsonObject yaml = YamlDocument::parse("a: '200'\nb: 200\nc: null\nd: 'null'\ne: true\n"
                                                     "f: |\n  two\n  lines\ng: [string, 'null']\nh: 1.5\n"
                                                     "i: 9223372036854775807\nj: ~\nk: 12:30\n",
                                                     &error)
                                     .toObject();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(yaml.value(QStringLiteral("a")), QJsonValue(QStringLiteral("200")));
        QCOMPARE(yaml.value(QStringLiteral("b")), QJsonValue(200));
        QVERIFY(yaml.value(QStringLiteral("c")).isNull());
        QCOMPARE(yaml.value(QStringLiteral("d")), QJsonValue(QStringLiteral("null")));
        QCOMPARE(yaml.value(QStringLiteral("e")), QJsonValue(true));
        QCOMPARE(yaml.value(QStringLiteral("f")), QJsonValue(QStringLiteral("two\nlines\n")));
        QCOMPARE(yaml.value(QStringLiteral("g")),
                 QJsonValue(QJsonArray{QStringLiteral("string"), QStringLiteral("null")}));
        QCOMPARE(yaml.value(QStringLiteral("h")), QJsonValue(1.5));
        QCOMPARE(yaml.value(QStringLiteral("i")).toInteger(), Q_INT64_C(9223372036854775807));
        QVERIFY(yaml.value(QStringLiteral("j")).isNull());
        QCOMPARE(yaml.value(QStringLiteral("k")), QJsonValue(QStringLiteral("12:30")));
    }

    // The document's request schemas say what GrantValidator says: an optional member may be
    // null, but a step-up or dual control with nothing set is refused.
    void documentSchemasMatchTheGrantRules_data()
    {
        QTest::addColumn<QString>("schema");
        QTest::addColumn<QByteArray>("instance");
        QTest::addColumn<bool>("valid");
        QTest::newRow("scope with null limits")
            << "Scope"
            << QByteArray(R"({"action": "data.read", "resource": "dataset:crm", "max_per_action": null,
                              "max_total": null, "max_uses": null, "destinations": null, "max_sensitivity": null})")
            << true;
        QTest::newRow("scope max_uses 0")
            << "Scope" << QByteArray(R"({"action": "data.read", "resource": "a:b", "max_uses": 0})") << false;
        QTest::newRow("step-up by sensitivity")
            << "StepUp" << QByteArray(R"({"approver": "customer", "above": null,
                                                                  "sensitivity_at_or_above": "confidential"})")
            << true;
        QTest::newRow("step-up with nothing set")
            << "StepUp"
            << QByteArray(R"({"approver": "customer", "above": null, "sensitivity_at_or_above": null})")
            << false;
        QTest::newRow("dual control by action")
            << "DualControl" << QByteArray(R"({"actions": ["records.delete"]})") << true;
        QTest::newRow("dual control without actions")
            << "DualControl" << QByteArray(R"({"above": {"amount_minor": 100, "currency": "EUR"}})") << true;
        QTest::newRow("dual control, empty actions")
            << "DualControl" << QByteArray(R"({"actions": []})") << false;
        QTest::newRow("dual control, nothing") << "DualControl" << QByteArray(R"({"above": null})") << false;
        QTest::newRow("answer without step_up member")
            << "DelegationScope" << QByteArray(R"({"action": "data.read", "resource": "a:b"})") << false;
    }

    void documentSchemasMatchTheGrantRules()
    {
        QFETCH(QString, schema);
        QFETCH(QByteArray, instance);
        QFETCH(bool, valid);
        QString error;
        const QJsonValue document = YamlDocument::load(QStringLiteral(MANDATE_OPENAPI), &error);
        QVERIFY2(document.isObject(), qPrintable(error));
        JsonSchema schemas(document.toObject());
        const auto *compiled = schemas.compile(QStringLiteral("#/components/schemas/") + schema, &error);
        QVERIFY2(compiled, qPrintable(error));
        const auto violations = JsonSchema::validate(*compiled, value(instance));
        QVERIFY2(violations.isEmpty() == valid,
                 qPrintable(violations.isEmpty() ? QStringLiteral("passed") : violations.first().toString()));
    }

    // The project's document compiles in full: every keyword it uses is one the validator knows.
    void compilesTheProjectDocument()
    {
        QString error;
        const auto contract = OpenApiContract::load(QStringLiteral(MANDATE_OPENAPI), &error);
        QVERIFY2(contract, qPrintable(error));

        QCOMPARE(contract->describe("DELETE", QStringLiteral("/v1/sessions/current")),
                 QStringLiteral("DELETE /v1/sessions/current (deleteCurrentSession)"));
        QCOMPARE(contract->describe("GET", QStringLiteral("/v1/delegations/dlg_1?x=1")),
                 QStringLiteral("GET /v1/delegations/{id} (getDelegation)"));
        const QByteArray problem =
            R"({"type": "urn:mandate:problem:not_found", "title": "Not found", "status": 404, "detail": "No."})";
        QCOMPARE(contract->check("GET", QStringLiteral("/v1/delegations/dlg_1"), 404,
                                 "application/problem+json", problem),
                 QStringList());
        QVERIFY(
            contract->check("GET", QStringLiteral("/v1/delegations/dlg_1"), 404, "application/json", problem)
                .value(0)
                .contains(QStringLiteral("Content-Type")));
        QVERIFY(contract
                    ->check("GET", QStringLiteral("/v1/delegations/dlg_1"), 418, "application/problem+json",
                            problem)
                    .value(0)
                    .contains(QStringLiteral("not documented")));
        QVERIFY(
            contract->check("GET", QStringLiteral("/v1/me"), 200, "application/json", R"({"id": "usr_1"})")
                .value(0)
                .startsWith(QStringLiteral("/username: required")));
        QCOMPARE(
            contract->check("GET", QStringLiteral("/v1/nowhere"), 404, "application/problem+json", problem),
            QStringList());
        QVERIFY(contract->check("GET", QStringLiteral("/v1/nowhere"), 200, "application/json", "{}")
                    .value(0)
                    .contains(QStringLiteral("no operation")));
        QVERIFY(
            contract
                ->check("PUT", QStringLiteral("/v1/delegations"), 404, "application/problem+json", problem)
                .value(0)
                .contains(QStringLiteral("answers 405")));
        QCOMPARE(contract->check("DELETE", QStringLiteral("/v1/sessions/current"), 204, {}, {}),
                 QStringList());
    }
};

QTEST_GUILESS_MAIN(TstJsonSchema)
#include "tst_JsonSchema.moc"
