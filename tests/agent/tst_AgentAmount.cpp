#include "agent/DecimalAmount.h"

#include <QTest>

using mandate::agent::DecimalAmount;

// Amounts typed on the agent's command line become minor units exactly, by the currency's exponent.
class TstAgentAmount : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesByTheCurrencyExponent_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("currency");
        QTest::addColumn<qint64>("minor");
        QTest::newRow("cents") << QStringLiteral("12.50") << QStringLiteral("EUR") << qint64(1250);
        QTest::newRow("one fraction digit")
            << QStringLiteral("12.5") << QStringLiteral("EUR") << qint64(1250);
        QTest::newRow("whole") << QStringLiteral("1250") << QStringLiteral("EUR") << qint64(125000);
        // 0.1 and 0.2 have no exact binary form; digit by digit they are 10 and 20 cents.
        QTest::newRow("no float rounding") << QStringLiteral("0.29") << QStringLiteral("EUR") << qint64(29);
        QTest::newRow("yen") << QStringLiteral("1250") << QStringLiteral("JPY") << qint64(1250);
        QTest::newRow("dinar") << QStringLiteral("1.250") << QStringLiteral("BHD") << qint64(1250);
        QTest::newRow("largest") << QStringLiteral("92233720368547758.07") << QStringLiteral("EUR")
                                 << std::numeric_limits<qint64>::max();
    }
    void parsesByTheCurrencyExponent()
    {
        QFETCH(QString, text);
        QFETCH(QString, currency);
        QFETCH(qint64, minor);
        const auto money = DecimalAmount::parse(text, currency);
        QVERIFY2(money, money ? "" : qPrintable(money.error()));
        QCOMPARE(money->amountMinor(), minor);
        QCOMPARE(money->currency(), currency);
    }

    void refusesWhatIsNotAnExactAmount_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("currency");
        QTest::newRow("too many digits") << QStringLiteral("12.505") << QStringLiteral("EUR");
        QTest::newRow("yen fraction") << QStringLiteral("12.5") << QStringLiteral("JPY");
        QTest::newRow("negative") << QStringLiteral("-1.00") << QStringLiteral("EUR");
        QTest::newRow("plus") << QStringLiteral("+1.00") << QStringLiteral("EUR");
        QTest::newRow("exponent") << QStringLiteral("1e3") << QStringLiteral("EUR");
        QTest::newRow("grouping") << QStringLiteral("1,250.00") << QStringLiteral("EUR");
        QTest::newRow("empty") << QString() << QStringLiteral("EUR");
        QTest::newRow("bare point") << QStringLiteral(".50") << QStringLiteral("EUR");
        QTest::newRow("trailing point") << QStringLiteral("5.") << QStringLiteral("EUR");
        QTest::newRow("overflow") << QStringLiteral("92233720368547758.08") << QStringLiteral("EUR");
        QTest::newRow("unknown currency") << QStringLiteral("1.00") << QStringLiteral("XYZ");
    }
    void refusesWhatIsNotAnExactAmount()
    {
        QFETCH(QString, text);
        QFETCH(QString, currency);
        const auto money = DecimalAmount::parse(text, currency);
        QVERIFY(!money);
        QVERIFY(!money.error().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstAgentAmount)
#include "tst_AgentAmount.moc"
