#include "agent/DecimalAmount.h"

#include "core/Currency.h"

#include <limits>

namespace mandate::agent {

namespace {

constexpr qint64 Max = std::numeric_limits<qint64>::max();

// value * 10 + digit, or nothing when it would not fit in int64.
std::optional<qint64> appendDigit(qint64 value, int digit)
{
    if (value > (Max - digit) / 10)
        return std::nullopt;
    return value * 10 + digit;
}

} // namespace

Expected<Money, QString> DecimalAmount::parse(QStringView text, const QString &currency)
{
    const auto exponent = Currency::minorUnits(currency);
    if (!exponent)
        return unexpected(QStringLiteral("%1 is not an ISO 4217 currency code.").arg(currency));
    const qsizetype point = text.indexOf(u'.');
    const QStringView whole = point < 0 ? text : text.left(point);
    const QStringView fraction = point < 0 ? QStringView() : text.mid(point + 1);
    bool overflow = false;
    const auto invalid = [&] {
        if (overflow)
            return unexpected(QStringLiteral("'%1' is too large an amount.").arg(text));
        return unexpected(
            QStringLiteral("'%1' is not an amount; write digits with an optional decimal point, "
                           "like 12.50.")
                .arg(text));
    };
    if (whole.isEmpty() || (point >= 0 && fraction.isEmpty()))
        return invalid();
    if (fraction.size() > *exponent)
        return unexpected(
            QStringLiteral("%1 has %2 minor digits; '%3' has more.").arg(currency).arg(*exponent).arg(text));

    qint64 minor = 0;
    const auto append = [&](QChar c) {
        if (c < u'0' || c > u'9')
            return false;
        const auto next = appendDigit(minor, c.unicode() - u'0');
        overflow = !next;
        if (!next)
            return false;
        minor = *next;
        return true;
    };
    for (const QChar c : whole) {
        if (!append(c))
            return invalid();
    }
    for (const QChar c : fraction) {
        if (!append(c))
            return invalid();
    }
    // Pad to the currency's exponent: "12.5" EUR is 1250 minor units.
    for (qsizetype i = fraction.size(); i < *exponent; ++i) {
        if (!append(u'0'))
            return invalid();
    }
    const auto money = Money::of(minor, currency);
    if (!money)
        return unexpected(Money::errorMessage(money.error()));
    return *money;
}

} // namespace mandate::agent
