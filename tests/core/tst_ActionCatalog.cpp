#include "core/ActionCatalog.h"

#include <QTest>

using namespace mandate;

class TstActionCatalog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void knownActions();
    void isKnown_data();
    void isKnown();
    void isWellFormed_data();
    void isWellFormed();
    void knownActionsAreWellFormed();
    void movesValue_data();
    void movesValue();
};

void TstActionCatalog::knownActions()
{
    const QStringList expected{
        QStringLiteral("payments.initiate"), QStringLiteral("data.read"),
        QStringLiteral("data.export"),       QStringLiteral("records.update"),
        QStringLiteral("records.delete"),    QStringLiteral("data.share_external"),
    };
    QCOMPARE(ActionCatalog::knownActions(), expected);
}

void TstActionCatalog::isKnown_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<bool>("known");

    for (const QString &action : ActionCatalog::knownActions())
        QTest::newRow(qPrintable(action)) << action << true;
    QTest::newRow("well-formed but not in the catalog") << QStringLiteral("crm.merge_contacts") << false;
    QTest::newRow("case differs") << QStringLiteral("Data.read") << false;
    QTest::newRow("prefix of a known action") << QStringLiteral("data.rea") << false;
    QTest::newRow("empty") << QString() << false;
}

void TstActionCatalog::isKnown()
{
    QFETCH(QString, action);
    QFETCH(bool, known);

    QCOMPARE(ActionCatalog::isKnown(action), known);
}

void TstActionCatalog::isWellFormed_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<bool>("wellFormed");

    QTest::newRow("known") << QStringLiteral("payments.initiate") << true;
    QTest::newRow("underscore in verb") << QStringLiteral("data.share_external") << true;
    QTest::newRow("custom") << QStringLiteral("crm.merge_contacts") << true;
    QTest::newRow("shortest") << QStringLiteral("a.b") << true;
    QTest::newRow("digits after the first letter") << QStringLiteral("s3.put_object2") << true;
    QTest::newRow("trailing underscores") << QStringLiteral("x_.y_") << true;
    QTest::newRow("64 characters") << QString(QString(31, u'a') + u'.' + QString(32, u'b')) << true;
    QTest::newRow("65 characters") << QString(QString(32, u'a') + u'.' + QString(32, u'b')) << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("no dot") << QStringLiteral("payments") << false;
    QTest::newRow("empty domain") << QStringLiteral(".initiate") << false;
    QTest::newRow("empty verb") << QStringLiteral("payments.") << false;
    QTest::newRow("two dots") << QStringLiteral("data.read.all") << false;
    QTest::newRow("adjacent dots") << QStringLiteral("data..read") << false;
    QTest::newRow("uppercase domain") << QStringLiteral("Payments.initiate") << false;
    QTest::newRow("uppercase verb") << QStringLiteral("payments.Initiate") << false;
    QTest::newRow("domain starts with a digit") << QStringLiteral("1data.read") << false;
    QTest::newRow("verb starts with a digit") << QStringLiteral("data.1read") << false;
    QTest::newRow("domain starts with an underscore") << QStringLiteral("_data.read") << false;
    QTest::newRow("verb starts with an underscore") << QStringLiteral("data._read") << false;
    QTest::newRow("hyphen") << QStringLiteral("data-set.read") << false;
    QTest::newRow("leading space") << QStringLiteral(" data.read") << false;
    QTest::newRow("trailing space") << QStringLiteral("data.read ") << false;
    QTest::newRow("wildcard") << QStringLiteral("data.*") << false;
    QTest::newRow("non-ASCII letter") << QString::fromUtf8("d\xC3\xA4ta.read") << false;
}

void TstActionCatalog::isWellFormed()
{
    QFETCH(QString, action);
    QFETCH(bool, wellFormed);

    QCOMPARE(ActionCatalog::isWellFormed(action), wellFormed);
}

void TstActionCatalog::knownActionsAreWellFormed()
{
    for (const QString &action : ActionCatalog::knownActions())
        QVERIFY2(ActionCatalog::isWellFormed(action), qPrintable(action));
}

void TstActionCatalog::movesValue_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<bool>("movesValue");

    for (const QString &action : ActionCatalog::knownActions())
        QTest::newRow(qPrintable(action)) << action << (action == u"payments.initiate");
    QTest::newRow("unknown") << QStringLiteral("payments.refund") << false;
}

void TstActionCatalog::movesValue()
{
    QFETCH(QString, action);
    QFETCH(bool, movesValue);

    QCOMPARE(ActionCatalog::movesValue(action), movesValue);
}

QTEST_APPLESS_MAIN(TstActionCatalog)
#include "tst_ActionCatalog.moc"
