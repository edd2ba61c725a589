#pragma once

#include <QString>

#include <optional>

namespace mandate {

// ISO 4217 active currency codes with their minor-unit exponent (JPY 0, EUR 2, BHD 3).
class Currency
{
public:
    // The minor-unit exponent of an ISO 4217 code, or nothing when the code is not a currency.
    static std::optional<int> minorUnits(QStringView code);
    static bool isKnown(QStringView code) { return minorUnits(code).has_value(); }
};

} // namespace mandate
