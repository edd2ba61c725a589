#include "ui/wizard/MoneyInput.h"

#include <QTest>

using mandate::Money;
using mandate::ui::MoneyInput;
using namespace Qt::StringLiterals;

class tst_MoneyInput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesExactly_data();
    void parsesExactly();
    void refuses_data();
    void refuses();
    void formatRoundTrips();
};

void tst_MoneyInput::parsesExactly_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<qint64>("minor");

    QTest::newRow("grouped EUR") << u"1,250.50"_s << u"EUR"_s << qint64(125050);
    QTest::newRow("one decimal") << u"1250.5"_s << u"EUR"_s << qint64(125050);
    QTest::newRow("whole EUR") << u"12"_s << u"EUR"_s << qint64(1200);
    QTest::newRow("spaces around") << u"  0.01 "_s << u"EUR"_s << qint64(1);
    QTest::newRow("JPY has no decimals") << u"1,250"_s << u"JPY"_s << qint64(1250);
    QTest::newRow("BHD has three") << u"1.250"_s << u"BHD"_s << qint64(1250);
    QTest::newRow("BHD grouped") << u"12,345.678"_s << u"BHD"_s << qint64(12345678);
    QTest::newRow("CLF has four") << u"1.2345"_s << u"CLF"_s << qint64(12345);
    // A float would round 0.1 + 0.2 and 9007199254740993; the decimal text never goes through one.
    QTest::newRow("beyond double precision")
        << u"90,071,992,547,409.93"_s << u"EUR"_s << qint64(9007199254740993);
    QTest::newRow("int64 max") << u"92,233,720,368,547,758.07"_s << u"EUR"_s
                               << std::numeric_limits<qint64>::max();
}

void tst_MoneyInput::parsesExactly()
{
    QFETCH(QString, text);
    QFETCH(QString, currency);
    QFETCH(qint64, minor);

    const auto money = MoneyInput::parse(text, currency);
    QVERIFY2(money.hasValue(), qPrintable(money ? QString() : money.error()));
    QCOMPARE(money->amountMinor(), minor);
    QCOMPARE(money->currency(), currency);
}

void tst_MoneyInput::refuses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("message");

    QTest::newRow("too many EUR decimals") << u"12.345"_s << u"EUR"_s << u"at most 2 decimal places"_s;
    QTest::newRow("JPY decimals") << u"12.5"_s << u"JPY"_s << u"no decimal places"_s;
    QTest::newRow("BHD four decimals") << u"1.2345"_s << u"BHD"_s << u"at most 3 decimal places"_s;
    QTest::newRow("empty") << u""_s << u"EUR"_s << u"in digits"_s;
    QTest::newRow("negative") << u"-5"_s << u"EUR"_s << u"in digits"_s;
    QTest::newRow("exponent") << u"1e3"_s << u"EUR"_s << u"in digits"_s;
    QTest::newRow("trailing point") << u"12."_s << u"EUR"_s << u"in digits"_s;
    QTest::newRow("leading point") << u".5"_s << u"EUR"_s << u"in digits"_s;
    QTest::newRow("comma as decimal") << u"12,5"_s << u"EUR"_s << u"in digits"_s;
    QTest::newRow("misplaced group") << u"1,25,0"_s << u"EUR"_s << u"in digits"_s;
    QTest::newRow("two points") << u"1.2.3"_s << u"EUR"_s << u"in digits"_s;
    QTest::newRow("currency symbol") << u"€12"_s << u"EUR"_s << u"in digits"_s;
    QTest::newRow("overflow") << u"92,233,720,368,547,758.08"_s << u"EUR"_s << u"too large"_s;
    QTest::newRow("unknown currency") << u"12"_s << u"XYZ"_s << u"not a currency"_s;
}

void tst_MoneyInput::refuses()
{
    QFETCH(QString, text);
    QFETCH(QString, currency);
    QFETCH(QString, message);

    const auto money = MoneyInput::parse(text, currency);
    QVERIFY(!money.hasValue());
    QVERIFY2(money.error().contains(message), qPrintable(money.error()));
}

void tst_MoneyInput::formatRoundTrips()
{
    for (const auto &[minor, currency, text] :
         {std::tuple{qint64(125050), u"EUR"_s, u"1,250.50"_s}, std::tuple{qint64(1250), u"JPY"_s, u"1,250"_s},
          std::tuple{qint64(1250), u"BHD"_s, u"1.250"_s}, std::tuple{qint64(5), u"EUR"_s, u"0.05"_s}}) {
        const Money money = Money::of(minor, currency).value();
        QCOMPARE(MoneyInput::format(money), text);
        QCOMPARE(MoneyInput::parse(text, currency)->amountMinor(), minor);
    }
}

QTEST_APPLESS_MAIN(tst_MoneyInput)
#include "tst_MoneyInput.moc"
