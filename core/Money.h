#pragma once

#include "core/Expected.h"

#include <QLocale>
#include <QString>
#include <QtGlobal>

namespace mandate {

// An amount in minor units of one ISO 4217 currency. Never floating point: the arithmetic is
// checked, so an overflow or a mixed-currency operation is an error instead of a wrong number.
class Money
{
public:
    enum class Error
    {
        UnknownCurrency,
        CurrencyMismatch,
        Overflow,
        Negative
    };

    Money() = default;

    // Validates the currency and rejects negative amounts (API.md: negative amounts are errors).
    static Expected<Money, Error> of(qint64 amountMinor, const QString &currency);

    qint64 amountMinor() const { return m_amountMinor; }
    const QString &currency() const { return m_currency; }
    bool isValid() const { return !m_currency.isEmpty(); }

    Expected<Money, Error> plus(const Money &other) const;
    Expected<Money, Error> minus(const Money &other) const;
    // -1, 0 or 1; CurrencyMismatch when the currencies differ.
    Expected<int, Error> compare(const Money &other) const;

    // "EUR 1,250.00", "JPY 1,250", "BHD 1.250": what people read in summaries and messages.
    QString toDisplayString() const;
    // For people: in `locale`'s digits and currency order ("1.250,00 EUR" in German). C and English
    // keep toDisplayString()'s form. Never for the wire or logs: they use toDisplayString().
    QString toLocaleString(const QLocale &locale = QLocale()) const;

    static QString errorMessage(Error error);

    friend bool operator==(const Money &, const Money &) = default;

private:
    Money(qint64 amountMinor, QString currency)
        : m_amountMinor(amountMinor)
        , m_currency(std::move(currency))
    {}

    qint64 m_amountMinor = 0;
    QString m_currency;
};

} // namespace mandate
