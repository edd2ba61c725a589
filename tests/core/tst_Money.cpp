#include "core/Money.h"

#include <QTest>

#include <limits>

using namespace mandate;

namespace {

constexpr qint64 Max = std::numeric_limits<qint64>::max();

Money money(qint64 amountMinor, const char *currency)
{
    return Money::of(amountMinor, QString::fromLatin1(currency)).value();
}

} // namespace

Q_DECLARE_METATYPE(Money::Error)

class TstMoney : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void of_data();
    void of();
    void plus_data();
    void plus();
    void minus_data();
    void minus();
    void arithmeticOnInvalidMoney();
    void compare_data();
    void compare();
    void equality();
    void toDisplayString_data();
    void toDisplayString();
    void errorMessage_data();
    void errorMessage();
};

void TstMoney::of_data()
{
    QTest::addColumn<qint64>("amount");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<Money::Error>("error");

    QTest::newRow("zero") << qint64(0) << QStringLiteral("EUR") << true << Money::Error{};
    QTest::newRow("positive") << qint64(12500) << QStringLiteral("EUR") << true << Money::Error{};
    QTest::newRow("int64 max") << Max << QStringLiteral("JPY") << true << Money::Error{};
    QTest::newRow("negative") << qint64(-1) << QStringLiteral("EUR") << false << Money::Error::Negative;
    QTest::newRow("int64 min") << std::numeric_limits<qint64>::min() << QStringLiteral("EUR") << false
                               << Money::Error::Negative;
    QTest::newRow("unknown currency")
        << qint64(1) << QStringLiteral("XXX") << false << Money::Error::UnknownCurrency;
    QTest::newRow("lowercase currency")
        << qint64(1) << QStringLiteral("eur") << false << Money::Error::UnknownCurrency;
    QTest::newRow("empty currency") << qint64(1) << QString() << false << Money::Error::UnknownCurrency;
    QTest::newRow("currency checked first")
        << qint64(-1) << QStringLiteral("ABC") << false << Money::Error::UnknownCurrency;
}

void TstMoney::of()
{
    QFETCH(qint64, amount);
    QFETCH(QString, currency);
    QFETCH(bool, valid);
    QFETCH(Money::Error, error);

    const auto result = Money::of(amount, currency);
    QCOMPARE(result.hasValue(), valid);
    if (valid) {
        QCOMPARE(result->amountMinor(), amount);
        QCOMPARE(result->currency(), currency);
        QVERIFY(result->isValid());
    } else {
        QCOMPARE(result.error(), error);
    }
}

void TstMoney::plus_data()
{
    QTest::addColumn<Money>("left");
    QTest::addColumn<Money>("right");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<qint64>("expected");
    QTest::addColumn<Money::Error>("error");

    QTest::newRow("simple") << money(1, "EUR") << money(2, "EUR") << true << qint64(3) << Money::Error{};
    QTest::newRow("zeros") << money(0, "EUR") << money(0, "EUR") << true << qint64(0) << Money::Error{};
    QTest::newRow("reaches int64 max")
        << money(Max - 1, "EUR") << money(1, "EUR") << true << Max << Money::Error{};
    QTest::newRow("max plus zero") << money(Max, "EUR") << money(0, "EUR") << true << Max << Money::Error{};
    QTest::newRow("one past int64 max")
        << money(Max, "EUR") << money(1, "EUR") << false << qint64(0) << Money::Error::Overflow;
    QTest::newRow("max plus max") << money(Max, "EUR") << money(Max, "EUR") << false << qint64(0)
                                  << Money::Error::Overflow;
    QTest::newRow("different currencies")
        << money(1, "EUR") << money(1, "USD") << false << qint64(0) << Money::Error::CurrencyMismatch;
    QTest::newRow("mismatch wins over overflow")
        << money(Max, "EUR") << money(Max, "USD") << false << qint64(0) << Money::Error::CurrencyMismatch;
}

void TstMoney::plus()
{
    QFETCH(Money, left);
    QFETCH(Money, right);
    QFETCH(bool, valid);
    QFETCH(qint64, expected);
    QFETCH(Money::Error, error);

    const auto result = left.plus(right);
    QCOMPARE(result.hasValue(), valid);
    if (valid)
        QCOMPARE(*result, money(expected, "EUR"));
    else
        QCOMPARE(result.error(), error);
}

void TstMoney::minus_data()
{
    QTest::addColumn<Money>("left");
    QTest::addColumn<Money>("right");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<qint64>("expected");
    QTest::addColumn<Money::Error>("error");

    QTest::newRow("simple") << money(5, "EUR") << money(3, "EUR") << true << qint64(2) << Money::Error{};
    QTest::newRow("to zero") << money(3, "EUR") << money(3, "EUR") << true << qint64(0) << Money::Error{};
    QTest::newRow("max minus max") << money(Max, "EUR") << money(Max, "EUR") << true << qint64(0)
                                   << Money::Error{};
    QTest::newRow("max minus zero") << money(Max, "EUR") << money(0, "EUR") << true << Max << Money::Error{};
    QTest::newRow("one below zero") << money(3, "EUR") << money(4, "EUR") << false << qint64(0)
                                    << Money::Error::Negative;
    QTest::newRow("zero minus max") << money(0, "EUR") << money(Max, "EUR") << false << qint64(0)
                                    << Money::Error::Negative;
    QTest::newRow("different currencies")
        << money(5, "EUR") << money(3, "USD") << false << qint64(0) << Money::Error::CurrencyMismatch;
}

void TstMoney::minus()
{
    QFETCH(Money, left);
    QFETCH(Money, right);
    QFETCH(bool, valid);
    QFETCH(qint64, expected);
    QFETCH(Money::Error, error);

    const auto result = left.minus(right);
    QCOMPARE(result.hasValue(), valid);
    if (valid)
        QCOMPARE(*result, money(expected, "EUR"));
    else
        QCOMPARE(result.error(), error);
}

void TstMoney::arithmeticOnInvalidMoney()
{
    const Money none;
    QVERIFY(!none.isValid());
    QCOMPARE(none.plus(money(1, "EUR")).error(), Money::Error::UnknownCurrency);
    QCOMPARE(money(1, "EUR").plus(none).error(), Money::Error::UnknownCurrency);
    QCOMPARE(none.minus(none).error(), Money::Error::UnknownCurrency);
    QCOMPARE(none.toDisplayString(), QString());
}

void TstMoney::compare_data()
{
    QTest::addColumn<Money>("left");
    QTest::addColumn<Money>("right");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("expected");

    QTest::newRow("less") << money(1, "EUR") << money(2, "EUR") << true << -1;
    QTest::newRow("equal") << money(2, "EUR") << money(2, "EUR") << true << 0;
    QTest::newRow("greater") << money(3, "EUR") << money(2, "EUR") << true << 1;
    QTest::newRow("at the int64 limits") << money(0, "EUR") << money(Max, "EUR") << true << -1;
    QTest::newRow("max equals max") << money(Max, "JPY") << money(Max, "JPY") << true << 0;
    QTest::newRow("different currencies") << money(1, "EUR") << money(1, "USD") << false << 0;
    QTest::newRow("same digits, other exponent") << money(100, "EUR") << money(100, "JPY") << false << 0;
}

void TstMoney::compare()
{
    QFETCH(Money, left);
    QFETCH(Money, right);
    QFETCH(bool, valid);
    QFETCH(int, expected);

    const auto result = left.compare(right);
    QCOMPARE(result.hasValue(), valid);
    if (valid)
        QCOMPARE(*result, expected);
    else
        QCOMPARE(result.error(), Money::Error::CurrencyMismatch);
}

void TstMoney::equality()
{
    QCOMPARE(money(100, "EUR"), money(100, "EUR"));
    QVERIFY(money(100, "EUR") != money(100, "USD"));
    QVERIFY(money(100, "EUR") != money(101, "EUR"));
}

void TstMoney::toDisplayString_data()
{
    QTest::addColumn<Money>("amount");
    QTest::addColumn<QString>("expected");

    QTest::newRow("euros") << money(125000, "EUR") << QStringLiteral("EUR 1,250.00");
    QTest::newRow("yen") << money(1250, "JPY") << QStringLiteral("JPY 1,250");
    QTest::newRow("dinar") << money(1250, "BHD") << QStringLiteral("BHD 1.250");
    QTest::newRow("unidad de fomento") << money(12345, "CLF") << QStringLiteral("CLF 1.2345");
    QTest::newRow("cents only") << money(5, "EUR") << QStringLiteral("EUR 0.05");
    QTest::newRow("ten cents") << money(10, "EUR") << QStringLiteral("EUR 0.10");
    QTest::newRow("zero euros") << money(0, "EUR") << QStringLiteral("EUR 0.00");
    QTest::newRow("zero yen") << money(0, "JPY") << QStringLiteral("JPY 0");
    QTest::newRow("one fils") << money(1, "BHD") << QStringLiteral("BHD 0.001");
    QTest::newRow("one euro") << money(100, "EUR") << QStringLiteral("EUR 1.00");
    QTest::newRow("no separator below a thousand") << money(99999, "EUR") << QStringLiteral("EUR 999.99");
    QTest::newRow("separator from a thousand") << money(100000, "EUR") << QStringLiteral("EUR 1,000.00");
    QTest::newRow("millions") << money(123456789, "EUR") << QStringLiteral("EUR 1,234,567.89");
    QTest::newRow("six digits") << money(123456, "JPY") << QStringLiteral("JPY 123,456");
    QTest::newRow("int64 max euros") << money(Max, "EUR") << QStringLiteral("EUR 92,233,720,368,547,758.07");
    QTest::newRow("int64 max yen") << money(Max, "JPY") << QStringLiteral("JPY 9,223,372,036,854,775,807");
    QTest::newRow("int64 max dinar") << money(Max, "BHD") << QStringLiteral("BHD 9,223,372,036,854,775.807");
}

void TstMoney::toDisplayString()
{
    QFETCH(Money, amount);
    QFETCH(QString, expected);

    QCOMPARE(amount.toDisplayString(), expected);
}

void TstMoney::errorMessage_data()
{
    QTest::addColumn<Money::Error>("error");
    QTest::addColumn<QString>("expected");

    QTest::newRow("unknown currency")
        << Money::Error::UnknownCurrency
        << QStringLiteral("the currency is not an active ISO 4217 currency code");
    QTest::newRow("currency mismatch")
        << Money::Error::CurrencyMismatch << QStringLiteral("the amounts are in different currencies");
    QTest::newRow("overflow") << Money::Error::Overflow
                              << QStringLiteral("the amount is too large to be represented");
    QTest::newRow("negative") << Money::Error::Negative << QStringLiteral("the amount must not be negative");
}

void TstMoney::errorMessage()
{
    QFETCH(Money::Error, error);
    QFETCH(QString, expected);

    QCOMPARE(Money::errorMessage(error), expected);
}

QTEST_APPLESS_MAIN(TstMoney)
#include "tst_Money.moc"
