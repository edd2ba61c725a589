#include "ui/wizard/MoneyInput.h"

#include "core/Currency.h"

namespace mandate::ui {

namespace {

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

// "1,250" or "1250": separators, when present, must group the digits in threes like people write them.
bool isWellGrouped(QStringView integerPart)
{
    if (!integerPart.contains(u','))
        return true;
    const auto groups = integerPart.split(u',');
    if (groups.front().isEmpty() || groups.front().size() > 3)
        return false;
    for (qsizetype i = 1; i < groups.size(); ++i) {
        if (groups.at(i).size() != 3)
            return false;
    }
    return true;
}

} // namespace

Expected<Money, QString> MoneyInput::parse(QStringView text, const QString &currency)
{
    const auto exponent = Currency::minorUnits(currency);
    if (!exponent)
        return unexpected(tr("%1 is not a currency code.").arg(currency));

    const QStringView trimmed = text.trimmed();
    const qsizetype point = trimmed.indexOf(u'.');
    const QStringView integerPart = point < 0 ? trimmed : trimmed.first(point);
    const QStringView fractionPart = point < 0 ? QStringView() : trimmed.sliced(point + 1);

    const QString example = format(Money::of(125050, QStringLiteral("EUR")).value());
    bool wellFormed = !integerPart.isEmpty() && (point < 0 || !fractionPart.isEmpty());
    for (const QChar c : integerPart)
        wellFormed = wellFormed && (isDigit(c) || c == u',');
    for (const QChar c : fractionPart)
        wellFormed = wellFormed && isDigit(c);
    if (!wellFormed || !isWellGrouped(integerPart))
        return unexpected(tr("Enter an amount in digits, such as %1.").arg(example));

    if (fractionPart.size() > *exponent) {
        if (*exponent == 0)
            return unexpected(tr("%1 amounts have no decimal places.").arg(currency));
        if (*exponent == 1)
            return unexpected(tr("%1 amounts have at most 1 decimal place.").arg(currency));
        return unexpected(tr("%1 amounts have at most %2 decimal places.").arg(currency).arg(*exponent));
    }

    qint64 minor = 0;
    const auto appendDigit = [&minor](char16_t digit) {
        return !__builtin_mul_overflow(minor, qint64(10), &minor) &&
               !__builtin_add_overflow(minor, qint64(digit - u'0'), &minor);
    };
    bool fits = true;
    for (const QChar c : integerPart) {
        if (c != u',')
            fits = fits && appendDigit(c.unicode());
    }
    for (qsizetype i = 0; i < *exponent; ++i)
        fits = fits && appendDigit(i < fractionPart.size() ? fractionPart[i].unicode() : u'0');
    if (!fits)
        return unexpected(tr("The amount is too large."));

    auto money = Money::of(minor, currency);
    if (!money)
        return unexpected(Money::errorMessage(money.error()));
    return money.value();
}

QString MoneyInput::format(const Money &money)
{
    const QString display = money.toDisplayString();
    // toDisplayString() is "EUR 1,250.50": the amount after the code is exactly the editable form.
    return display.mid(display.indexOf(u' ') + 1);
}

} // namespace mandate::ui
