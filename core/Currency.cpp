#include "core/Currency.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace mandate {

namespace {

struct CurrencyEntry
{
    std::string_view code;
    int minorUnits;
};

// ISO 4217 List One as of 2025: XCG and ZWG are in; ANG, HRK, SLL and ZWL have been withdrawn.
// Funds with a minor unit stay (BOV, CHE, CLF, COU, USN, UYI, UYW, ...); precious metals, SDRs,
// bond-market units, XSU, XUA and the testing codes have no minor unit, so nobody pays in them.
// Kept sorted so a lookup, which happens on every request, is a binary search.
constexpr std::array kCurrencies{
    CurrencyEntry{"AED", 2}, CurrencyEntry{"AFN", 2}, CurrencyEntry{"ALL", 2}, CurrencyEntry{"AMD", 2},
    CurrencyEntry{"AOA", 2}, CurrencyEntry{"ARS", 2}, CurrencyEntry{"AUD", 2}, CurrencyEntry{"AWG", 2},
    CurrencyEntry{"AZN", 2}, CurrencyEntry{"BAM", 2}, CurrencyEntry{"BBD", 2}, CurrencyEntry{"BDT", 2},
    CurrencyEntry{"BGN", 2}, CurrencyEntry{"BHD", 3}, CurrencyEntry{"BIF", 0}, CurrencyEntry{"BMD", 2},
    CurrencyEntry{"BND", 2}, CurrencyEntry{"BOB", 2}, CurrencyEntry{"BOV", 2}, CurrencyEntry{"BRL", 2},
    CurrencyEntry{"BSD", 2}, CurrencyEntry{"BTN", 2}, CurrencyEntry{"BWP", 2}, CurrencyEntry{"BYN", 2},
    CurrencyEntry{"BZD", 2}, CurrencyEntry{"CAD", 2}, CurrencyEntry{"CDF", 2}, CurrencyEntry{"CHE", 2},
    CurrencyEntry{"CHF", 2}, CurrencyEntry{"CHW", 2}, CurrencyEntry{"CLF", 4}, CurrencyEntry{"CLP", 0},
    CurrencyEntry{"CNY", 2}, CurrencyEntry{"COP", 2}, CurrencyEntry{"COU", 2}, CurrencyEntry{"CRC", 2},
    CurrencyEntry{"CUC", 2}, CurrencyEntry{"CUP", 2}, CurrencyEntry{"CVE", 2}, CurrencyEntry{"CZK", 2},
    CurrencyEntry{"DJF", 0}, CurrencyEntry{"DKK", 2}, CurrencyEntry{"DOP", 2}, CurrencyEntry{"DZD", 2},
    CurrencyEntry{"EGP", 2}, CurrencyEntry{"ERN", 2}, CurrencyEntry{"ETB", 2}, CurrencyEntry{"EUR", 2},
    CurrencyEntry{"FJD", 2}, CurrencyEntry{"FKP", 2}, CurrencyEntry{"GBP", 2}, CurrencyEntry{"GEL", 2},
    CurrencyEntry{"GHS", 2}, CurrencyEntry{"GIP", 2}, CurrencyEntry{"GMD", 2}, CurrencyEntry{"GNF", 0},
    CurrencyEntry{"GTQ", 2}, CurrencyEntry{"GYD", 2}, CurrencyEntry{"HKD", 2}, CurrencyEntry{"HNL", 2},
    CurrencyEntry{"HTG", 2}, CurrencyEntry{"HUF", 2}, CurrencyEntry{"IDR", 2}, CurrencyEntry{"ILS", 2},
    CurrencyEntry{"INR", 2}, CurrencyEntry{"IQD", 3}, CurrencyEntry{"IRR", 2}, CurrencyEntry{"ISK", 0},
    CurrencyEntry{"JMD", 2}, CurrencyEntry{"JOD", 3}, CurrencyEntry{"JPY", 0}, CurrencyEntry{"KES", 2},
    CurrencyEntry{"KGS", 2}, CurrencyEntry{"KHR", 2}, CurrencyEntry{"KMF", 0}, CurrencyEntry{"KPW", 2},
    CurrencyEntry{"KRW", 0}, CurrencyEntry{"KWD", 3}, CurrencyEntry{"KYD", 2}, CurrencyEntry{"KZT", 2},
    CurrencyEntry{"LAK", 2}, CurrencyEntry{"LBP", 2}, CurrencyEntry{"LKR", 2}, CurrencyEntry{"LRD", 2},
    CurrencyEntry{"LSL", 2}, CurrencyEntry{"LYD", 3}, CurrencyEntry{"MAD", 2}, CurrencyEntry{"MDL", 2},
    CurrencyEntry{"MGA", 2}, CurrencyEntry{"MKD", 2}, CurrencyEntry{"MMK", 2}, CurrencyEntry{"MNT", 2},
    CurrencyEntry{"MOP", 2}, CurrencyEntry{"MRU", 2}, CurrencyEntry{"MUR", 2}, CurrencyEntry{"MVR", 2},
    CurrencyEntry{"MWK", 2}, CurrencyEntry{"MXN", 2}, CurrencyEntry{"MXV", 2}, CurrencyEntry{"MYR", 2},
    CurrencyEntry{"MZN", 2}, CurrencyEntry{"NAD", 2}, CurrencyEntry{"NGN", 2}, CurrencyEntry{"NIO", 2},
    CurrencyEntry{"NOK", 2}, CurrencyEntry{"NPR", 2}, CurrencyEntry{"NZD", 2}, CurrencyEntry{"OMR", 3},
    CurrencyEntry{"PAB", 2}, CurrencyEntry{"PEN", 2}, CurrencyEntry{"PGK", 2}, CurrencyEntry{"PHP", 2},
    CurrencyEntry{"PKR", 2}, CurrencyEntry{"PLN", 2}, CurrencyEntry{"PYG", 0}, CurrencyEntry{"QAR", 2},
    CurrencyEntry{"RON", 2}, CurrencyEntry{"RSD", 2}, CurrencyEntry{"RUB", 2}, CurrencyEntry{"RWF", 0},
    CurrencyEntry{"SAR", 2}, CurrencyEntry{"SBD", 2}, CurrencyEntry{"SCR", 2}, CurrencyEntry{"SDG", 2},
    CurrencyEntry{"SEK", 2}, CurrencyEntry{"SGD", 2}, CurrencyEntry{"SHP", 2}, CurrencyEntry{"SLE", 2},
    CurrencyEntry{"SOS", 2}, CurrencyEntry{"SRD", 2}, CurrencyEntry{"SSP", 2}, CurrencyEntry{"STN", 2},
    CurrencyEntry{"SVC", 2}, CurrencyEntry{"SYP", 2}, CurrencyEntry{"SZL", 2}, CurrencyEntry{"THB", 2},
    CurrencyEntry{"TJS", 2}, CurrencyEntry{"TMT", 2}, CurrencyEntry{"TND", 3}, CurrencyEntry{"TOP", 2},
    CurrencyEntry{"TRY", 2}, CurrencyEntry{"TTD", 2}, CurrencyEntry{"TWD", 2}, CurrencyEntry{"TZS", 2},
    CurrencyEntry{"UAH", 2}, CurrencyEntry{"UGX", 0}, CurrencyEntry{"USD", 2}, CurrencyEntry{"USN", 2},
    CurrencyEntry{"UYI", 0}, CurrencyEntry{"UYU", 2}, CurrencyEntry{"UYW", 4}, CurrencyEntry{"UZS", 2},
    CurrencyEntry{"VED", 2}, CurrencyEntry{"VES", 2}, CurrencyEntry{"VND", 0}, CurrencyEntry{"VUV", 0},
    CurrencyEntry{"WST", 2}, CurrencyEntry{"XAF", 0}, CurrencyEntry{"XCD", 2}, CurrencyEntry{"XCG", 2},
    CurrencyEntry{"XOF", 0}, CurrencyEntry{"XPF", 0}, CurrencyEntry{"YER", 2}, CurrencyEntry{"ZAR", 2},
    CurrencyEntry{"ZMW", 2}, CurrencyEntry{"ZWG", 2},
};

static_assert(std::is_sorted(kCurrencies.begin(), kCurrencies.end(),
                             [](const CurrencyEntry &a, const CurrencyEntry &b) { return a.code < b.code; }));

} // namespace

std::optional<int> Currency::minorUnits(QStringView code)
{
    if (code.size() != 3)
        return std::nullopt;
    std::array<char, 3> ascii{};
    for (qsizetype i = 0; i < code.size(); ++i) {
        const char16_t unit = code[i].unicode();
        if (unit < u'A' || unit > u'Z')
            return std::nullopt;
        ascii[static_cast<std::size_t>(i)] = static_cast<char>(unit);
    }
    const std::string_view key(ascii.data(), ascii.size());
    const auto found = std::lower_bound(
        kCurrencies.begin(), kCurrencies.end(), key,
        [](const CurrencyEntry &entry, std::string_view wanted) { return entry.code < wanted; });
    if (found == kCurrencies.end() || found->code != key)
        return std::nullopt;
    return found->minorUnits;
}

} // namespace mandate
