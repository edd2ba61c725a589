#include "core/ActionCatalog.h"

#include <QJsonObject>
#include <QTest>

using namespace mandate;

class TstActionCatalog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void builtInActions();
    void contains_data();
    void contains();
    void isWellFormed_data();
    void isWellFormed();
    void builtInActionsAreWellFormed();
    void onlyPaymentsMoveValueAmongBuiltIns();
    void registeredActionsJoinTheCatalog();
    void builtInActionsCannotBeReplaced();
    void nearestNameForATypo_data();
    void nearestNameForATypo();
    void jsonRoundTrip();
    void jsonErrorsNameTheField();
};

void TstActionCatalog::builtInActions()
{
    const QStringList expected{
        QStringLiteral("payments.initiate"), QStringLiteral("data.read"),
        QStringLiteral("data.export"),       QStringLiteral("records.update"),
        QStringLiteral("records.delete"),    QStringLiteral("data.share_external"),
    };
    QCOMPARE(ActionCatalog::builtIn().names(), expected);
    for (const ActionDefinition &action : ActionCatalog::builtIn().actions())
        QVERIFY2(!action.label.isEmpty() && !action.description.isEmpty(), qPrintable(action.name));
}

void TstActionCatalog::contains_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<bool>("known");

    for (const QString &action : ActionCatalog::builtIn().names())
        QTest::newRow(qPrintable(action)) << action << true;
    QTest::newRow("well-formed but not in the catalog") << QStringLiteral("crm.merge_contacts") << false;
    QTest::newRow("case differs") << QStringLiteral("Data.read") << false;
    QTest::newRow("prefix of a known action") << QStringLiteral("data.rea") << false;
    QTest::newRow("empty") << QString() << false;
}

void TstActionCatalog::contains()
{
    QFETCH(QString, action);
    QFETCH(bool, known);

    QCOMPARE(ActionCatalog::builtIn().contains(action), known);
    QCOMPARE(ActionCatalog::builtIn().unknownMessage(action).isEmpty(), known);
}

void TstActionCatalog::isWellFormed_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<bool>("wellFormed");

    QTest::newRow("known") << QStringLiteral("payments.initiate") << true;
    QTest::newRow("underscore in verb") << QStringLiteral("data.share_external") << true;
    QTest::newRow("custom") << QStringLiteral("crm.merge_contacts") << true;
    QTest::newRow("digits after the first letter") << QStringLiteral("v2.sync3") << true;
    QTest::newRow("no dot") << QStringLiteral("payments") << false;
    QTest::newRow("two dots") << QStringLiteral("a.b.c") << false;
    QTest::newRow("upper case") << QStringLiteral("Payments.initiate") << false;
    QTest::newRow("leading digit") << QStringLiteral("1data.read") << false;
    QTest::newRow("empty verb") << QStringLiteral("data.") << false;
    QTest::newRow("empty domain") << QStringLiteral(".read") << false;
    QTest::newRow("hyphen") << QStringLiteral("data.read-all") << false;
    QTest::newRow("space") << QStringLiteral("data.read all") << false;
    QTest::newRow("too long") << QString(QStringLiteral("a.") + QString(63, u'b')) << false;
    QTest::newRow("longest allowed") << QString(QStringLiteral("a.") + QString(62, u'b')) << true;
}

void TstActionCatalog::isWellFormed()
{
    QFETCH(QString, action);
    QFETCH(bool, wellFormed);

    QCOMPARE(ActionCatalog::isWellFormed(action), wellFormed);
}

void TstActionCatalog::builtInActionsAreWellFormed()
{
    for (const QString &action : ActionCatalog::builtIn().names())
        QVERIFY2(ActionCatalog::isWellFormed(action), qPrintable(action));
}

void TstActionCatalog::onlyPaymentsMoveValueAmongBuiltIns()
{
    for (const QString &action : ActionCatalog::builtIn().names())
        QCOMPARE(ActionCatalog::builtIn().movesValue(action), action == u"payments.initiate");
    QVERIFY(!ActionCatalog::builtIn().movesValue(u"crm.refund"));
}

void TstActionCatalog::registeredActionsJoinTheCatalog()
{
    ActionCatalog catalog;
    QVERIFY(catalog.add(
        {QStringLiteral("crm.refund"), QStringLiteral("Refunds"), true, std::nullopt, QString()}));
    QVERIFY(catalog.contains(u"crm.refund"));
    QVERIFY(catalog.movesValue(u"crm.refund"));
    QCOMPARE(catalog.labelOf(QStringLiteral("crm.refund")), QStringLiteral("Refunds"));
    QCOMPARE(catalog.actions().size(), 7);
    // Registering the same name again changes it rather than adding a second one.
    QVERIFY(catalog.add(
        {QStringLiteral("crm.refund"), QStringLiteral("Refund"), false, std::nullopt, QString()}));
    QCOMPARE(catalog.actions().size(), 7);
    QVERIFY(!catalog.movesValue(u"crm.refund"));
    QVERIFY(!catalog.add({QStringLiteral("Bad name"), QStringLiteral("x"), false, std::nullopt, QString()}));
}

void TstActionCatalog::builtInActionsCannotBeReplaced()
{
    ActionCatalog catalog;
    QVERIFY(!catalog.add(
        {QStringLiteral("payments.initiate"), QStringLiteral("Free money"), false, std::nullopt, QString()}));
    QVERIFY(catalog.movesValue(u"payments.initiate"));
    QVERIFY(catalog.isBuiltIn(u"payments.initiate"));
}

void TstActionCatalog::nearestNameForATypo_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("message");

    QTest::newRow("one letter missing")
        << QStringLiteral("payments.initate")
        << QStringLiteral("is not in the action catalog; did you mean payments.initiate?");
    QTest::newRow("plural") << QStringLiteral("data.exports")
                            << QStringLiteral("is not in the action catalog; did you mean data.export?");
    QTest::newRow("swapped letters") << QStringLiteral("records.dleete")
                                     << QStringLiteral(
                                            "is not in the action catalog; did you mean records.delete?");
    QTest::newRow("another word entirely")
        << QStringLiteral("calendar.book")
        << QStringLiteral("is not in the action catalog; an admin registers new actions");
    QTest::newRow("not even well-formed") << QStringLiteral("Pay") << ActionCatalog::wellFormedRule();
}

void TstActionCatalog::nearestNameForATypo()
{
    QFETCH(QString, typed);
    QFETCH(QString, message);

    QCOMPARE(ActionCatalog::builtIn().unknownMessage(typed), message);
}

void TstActionCatalog::jsonRoundTrip()
{
    const ActionDefinition action{QStringLiteral("crm.refund"), QStringLiteral("Refunds"), true,
                                  Sensitivity::Confidential, QStringLiteral("Give money back.")};
    const QJsonObject json = ActionCatalog::toJson(action);
    QCOMPARE(json.value(QStringLiteral("moves_value")).toBool(), true);
    QCOMPARE(json.value(QStringLiteral("default_sensitivity")).toString(), QStringLiteral("confidential"));
    QCOMPARE(ActionCatalog::fromJson(json).value(), action);

    const QJsonObject plain = ActionCatalog::toJson(ActionCatalog::builtIn().actions().at(3));
    QVERIFY(plain.value(QStringLiteral("default_sensitivity")).isNull());
    QCOMPARE(ActionCatalog::fromJson(plain).value(), ActionCatalog::builtIn().actions().at(3));
}

void TstActionCatalog::jsonErrorsNameTheField()
{
    const auto parsed = ActionCatalog::fromJson({{QStringLiteral("name"), QStringLiteral("Refund")},
                                                 {QStringLiteral("moves_value"), QStringLiteral("yes")}});
    QVERIFY(!parsed);
    QStringList fields;
    for (const FieldError &error : parsed.error())
        fields.append(error.field);
    fields.sort();
    QCOMPARE(fields,
             (QStringList{QStringLiteral("label"), QStringLiteral("moves_value"), QStringLiteral("name")}));
}

QTEST_APPLESS_MAIN(TstActionCatalog)
#include "tst_ActionCatalog.moc"
