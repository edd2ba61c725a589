#include "core/AuditEventCodec.h"
#include "core/CanonicalJson.h"
#include "core/StrictJson.h"
#include "tests/support/AuditEventSamples.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <functional>

using namespace mandate;
using namespace mandate::test;

namespace {

QStringList fieldsOf(const FieldErrors &errors)
{
    QStringList fields;
    for (const FieldError &error : errors) {
        fields.append(error.field);
    }
    return fields;
}

// Changes one member of a nested JSON object, which QJsonObject only allows by copy and write-back.
void setIn(QJsonObject &json, const QString &outer, qsizetype index, const QString &key,
           const QJsonValue &value)
{
    QJsonArray array = json.value(outer).toArray();
    QJsonObject element = array.at(index).toObject();
    element.insert(key, value);
    array.replace(index, element);
    json.insert(outer, array);
}

} // namespace

Q_DECLARE_METATYPE(mandate::AuditEvent)

class TstAuditEventCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesTheApiShape();
    void hashIsLeftOutOnRequest();
    void roundTrip_data();
    void roundTrip();
    void roundTripThroughBytes();
    void recordedCanonicalIsTheCanonicalApiShape_data();
    void recordedCanonicalIsTheCanonicalApiShape();
    void actorKinds_data();
    void actorKinds();
    void rejects_data();
    void rejects();
};

void TstAuditEventCodec::writesTheApiShape()
{
    const QByteArray expected =
        R"({"actor":{"id":"agt_travel","kind":"agent"},"at":"2026-12-01T09:00:00.000Z",)"
        R"("chain":[{"id":"usr_alice","kind":"customer","name":"Alice"},)"
        R"({"id":"agt_travel","kind":"agent","name":"Travel booker",)"
        R"("spiffe_id":"spiffe://demo.mandate.local/travel-booker"}],)"
        R"("data":{"amount":{"amount_minor":25000,"currency":"EUR"},"decision":"allow","decision_id":"dec_1",)"
        R"("reason":"within_scope"},"delegation_id":"dlg_1",)"
        R"("hash":"19d13d5bb697d0cfd5aa854206da98948dfe372fd8c729b041fd0eeab8be8bb1",)"
        R"("prev_hash":"0000000000000000000000000000000000000000000000000000000000000000",)"
        R"("seq":1,"type":"decision.made"})";
    QCOMPARE(CanonicalJson::serialize(AuditEventCodec::toJson(AuditEventSamples::decision())), expected);
}

void TstAuditEventCodec::hashIsLeftOutOnRequest()
{
    AuditEvent event = AuditEventSamples::decision();
    event.delegationId.reset();
    const QJsonObject json = AuditEventCodec::toJson(event, false);
    QVERIFY(!json.contains(QStringLiteral("hash")));
    QVERIFY(json.value(QStringLiteral("delegation_id")).isNull());
    QCOMPARE(json.keys(),
             (QStringList{QStringLiteral("actor"), QStringLiteral("at"), QStringLiteral("chain"),
                          QStringLiteral("data"), QStringLiteral("delegation_id"),
                          QStringLiteral("prev_hash"), QStringLiteral("seq"), QStringLiteral("type")}));
}

void TstAuditEventCodec::roundTrip_data()
{
    QTest::addColumn<AuditEvent>("event");
    QTest::newRow("decision") << AuditEventSamples::decision();
    const QList<AuditEvent> chain = AuditEventSamples::chain(12);
    for (const AuditEvent &event : chain) {
        QTest::addRow("chain event %lld", event.seq) << event;
    }
}

void TstAuditEventCodec::roundTrip()
{
    QFETCH(AuditEvent, event);
    const auto decoded = AuditEventCodec::fromJson(AuditEventCodec::toJson(event));
    QVERIFY(decoded.hasValue());
    QCOMPARE(*decoded, event);
}

void TstAuditEventCodec::roundTripThroughBytes()
{
    // What an export writes and an investigator reads back must hash the same.
    for (const AuditEvent &event : AuditEventSamples::chain(20)) {
        const QByteArray exported =
            QJsonDocument(AuditEventCodec::toJson(event)).toJson(QJsonDocument::Indented);
        const auto parsed = StrictJson::parseObject(exported);
        QVERIFY(parsed.hasValue());
        const auto decoded = AuditEventCodec::fromJson(*parsed);
        QVERIFY(decoded.hasValue());
        QCOMPARE(AuditChain::computeHash(*decoded), event.hash);
    }
}

void TstAuditEventCodec::recordedCanonicalIsTheCanonicalApiShape_data()
{
    QTest::addColumn<AuditEvent>("event");
    QTest::newRow("decision") << AuditEventSamples::decision();
    for (const AuditEvent &event : AuditEventSamples::chain(6))
        QTest::addRow("chain event %lld", event.seq) << event;
    AuditEvent system = AuditEventSamples::decision();
    system.actorKind = AuditEvent::ActorKind::System;
    system.actorName.clear();
    system.delegationId.reset();
    system.chain.clear();
    QTest::newRow("no delegation, no name") << system;
    AuditEvent awkward = AuditEventSamples::decision();
    awkward.actorName = QStringLiteral("Zoë \"Quote\" \\ Back\tslash \u2603 \U0001F600");
    awkward.data.insert(QStringLiteral("Zeta"), QStringLiteral("line\nbreak \u0001"));
    awkward.data.insert(QStringLiteral("\u00e9t\u00e9"), QJsonArray{1.5, -0.0, 1e21, 42, true, QJsonValue()});
    awkward.data.insert(QStringLiteral("nested"),
                        QJsonObject{{QStringLiteral("b"), 1}, {QStringLiteral("a"), QJsonObject{}}});
    QTest::newRow("escapes, non-ASCII, numbers, nesting") << awkward;
}

void TstAuditEventCodec::recordedCanonicalIsTheCanonicalApiShape()
{
    // The sequencer seals the direct form; investigators hash the served JSON: they must agree.
    QFETCH(AuditEvent, event);
    QJsonObject served = AuditEventCodec::toJson(event, false);
    served.remove(QStringLiteral("seq"));
    served.remove(QStringLiteral("prev_hash"));
    QCOMPARE(AuditEventCodec::recordedCanonical(event), CanonicalJson::serialize(served));
}

void TstAuditEventCodec::actorKinds_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("known");
    QTest::newRow("user") << QStringLiteral("user") << true;
    QTest::newRow("agent") << QStringLiteral("agent") << true;
    QTest::newRow("system") << QStringLiteral("system") << true;
    QTest::newRow("case matters") << QStringLiteral("User") << false;
    QTest::newRow("empty") << QString() << false;
}

void TstAuditEventCodec::actorKinds()
{
    QFETCH(QString, text);
    QFETCH(bool, known);
    const auto kind = AuditEventCodec::actorKindFromString(text);
    QCOMPARE(kind.has_value(), known);
    if (known) {
        QCOMPARE(AuditEventCodec::actorKindToString(*kind), text);
    }
}

void TstAuditEventCodec::rejects_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<QStringList>("fields");

    const auto row = [](const char *name, const std::function<void(QJsonObject &)> &tweak,
                        const QStringList &fields) {
        QJsonObject json = AuditEventCodec::toJson(AuditEventSamples::decision());
        tweak(json);
        QTest::newRow(name) << json << fields;
    };
    const auto set = [](const char *key, const QJsonValue &value) {
        return [key = QString::fromUtf8(key), value](QJsonObject &json) {
            json.insert(key, value);
        };
    };
    const auto drop = [](const char *key) {
        return [key = QString::fromUtf8(key)](QJsonObject &json) {
            json.remove(key);
        };
    };
    const auto field = [](const char *path) {
        return QStringList{QString::fromUtf8(path)};
    };

    row("seq missing", drop("seq"), field("seq"));
    row("seq zero", set("seq", 0), field("seq"));
    row("seq as string", set("seq", QStringLiteral("1")), field("seq"));
    row("seq with a fraction", set("seq", 1.5), field("seq"));
    row("at not a timestamp", set("at", QStringLiteral("yesterday")), field("at"));
    row("type missing", drop("type"), field("type"));
    row("actor not an object", set("actor", QStringLiteral("agt_travel")), field("actor"));
    row("actor kind unknown",
        set("actor", QJsonObject{{QStringLiteral("kind"), QStringLiteral("robot")},
                                 {QStringLiteral("id"), QStringLiteral("x")}}),
        field("actor.kind"));
    row("actor with an unknown field",
        set("actor", QJsonObject{{QStringLiteral("kind"), QStringLiteral("user")},
                                 {QStringLiteral("id"), 1},
                                 {QStringLiteral("nickname"), QStringLiteral("Alice")}}),
        QStringList{QStringLiteral("actor.id"), QStringLiteral("actor.nickname")});
    row("delegation_id a number", set("delegation_id", 7), field("delegation_id"));
    row("chain not an array", set("chain", QJsonObject()), field("chain"));
    row(
        "chain link kind unknown",
        [&](QJsonObject &json) {
            setIn(json, QStringLiteral("chain"), 0, QStringLiteral("kind"), QStringLiteral("robot"));
        },
        field("chain[0].kind"));
    row(
        "customer link with a SPIFFE ID",
        [&](QJsonObject &json) {
            setIn(json, QStringLiteral("chain"), 0, QStringLiteral("spiffe_id"),
                  QStringLiteral("spiffe://x/y"));
        },
        field("chain[0].spiffe_id"));
    row("data missing", drop("data"), field("data"));
    row("data null", set("data", QJsonValue::Null), field("data"));
    row("data an array", set("data", QJsonArray()), field("data"));
    row("prev_hash in uppercase", set("prev_hash", QString(64, u'A')), field("prev_hash"));
    row("hash too short", set("hash", QString(63, u'0')), field("hash"));
    row("hash missing", drop("hash"), field("hash"));
    row("unknown field", set("signature", QStringLiteral("x")), field("signature"));
    row(
        "every problem at once",
        [&](QJsonObject &json) {
            drop("seq")(json);
            set("hash", QStringLiteral("zz"))(json);
            set("extra", true)(json);
        },
        QStringList{QStringLiteral("seq"), QStringLiteral("hash"), QStringLiteral("extra")});
}

void TstAuditEventCodec::rejects()
{
    QFETCH(QJsonObject, json);
    QFETCH(QStringList, fields);
    const auto decoded = AuditEventCodec::fromJson(json);
    QVERIFY(!decoded.hasValue());
    QCOMPARE(fieldsOf(decoded.error()), fields);
}

QTEST_APPLESS_MAIN(TstAuditEventCodec)
#include "tst_AuditEventCodec.moc"
