#pragma once

#include "core/Money.h"
#include "core/ResourcePattern.h"

#include <QString>
#include <QtGlobal>

namespace mandate::test {

// Literal values for tests. A typo in a test literal is a broken test, so it stops the run loudly
// instead of quietly becoming an empty value.
inline Money money(qint64 amountMinor, const QString &currency = QStringLiteral("EUR"))
{
    Expected<Money, Money::Error> value = Money::of(amountMinor, currency);
    if (!value) {
        qFatal("invalid test money: %lld %s", amountMinor, qPrintable(currency));
    }
    return value.value();
}

inline ResourcePattern pattern(const QString &text)
{
    Expected<ResourcePattern, QString> value = ResourcePattern::parse(text);
    if (!value) {
        qFatal("invalid test resource pattern %s: %s", qPrintable(text), qPrintable(value.error()));
    }
    return value.value();
}

} // namespace mandate::test
