#include "core/Currency.h"

#include <QTest>

using namespace mandate;

class TstCurrency : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void minorUnits_data();
    void minorUnits();
    void unknown_data();
    void unknown();
    void everyThreeLetterCode();
};

void TstCurrency::minorUnits_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("expected");

    for (const char *code : {"EUR", "USD", "GBP", "CHF", "AED", "ZMW", "BOV", "CHE", "COU", "USN", "VED",
                             "VES", "SLE", "XCG", "ZWG", "CUC", "IRR", "MGA", "MRU"})
        QTest::newRow(code) << QString::fromLatin1(code) << 2;
    for (const char *code : {"JPY", "KRW", "CLP", "ISK", "VND", "XAF", "XOF", "XPF", "UGX", "PYG", "RWF",
                             "KMF", "GNF", "DJF", "VUV", "BIF", "UYI"})
        QTest::newRow(code) << QString::fromLatin1(code) << 0;
    for (const char *code : {"BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"})
        QTest::newRow(code) << QString::fromLatin1(code) << 3;
    for (const char *code : {"CLF", "UYW"})
        QTest::newRow(code) << QString::fromLatin1(code) << 4;
}

void TstCurrency::minorUnits()
{
    QFETCH(QString, code);
    QFETCH(int, expected);

    QCOMPARE(Currency::minorUnits(code), std::optional<int>(expected));
    QVERIFY(Currency::isKnown(code));
}

void TstCurrency::unknown_data()
{
    QTest::addColumn<QString>("code");

    QTest::newRow("empty") << QString();
    QTest::newRow("lowercase") << QStringLiteral("eur");
    QTest::newRow("mixed case") << QStringLiteral("Eur");
    QTest::newRow("too long") << QStringLiteral("EURO");
    QTest::newRow("too short") << QStringLiteral("EU");
    QTest::newRow("trailing space") << QStringLiteral("EUR ");
    QTest::newRow("leading space") << QStringLiteral(" EUR");
    QTest::newRow("full-width letters") << QString::fromUtf8("\xEF\xBC\xA5\xEF\xBC\xB5\xEF\xBC\xB2");
    QTest::newRow("non-ASCII") << QString::fromUtf8("EU\xE2\x82\xAC");
    QTest::newRow("never assigned") << QStringLiteral("AAA");
    QTest::newRow("last letters") << QStringLiteral("ZZZ");
    for (const char *code :
         {"XAU", "XAG", "XPT", "XPD", "XDR", "XTS", "XXX", "XBA", "XBB", "XBC", "XBD", "XSU", "XUA"})
        QTest::newRow(code) << QString::fromLatin1(code);
    for (const char *code : {"ANG", "HRK", "SLL", "ZWL", "DEM", "FRF", "VEF", "MRO", "STD"})
        QTest::newRow(code) << QString::fromLatin1(code);
}

void TstCurrency::unknown()
{
    QFETCH(QString, code);

    QCOMPARE(Currency::minorUnits(code), std::nullopt);
    QVERIFY(!Currency::isKnown(code));
}

// Pins the size of the list, so a code dropped or added by accident shows up here.
void TstCurrency::everyThreeLetterCode()
{
    int known = 0;
    QString code(3, u'A');
    for (char16_t a = u'A'; a <= u'Z'; ++a) {
        for (char16_t b = u'A'; b <= u'Z'; ++b) {
            for (char16_t c = u'A'; c <= u'Z'; ++c) {
                code[0] = a;
                code[1] = b;
                code[2] = c;
                const std::optional<int> units = Currency::minorUnits(code);
                if (!units)
                    continue;
                ++known;
                QVERIFY2(*units == 0 || *units == 2 || *units == 3 || *units == 4, qPrintable(code));
            }
        }
    }
    QCOMPARE(known, 166);
}

QTEST_APPLESS_MAIN(TstCurrency)
#include "tst_Currency.moc"
