#include "core/Money.h"

#include "core/Currency.h"

#include <cmath>

namespace mandate {

Expected<Money, Money::Error> Money::of(qint64 amountMinor, const QString &currency)
{
    if (!Currency::isKnown(currency))
        return unexpected(Error::UnknownCurrency);
    if (amountMinor < 0)
        return unexpected(Error::Negative);
    return Money(amountMinor, currency);
}

Expected<Money, Money::Error> Money::plus(const Money &other) const
{
    if (!isValid() || !other.isValid())
        return unexpected(Error::UnknownCurrency);
    if (m_currency != other.m_currency)
        return unexpected(Error::CurrencyMismatch);
    qint64 sum = 0;
    if (__builtin_add_overflow(m_amountMinor, other.m_amountMinor, &sum))
        return unexpected(Error::Overflow);
    return Money(sum, m_currency);
}

Expected<Money, Money::Error> Money::minus(const Money &other) const
{
    if (!isValid() || !other.isValid())
        return unexpected(Error::UnknownCurrency);
    if (m_currency != other.m_currency)
        return unexpected(Error::CurrencyMismatch);
    qint64 difference = 0;
    if (__builtin_sub_overflow(m_amountMinor, other.m_amountMinor, &difference))
        return unexpected(Error::Overflow);
    if (difference < 0)
        return unexpected(Error::Negative);
    return Money(difference, m_currency);
}

Expected<int, Money::Error> Money::compare(const Money &other) const
{
    if (m_currency != other.m_currency)
        return unexpected(Error::CurrencyMismatch);
    if (m_amountMinor < other.m_amountMinor)
        return -1;
    return m_amountMinor > other.m_amountMinor ? 1 : 0;
}

QString Money::toDisplayString() const
{
    if (!isValid())
        return {};
    const qsizetype fractionDigits = Currency::minorUnits(m_currency).value_or(0);
    // Amounts are never negative (of() and the arithmetic refuse it), so the digits are the whole story.
    QString digits = QString::number(m_amountMinor);
    if (digits.size() <= fractionDigits)
        digits = QString(fractionDigits + 1 - digits.size(), u'0') + digits;
    const qsizetype integerDigits = digits.size() - fractionDigits;

    QString text = m_currency + u' ';
    text.reserve(text.size() + digits.size() + integerDigits / 3 + 1);
    for (qsizetype i = 0; i < integerDigits; ++i) {
        if (i > 0 && (integerDigits - i) % 3 == 0)
            text += u',';
        text += digits[i];
    }
    if (fractionDigits > 0) {
        text += u'.';
        text += QStringView(digits).mid(integerDigits);
    }
    return text;
}

QString Money::toLocaleString(const QLocale &locale) const
{
    if (!isValid() || locale.language() == QLocale::C || locale.language() == QLocale::English)
        return toDisplayString();
    const int fractionDigits = static_cast<int>(Currency::minorUnits(m_currency).value_or(0));
    // A double holds every amount below 2^53 minor units exactly enough for display.
    const double value = static_cast<double>(m_amountMinor) / std::pow(10.0, fractionDigits);
    return locale.toCurrencyString(value, m_currency, fractionDigits);
}

QString Money::errorMessage(Error error)
{
    switch (error) {
    case Error::UnknownCurrency:
        return QStringLiteral("the currency is not an active ISO 4217 currency code");
    case Error::CurrencyMismatch:
        return QStringLiteral("the amounts are in different currencies");
    case Error::Overflow:
        return QStringLiteral("the amount is too large to be represented");
    case Error::Negative:
        return QStringLiteral("the amount must not be negative");
    }
    Q_UNREACHABLE();
    return {};
}

} // namespace mandate
