#pragma once

#include "core/Expected.h"
#include "core/Money.h"

#include <QString>

namespace mandate::agent {

// Decimal text ("12.50", "1250", "0.5") read into minor units of a currency, digit by digit with
// checked arithmetic: a float would turn 0.1 + 0.2 into a payment of the wrong amount.
class DecimalAmount
{
public:
    // More fraction digits than the currency's exponent, signs, exponents, grouping and overflow
    // are errors (one sentence for the person who typed it).
    static Expected<Money, QString> parse(QStringView text, const QString &currency);
};

} // namespace mandate::agent
