#include "core/AuthZen.h"
#include "core/StrictJson.h"

#include <QTest>

using namespace mandate;

namespace {

QJsonObject json(const char *text)
{
    return *StrictJson::parseObject(QByteArray(text));
}

} // namespace

// The AuthZEN 1.0 wire forms: what is required, what is ignored, how batches inherit.
class tst_AuthZen : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void anEvaluationNeedsItsThreeEntities_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("error");
        QTest::newRow("no subject") << QByteArray(
                                           R"({"action":{"name":"a"},"resource":{"type":"r","id":"1"}})")
                                    << QStringLiteral("subject is required");
        QTest::newRow("resource id number")
            << QByteArray(
                   R"({"subject":{"type":"u","id":"x"},"action":{"name":"a"},"resource":{"type":"r","id":1}})")
            << QStringLiteral("resource.id must be a string");
        QTest::newRow("properties not an object")
            << QByteArray(
                   R"({"subject":{"type":"u","id":"x","properties":[]},"action":{"name":"a"},"resource":{"type":"r","id":"1"}})")
            << QStringLiteral("subject.properties must be an object");
        QTest::newRow("empty action name")
            << QByteArray(
                   R"({"subject":{"type":"u","id":"x"},"action":{"name":""},"resource":{"type":"r","id":"1"}})")
            << QStringLiteral("action.name must not be empty");
        QTest::newRow("context not an object")
            << QByteArray(
                   R"({"subject":{"type":"u","id":"x"},"action":{"name":"a"},"resource":{"type":"r","id":"1"},"context":5})")
            << QStringLiteral("context must be an object");
    }
    void anEvaluationNeedsItsThreeEntities()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, error);
        const auto parsed = authzen::parseEvaluation(*StrictJson::parseObject(body));
        QVERIFY(!parsed);
        QCOMPARE(parsed.error(), error);
    }

    void unknownMembersAreIgnoredAndPropertiesKept()
    {
        const auto parsed = authzen::parseEvaluation(json(
            R"({"subject":{"type":"u","id":"x","properties":{"role":"admin"},"extra":1},"action":{"name":"a"},)"
            R"("resource":{"type":"r","id":"1"},"future":{"nested":true}})"));
        QVERIFY(parsed);
        QCOMPARE(parsed->subject.properties.value(QStringLiteral("role")).toString(),
                 QStringLiteral("admin"));
        QCOMPARE(parsed->toJson()
                     .value(QStringLiteral("resource"))
                     .toObject()
                     .value(QStringLiteral("id"))
                     .toString(),
                 QStringLiteral("1"));
    }

    // Defaults are inherited whole; an item's entity replaces the default entity, never merges.
    void batchItemsInheritWholeEntities()
    {
        const auto parsed = authzen::parseEvaluations(json(
            R"({"subject":{"type":"u","id":"alice","properties":{"role":"admin"}},"action":{"name":"read"},)"
            R"("context":{"time":"now"},"evaluations":[{"resource":{"type":"r","id":"1"}},)"
            R"({"subject":{"type":"u","id":"bob"},"resource":{"type":"r","id":"2"},"context":{}}],)"
            R"("options":{"evaluations_semantic":"deny_on_first_deny"}})"));
        QVERIFY(parsed);
        QVERIFY(parsed->batch);
        QCOMPARE(parsed->semantic, authzen::Semantic::DenyOnFirstDeny);
        QCOMPARE(parsed->items.size(), 2);
        QCOMPARE(parsed->items[0].subject.id, QStringLiteral("alice"));
        QCOMPARE(parsed->items[0].context.value(QStringLiteral("time")).toString(), QStringLiteral("now"));
        QCOMPARE(parsed->items[1].subject.id, QStringLiteral("bob"));
        QVERIFY(parsed->items[1].subject.properties.isEmpty()); // replaced, not merged
        QVERIFY(parsed->items[1].context.isEmpty());
        QCOMPARE(parsed->items[1].action.name, QStringLiteral("read"));
    }

    void aMalformedItemIsMarkedNotFatal()
    {
        const auto parsed = authzen::parseEvaluations(
            json(R"({"subject":{"type":"u","id":"x"},"action":{"name":"a"},)"
                 R"("evaluations":[{"resource":{"type":"r","id":"1"}},{"resource":{"type":"r"}},7]})"));
        QVERIFY(parsed);
        QCOMPARE(parsed->itemErrors,
                 (QList<QString>{QString(), QStringLiteral("evaluations[1].resource.id is required"),
                                 QStringLiteral("evaluations[2] must be an object")}));
        QVERIFY(!authzen::parseEvaluations(json(R"({"evaluations":{}})")));
        QVERIFY(!authzen::parseEvaluations(
            json(R"({"evaluations":[{}],"options":{"evaluations_semantic":"all"}})")));
    }

    void searchesNeedWhatTheySearchWith()
    {
        QVERIFY(authzen::parseActionSearch(
            json(R"({"subject":{"type":"u","id":"x"},"resource":{"type":"r","id":"1"}})")));
        QVERIFY(!authzen::parseActionSearch(
            json(R"({"subject":{"type":"u","id":"x"},"resource":{"type":"r"}})")));
        const auto resources = authzen::parseResourceSearch(json(
            R"({"subject":{"type":"u","id":"x"},"action":{"name":"a"},"resource":{"type":"r"},"page":{"limit":2,"token":"t"}})"));
        QVERIFY(resources);
        QCOMPARE(resources->pageLimit, std::optional<int>(2));
        QCOMPARE(resources->pageToken, QStringLiteral("t"));
        QVERIFY(!authzen::parseResourceSearch(
            json(R"({"subject":{"type":"u","id":"x"},"resource":{"type":"r"}})")));
        QVERIFY(!authzen::parseResourceSearch(json(
            R"({"subject":{"type":"u","id":"x"},"action":{"name":"a"},"resource":{"type":"r"},"page":{"limit":-1}})")));
    }

    void aPdpAnswerNeedsABooleanDecision()
    {
        QVERIFY(
            authzen::Decision::fromJson(json(R"({"decision":true,"context":{"reason":"ok"}})"))->decision);
        QVERIFY(!authzen::Decision::fromJson(json(R"({"decision":"true"})")));
        QVERIFY(!authzen::Decision::fromJson(json(R"({"decision":false,"context":[]})")));
    }
};

QTEST_APPLESS_MAIN(tst_AuthZen)
#include "tst_AuthZen.moc"
