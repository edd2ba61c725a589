#pragma once

#include "core/Expected.h"
#include "core/Money.h"

#include <QCoreApplication>
#include <QString>

namespace mandate::ui {

// Converts what a person types ("1,250.50") into minor units of a currency and back, exactly:
// the text is read as a decimal with the currency's ISO 4217 exponent, never as a float.
class MoneyInput
{
    Q_DECLARE_TR_FUNCTIONS(MoneyInput)

public:
    // Digits with optional ',' thousands separators and an optional '.' decimal part of at most as
    // many digits as the currency has minor units. The error is a sentence for the person typing.
    static Expected<Money, QString> parse(QStringView text, const QString &currency);

    // The amount in major units without the currency code, as parse() reads it back: "1,250.50".
    static QString format(const Money &money);
};

} // namespace mandate::ui
